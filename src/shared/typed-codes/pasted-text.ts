// Pasted or typed text → the code characters in it, the same way for every code people type
// (armour, registration numbers, coupons) and for the renderer that marks faulty groups:
// - invisible characters (zero-width spaces and joiners, word joiner, BOM, soft hyphen) are
//   dropped wherever they are, so they never split a group;
// - mail quoting ("> ", ">>") at the start of a line and quotes or brackets around the code are
//   dropped;
// - separators are whitespace, line breaks, hyphens and the dashes word processors put in their
//   place. `_` is not one: no editor or mail client substitutes it for a hyphen, so an underscore
//   is a slip worth naming (its group and position), not something to skip silently.
// A lone line break is "soft": a mail client that re-wraps a code joined into one line breaks
// it wherever the column ends, also inside a group. joinWrapped() mends such breaks.

/** Removed outright: invisible characters that editors and chat apps slip into copied text. */
const INVISIBLE = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']);
/** \s covers spaces, tabs, line breaks and the no-break spaces (U+00A0, U+2007, U+202F). */
const SEPARATOR = /^[\s\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/u;
const WHITESPACE = /^\s$/u;
const ASCII_WHITESPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);
const ASCII_SEPARATOR = new Set([...ASCII_WHITESPACE, '-']);
// Every pasted character is classified; most are ASCII, which skips the regex.
const isSeparator = (ch: string): boolean => ASCII_SEPARATOR.has(ch) || (ch > '\x7f' && SEPARATOR.test(ch));
const isWhitespace = (ch: string): boolean => ASCII_WHITESPACE.has(ch) || (ch > '\x7f' && WHITESPACE.test(ch));
const LINE_END = new Set(['\n', '\r', '\u2028', '\u2029']);
const QUOTE_SPACE = new Set([' ', '\t', '\u00A0']);
const SOFT_BREAK = /^[ \t]*(?:\r\n|\n|\r|\u2028)[ \t]*$/;
const WRAPPERS = new Set([...`"'\`“”‘’«»„‚<>‹›`]);
const TRAILING = new Set([...WRAPPERS, '.']);

/** Code characters between two separators, as indices into ScannedText.points. */
export interface Fragment {
  at: number[];
  /** The separator before it is a lone line break (possibly inside a group). */
  softBefore: boolean;
}

export interface ScannedText {
  /** The text's code points, exactly as pasted. */
  points: string[];
  fragments: Fragment[];
}

export function scanTyped(text: string): ScannedText {
  const points = [...text];
  // Invisible characters, mail quoting and wrappers around the code are left out of `live`.
  const kept: number[] = [];
  for (let i = 0; i < points.length; i++) if (!INVISIBLE.has(points[i]!)) kept.push(i);
  const live = dropMailQuotes(points, kept);
  let start = 0;
  let end = live.length;
  const at = (k: number) => points[live[k]!]!;
  while (start < end && (WRAPPERS.has(at(start)) || isWhitespace(at(start)))) start++;
  while (end > start && (TRAILING.has(at(end - 1)) || isWhitespace(at(end - 1)))) end--;
  return { points, fragments: split(points, live.slice(start, end)) };
}

/** `kept` without the "> " quote markers at line starts. */
function dropMailQuotes(points: string[], kept: number[]): number[] {
  const live: number[] = [];
  const pt = (k: number) => points[kept[k]!];
  for (let k = 0; k < kept.length;) {
    if (k === 0 || LINE_END.has(pt(k - 1)!)) {
      let j = k;
      while (j < kept.length && QUOTE_SPACE.has(pt(j)!)) j++;
      let markers = 0;
      while (j < kept.length && pt(j) === '>') {
        markers++;
        j++;
        if (j < kept.length && QUOTE_SPACE.has(pt(j)!)) j++;
      }
      if (markers > 0) {
        k = j;
        continue;
      }
    }
    live.push(kept[k++]!);
  }
  return live;
}

function split(points: string[], live: number[]): Fragment[] {
  const fragments: Fragment[] = [];
  let separator = '';
  let current: Fragment | undefined;
  for (const i of live) {
    const ch = points[i]!;
    if (isSeparator(ch)) {
      separator += ch;
      current = undefined;
      continue;
    }
    if (!current) {
      current = { at: [], softBefore: fragments.length > 0 && SOFT_BREAK.test(separator) };
      fragments.push(current);
      separator = '';
    }
    current.at.push(i);
  }
  return fragments;
}

export interface JoinOptions {
  /** Characters at the very start that belong to no group (a tag such as REQ1). */
  lead?: number;
  /**
   * A run of fragments whose mending does not come out in whole groups: left as typed (the
   * armour: a short group at the end of a line is reported as the short group the person sees),
   * or joined as far as it goes (a registration number: its four groups stay four, and the
   * short one is named).
   */
  uneven?: 'asTyped' | 'joined';
}

/**
 * Fragments → tokens of whole groups, mending line breaks inside groups: across a soft break, a
 * fragment that does not end on a group boundary continues with the next one.
 */
export function joinWrapped(fragments: readonly Fragment[], groupSize: number, options: JoinOptions = {}): number[][] {
  const tokens: number[][] = [];
  for (let from = 0; from < fragments.length;) {
    let to = from + 1;
    while (to < fragments.length && fragments[to]!.softBefore) to++;
    const lead = from === 0 ? (options.lead ?? 0) : 0;
    tokens.push(...joinRun(fragments.slice(from, to), groupSize, lead, options.uneven ?? 'asTyped'));
    from = to;
  }
  return tokens;
}

function joinRun(run: readonly Fragment[], groupSize: number, lead: number, uneven: 'asTyped' | 'joined'): number[][] {
  const whole = (token: readonly number[], first: boolean) => (token.length - (first ? lead : 0)) % groupSize === 0;
  const joined: number[][] = [];
  for (const fragment of run) {
    const last = joined.at(-1);
    if (last && !whole(last, joined.length === 1)) last.push(...fragment.at);
    else joined.push([...fragment.at]);
  }
  return uneven === 'joined' || joined.every((token, t) => whole(token, t === 0)) ? joined : run.map((f) => f.at);
}

/**
 * Leaves a prefix (MIKO, LDC) out of the fragments when it is one: standing alone, followed by a
 * character that is never part of a code, or glued to exactly `dataChars` code characters.
 * Otherwise the characters may be data that happen to start like the prefix. A prefix a mail
 * client broke across two lines counts too.
 */
export function withoutPrefix(
  scan: ScannedText,
  prefix: string,
  dataChars: number,
  isCodeChar: (ch: string) => boolean,
): Fragment[] {
  const { fragments } = scan;
  if (fragments.length === 0) return [];
  const head: number[] = [];
  let next = 0;
  do head.push(...fragments[next++]!.at);
  while (next < fragments.length && fragments[next]!.softBefore && head.length < prefix.length);
  const typed = charsAt(scan, head);
  if (typed.slice(0, prefix.length).join('').toUpperCase() !== prefix) return fragments;
  const total = fragments.reduce((n, f) => n + f.at.length, 0);
  const after = typed[prefix.length];
  if (after !== undefined && isCodeChar(after) && total !== prefix.length + dataChars) return fragments;
  const rest = fragments.slice(next);
  if (head.length > prefix.length) return [{ at: head.slice(prefix.length), softBefore: false }, ...rest];
  return rest.map((f, k) => (k === 0 ? { ...f, softBefore: false } : f));
}

/** The text without the invisible characters that are never part of anything typed. */
export const withoutInvisible = (text: string): string => [...text].filter((ch) => !INVISIBLE.has(ch)).join('');

/** The typed characters at the given indices. */
export const charsAt = (scan: ScannedText, at: readonly number[]): string[] => at.map((i) => scan.points[i]!);
