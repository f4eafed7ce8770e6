/**
 * Size of pasted code text, in UTF-8 bytes, beyond which it is refused before any parsing work:
 * the largest code is a few KiB, so anything bigger is prose or a wrong file. The armour, the
 * IPC contract, the authority's operations and the renderer all bound code text with this one.
 */
export const MAX_CODE_TEXT = 16 * 1024;
