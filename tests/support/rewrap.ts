// What a mail client does to a code on its way to a reseller: the code is joined into one line,
// hard-wrapped at a fixed column (wherever the column ends, also inside a group), perhaps quoted
// in a reply, with invisible characters from the editor sprinkled in. fast-check arbitraries, so
// a failing case shrinks to the smallest column and fewest invisible characters.
import fc from 'fast-check';

export const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'] as const;

/** Breaks one line every `column` code points (the last line may be shorter). */
export function hardWrap(line: string, column: number, eol = '\n'): string {
  const points = [...line];
  const lines: string[] = [];
  for (let at = 0; at < points.length; at += column) lines.push(points.slice(at, at + column).join(''));
  return lines.join(eol);
}

/** Inserts each character before the code point at its index (modulo the text's length + 1). */
export function sprinkle(text: string, insertions: readonly { at: number; ch: string }[]): string {
  const points = [...text];
  const before = new Map<number, string>();
  for (const { at, ch } of insertions) {
    const key = at % (points.length + 1);
    before.set(key, (before.get(key) ?? '') + ch);
  }
  return points.map((ch, i) => (before.get(i) ?? '') + ch).join('') + (before.get(points.length) ?? '');
}

export interface Rewrap {
  /** How the code's own line breaks were joined: with dashes, with spaces, or glued. */
  joiner: '-' | ' ' | '';
  /** Where the code started on its line in the mail (prose before it is not pasted). */
  indent: number;
  column: number;
  eol: '\n' | '\r\n';
  quoted: boolean;
  invisible: { at: number; ch: string }[];
}

export const rewrapArb: fc.Arbitrary<Rewrap> = fc.record({
  joiner: fc.constantFrom('-' as const, ' ' as const, '' as const),
  indent: fc.integer({ min: 0, max: 60 }),
  column: fc.integer({ min: 20, max: 100 }),
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  quoted: fc.boolean(),
  invisible: fc.array(fc.record({ at: fc.nat({ max: 4000 }), ch: fc.constantFrom(...INVISIBLE) }), { maxLength: 12 }),
});

/** `code` as the mail client delivered it. Glued codes lose every separator, not just line breaks. */
export function rewrap(code: string, r: Rewrap): string {
  const line = r.joiner === '' ? code.replace(/[-\n]/g, '') : code.replace(/\n/g, r.joiner);
  // The indent stands for prose before the code on its line; only the code is pasted.
  const lines = hardWrap(' '.repeat(r.indent) + line, r.column, r.eol)
    .split(r.eol)
    .filter((l) => l.trim() !== '');
  const quoted = lines.map((l) => (r.quoted ? `> ${l.trimStart()}` : l.trimStart())).join(r.eol);
  return sprinkle(quoted, r.invisible);
}
