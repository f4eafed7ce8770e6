// Shows a pasted code back to the reseller with the faulty group(s) marked. The numbering must be
// the armour's own (src/licensing/armour.ts): invisible characters and mail quoting are dropped,
// wrappers around the whole code are trimmed, tokens are split at spaces, line breaks and dashes,
// the first four characters of the first token are the tag (REQ1/ANS1), and every token is cut
// into 8-character groups numbered from 1 after the tag. The pasted text itself is kept exactly
// (line breaks included), so the reseller recognises what they pasted.

export interface Segment {
  text: string;
  /** The armour's 1-based group number, or null for the tag, separators and noise. */
  group: number | null;
  marked: boolean;
}

const GROUP_SIZE = 8;
const TAG_LENGTH = 4;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const SEPARATOR = /[\s\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const WRAPPERS = new Set([...`"'\`“”‘’«»„‚<>‹›`]);
const TRAILING = new Set([...WRAPPERS, '.']);
const MAIL_QUOTE = /^[ \t\u00A0]*(?:>[ \t\u00A0]?)+/gm;

/** The group numbers an inspection error names: details.groups (typos, swaps, surplus) or details.group. */
export function faultyGroups(details: Record<string, unknown> | undefined): number[] {
  if (!details) return [];
  const many = details.groups;
  if (Array.isArray(many)) return many.filter((g): g is number => Number.isInteger(g) && g > 0);
  const one = details.group;
  return Number.isInteger(one) && (one as number) > 0 ? [one as number] : [];
}

/** Per code point: 'noise' (dropped by the armour), 'sep', 'tag', or the group number. */
type Label = 'noise' | 'sep' | 'tag' | number;

function labelCodePoints(chars: string[], text: string): Label[] {
  const labels: Label[] = chars.map((ch) => (INVISIBLE.test(ch) ? 'noise' : 'sep'));
  // Mail quoting: the armour removes it before splitting, so it is noise here.
  const quoted = new Set<number>();
  for (const m of text.matchAll(MAIL_QUOTE)) {
    const start = [...text.slice(0, m.index)].length;
    for (let i = 0; i < [...m[0]].length; i++) quoted.add(start + i);
  }
  let start = 0;
  let end = chars.length;
  const blank = (i: number) => labels[i] === 'noise' || quoted.has(i) || /\s/.test(chars[i]!);
  while (start < end && (blank(start) || WRAPPERS.has(chars[start]!))) start++;
  while (end > start && (blank(end - 1) || TRAILING.has(chars[end - 1]!))) end--;

  let next = 1; // the next group number
  let inToken = false;
  let firstToken = true;
  let tokenChars = 0;
  let tokenFirstGroup = 1;
  for (let i = 0; i < chars.length; i++) {
    if (i < start || i >= end || labels[i] === 'noise' || quoted.has(i)) {
      labels[i] = 'noise';
      continue;
    }
    if (SEPARATOR.test(chars[i]!)) {
      if (inToken) next = closeToken(next, tokenChars, firstToken);
      if (inToken) firstToken = false;
      inToken = false;
      labels[i] = 'sep';
      continue;
    }
    if (!inToken) {
      inToken = true;
      tokenChars = 0;
      tokenFirstGroup = next;
    }
    const offset = firstToken ? tokenChars - TAG_LENGTH : tokenChars;
    labels[i] = offset < 0 ? 'tag' : tokenFirstGroup + Math.floor(offset / GROUP_SIZE);
    tokenChars++;
  }
  return labels;
}

/** Group numbering after a token: as many groups as the token starts (a short last one counts). */
function closeToken(next: number, chars: number, first: boolean): number {
  const data = first ? Math.max(0, chars - TAG_LENGTH) : chars;
  return next + Math.ceil(data / GROUP_SIZE);
}

/**
 * The text cut into runs: each run is one group (marked when its number is in `groups`) or the
 * text between groups. Joining every segment's text gives back the input exactly.
 */
export function markGroups(text: string, groups: readonly number[]): Segment[] {
  const chars = [...text];
  const labels = labelCodePoints(chars, text);
  const wanted = new Set(groups);
  const segments: Segment[] = [];
  let lastGroup: number | null = null;
  chars.forEach((ch, i) => {
    const label = labels[i]!;
    // Noise inside a group (a zero-width space) stays with that group's run.
    const group =
      typeof label === 'number'
        ? label
        : label === 'noise' && lastGroup !== null && typeof labels[i + 1] === 'number'
          ? lastGroup
          : null;
    lastGroup = typeof label === 'number' ? label : label === 'noise' ? lastGroup : null;
    const marked = group !== null && wanted.has(group);
    const tail = segments.at(-1);
    if (tail && tail.group === group && tail.marked === marked) tail.text += ch;
    else segments.push({ text: ch, group, marked });
  });
  return segments;
}

/** Only the marked runs' texts, in order (for a short "group 7 reads K3J9ZQ2M" line or a test). */
export const markedTexts = (segments: readonly Segment[]): string[] =>
  segments.filter((s) => s.marked).map((s) => s.text);
