// The one alphabet of every code a person types (armour groups, registration numbers, coupons):
// upper-case Crockford base32, the alphabet @scure/base's base32crockford encodes with. People
// write codes in any case and mix up look-alikes, so I and L read as 1 and O as 0; U is never used.

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Canonical character code → 5-bit value (-1: not canonical), for the hot paths. */
export const CANONICAL_VALUE: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  [...ALPHABET].forEach((ch, v) => (table[ch.charCodeAt(0)] = v));
  return table;
})();

/** Character as typed → 5-bit value: any case, I/L as 1, O as 0. */
const VALUES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  [...ALPHABET].forEach((ch, v) => map.set(ch, v).set(ch.toLowerCase(), v));
  for (const [ch, v] of [
    ['I', 1],
    ['L', 1],
    ['O', 0],
  ] as const)
    map.set(ch, v).set(ch.toLowerCase(), v);
  return map;
})();

/** The 5-bit value of a typed character, or undefined when it is never part of a code. */
export const valueOf = (ch: string): number | undefined => VALUES.get(ch);

export const isCodeChar = (ch: string): boolean => VALUES.has(ch);

/** Typed characters in canonical form: code characters as the alphabet writes them, others upper-cased. */
export const canonicalText = (chars: readonly string[]): string =>
  chars.map((ch) => (VALUES.has(ch) ? ALPHABET[VALUES.get(ch)!] : ch.toUpperCase())).join('');

/** 5-bit values → canonical characters. */
export const charsOf = (values: readonly number[]): string => values.map((v) => ALPHABET[v & 31]).join('');
