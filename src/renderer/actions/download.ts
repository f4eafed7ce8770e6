// Saving a file the app made (CSV, ICS): a Blob URL clicked as a download, then released.
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers read the URL after click() has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 2026-01-31, for file names. */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);
