// Shows a pasted code back to the reseller with the faulty group(s) marked. The numbering is the
// armour's own because the text is read by the same code (shared/typed-codes/pasted-text.ts):
// the first four characters of the first token are the tag (REQ1/ANS1), and every token is cut
// into 8-character groups numbered from 1 after the tag. The pasted text itself is kept exactly
// (line breaks included), so the reseller recognises what they pasted.
import { joinWrapped, scanTyped } from '../../shared/typed-codes/pasted-text';

export interface Segment {
  text: string;
  /** The armour's 1-based group number, or null for the tag, separators and noise. */
  group: number | null;
  marked: boolean;
}

const GROUP_SIZE = 8;
const TAG_LENGTH = 4;

/** The group numbers an inspection error names: params.groups (typos, swaps, surplus) or params.group. */
export function faultyGroups(details: Record<string, unknown> | undefined): number[] {
  if (!details) return [];
  const many = details.groups;
  if (Array.isArray(many)) return many.filter((g): g is number => Number.isInteger(g) && g > 0);
  const one = details.group;
  return Number.isInteger(one) && (one as number) > 0 ? [one as number] : [];
}

/** Per code point: its group number, or null (the tag, separators, noise around the code). */
function labelCodePoints(text: string): { chars: string[]; labels: (number | null)[] } {
  const scan = scanTyped(text);
  const labels = scan.points.map((): number | null => null);
  let next = 1; // the next group number
  joinWrapped(scan.fragments, GROUP_SIZE, { lead: TAG_LENGTH }).forEach((token, t) => {
    const lead = t === 0 ? TAG_LENGTH : 0;
    const groupOf = (k: number) => (k < lead ? null : next + Math.floor((k - lead) / GROUP_SIZE));
    token.forEach((at, k) => {
      // What lies between two characters of a token (invisible characters, a line break a mail
      // client put inside a group, its quoting) belongs to the run of the group before it.
      for (let i = at; i < (token[k + 1] ?? at + 1); i++) labels[i] = groupOf(k);
    });
    next += Math.ceil(Math.max(0, token.length - lead) / GROUP_SIZE);
  });
  return { chars: scan.points, labels };
}

/**
 * The text cut into runs: each run is one group (marked when its number is in `groups`) or the
 * text between groups. Joining every segment's text gives back the input exactly.
 */
export function markGroups(text: string, groups: readonly number[]): Segment[] {
  const { chars, labels } = labelCodePoints(text);
  const wanted = new Set(groups);
  const segments: Segment[] = [];
  chars.forEach((ch, i) => {
    const group = labels[i] ?? null;
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
