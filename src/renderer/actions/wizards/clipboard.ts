// Copying a code: the clipboard when the browser or Electron allows it; otherwise the caller
// selects the text and asks for Ctrl+C (false here), which works everywhere.
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects an element's text (the fallback when copyText fails) and focuses it. */
export function selectText(el: HTMLElement | null): void {
  if (!el) return;
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  el.focus();
}
