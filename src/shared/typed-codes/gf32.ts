// Check-character maths for codes people type: arithmetic in GF(32) = GF(2)[x]/(x^5 + x^2 + 1),
// one field element per Crockford base32 character. The armour checks each of its groups; a
// registration number or a coupon has one check character over the whole code (weightedCheck).
//
// Each 8-character armour group satisfies  w_0·v_0 ⊕ … ⊕ w_6·v_6 ⊕ 1·c = h(k)  with the data weights
// w_i = α^(i+1) and weight 1 for the check character c. α = x generates the multiplicative
// group (order 31, because the polynomial is primitive), so the eight weights α^1..α^7, α^0 are
// distinct and non-zero. Consequences, each a line of algebra:
// - one substituted character changes the left side by w·d with d ≠ 0, and a product of non-zero
//   field elements is non-zero: always detected;
// - two swapped characters a ≠ b at positions p, q change it by (w_p ⊕ w_q)·(a ⊕ b), non-zero
//   because the weights are distinct: every transposition inside a group (adjacent or not,
//   including the check character itself) is detected.
// The group index enters through h(k), so a group moved to a position with a different h fails.

/** x^5 + x^2 + 1 */
const POLY = 0b100101;
const ORDER = 31;

/** EXP[i] = α^i for i in 0..61, doubled so that EXP[log a + log b] needs no modulo. */
const EXP: readonly number[] = (() => {
  const table: number[] = [];
  let value = 1;
  for (let i = 0; i < 2 * ORDER; i++) {
    table.push(value);
    value <<= 1;
    if (value & 0b100000) value ^= POLY;
  }
  return table;
})();

const LOG: readonly number[] = (() => {
  const table = new Array<number>(32).fill(-1);
  for (let i = 0; i < ORDER; i++) table[EXP[i]!] = i;
  return table;
})();

export const ALPHA = 2;

/** Product in GF(32); inputs are 5-bit values. */
export function gfMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[LOG[a]! + LOG[b]!]!;
}

/** α^n for any integer n (negative allowed). */
export function alphaPow(n: number): number {
  return EXP[((n % ORDER) + ORDER) % ORDER]!;
}

/**
 * The check character of a short code: `domain ⊕ α^1·v_0 ⊕ … ⊕ α^n·v_(n-1)` over its `n` data
 * values, so that `check ⊕ that sum = 0`. For n ≤ 30 the weights α^1..α^n and 1 (the check
 * itself) are distinct and non-zero: every single wrong character and every swap of two
 * different characters changes the sum. `domain` keeps one kind of code from passing as another.
 */
export function weightedCheck(domain: number, data: readonly number[], n: number): number {
  let sum = domain;
  for (let i = 0; i < n; i++) sum ^= gfMul(alphaPow(i + 1), (data[i] ?? 0) & 31);
  return sum;
}

/** Data characters per group; the group's eighth character is its check character. */
export const GROUP_DATA = 7;
export const GROUP_SIZE = GROUP_DATA + 1;

/** Weight of each of the eight positions in a group: α^1..α^7 for data, 1 for the check. */
export const POSITION_WEIGHTS: readonly number[] = [
  ...Array.from({ length: GROUP_DATA }, (_, i) => alphaPow(i + 1)),
  1,
];

/**
 * Group index mixing. k mod 32 takes every one of the 32 values once in any 32 consecutive
 * groups, so two groups fewer than 32 apart never share h, and a swap, a missing group or a
 * doubled group fails the group checks. Rarer rearrangements are left to the CRC.
 */
export function groupMix(index: number): number {
  return index & 31;
}

/** Check character value for the 7 data values of group `index` (1-based). */
export function checkValue(index: number, data: readonly number[]): number {
  let sum = groupMix(index);
  for (let i = 0; i < GROUP_DATA; i++) sum ^= WEIGHTED[i * 32 + ((data[i] ?? 0) & 31)]!;
  return sum;
}

/** WEIGHTED[i·32 + v] = POSITION_WEIGHTS[i]·v: codes are checked on every paste and every issuance. */
const WEIGHTED = Uint8Array.from({ length: GROUP_DATA * 32 }, (_, k) => gfMul(POSITION_WEIGHTS[k >> 5]!, k & 31));

/** True when the 8 values of a group (7 data + check) are consistent at position `index`. */
export function groupPasses(index: number, group: readonly number[]): boolean {
  return group.length === GROUP_SIZE && checkValue(index, group) === group[GROUP_DATA];
}

/** Where the group checks place a fault; groups are numbered from 1. */
export type GroupFault =
  | { kind: 'none' }
  | { kind: 'typo'; groups: number[] }
  | { kind: 'swapped'; groups: [number, number] }
  | { kind: 'missing'; groups: number[] }
  | { kind: 'extra'; groups: number[] };

/**
 * Classify failing groups. A swap shows as exactly two failures that pass at each other's place;
 * a lost or doubled group shows as a failing tail in which every group (after the first, for a
 * doubled one) passes one place later or earlier. Anything else is reported as typos.
 */
export function locateFaults(groups: readonly (readonly number[])[]): GroupFault {
  const passesAt = (at: number, index: number): boolean => {
    const group = groups[index - 1];
    return group !== undefined && groupPasses(at, group);
  };
  const failing = groups.map((_, i) => i + 1).filter((index) => !passesAt(index, index));
  const [a, b] = failing;
  if (a === undefined) return { kind: 'none' };
  if (failing.length === 2 && b !== undefined && passesAt(a, b) && passesAt(b, a))
    return { kind: 'swapped', groups: [a, b] };
  const isTail = failing.length >= 2 && failing.at(-1) === groups.length && groups.length - a + 1 === failing.length;
  if (isTail && failing.every((i) => passesAt(i + 1, i))) return { kind: 'missing', groups: failing };
  if (isTail && failing.slice(1).every((i) => passesAt(i - 1, i))) return { kind: 'extra', groups: failing };
  return { kind: 'typo', groups: failing };
}
