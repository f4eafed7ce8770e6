// A dropped or chosen file holding an initialisation code: read as text, refused when it cannot be
// a code file at all (a code is a few KiB; 64 KiB leaves room for PEM with comments).
export const MAX_CODE_FILE = 64 * 1024;

export type FileRefusal = { reason: 'tooLarge'; size: number } | { reason: 'empty' };

export function checkCodeFile(file: { size: number }): FileRefusal | null {
  if (file.size === 0) return { reason: 'empty' };
  if (file.size > MAX_CODE_FILE) return { reason: 'tooLarge', size: file.size };
  return null;
}
