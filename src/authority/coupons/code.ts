// Coupon codes: LDC-XXXXX-XXXXX-XXXXX-XXXXC. 19 random Crockford base32 characters (95 bits from
// crypto.randomBytes) and one check character. Only a SHA-256 hash of the canonical code is
// stored, so the authority's database cannot be used to redeem coupons.
//
// Check character: c = K ⊕ α^1·v_1 ⊕ … ⊕ α^19·v_19 in GF(32) (gf32.ts). The 20 weights α^1..α^19
// and 1 (for c itself) are distinct and non-zero because α has order 31, so — by the same algebra
// as the armour's groups — every single wrong character and every swap of two different
// characters is caught before the code is looked up. K keeps "all zeros" from being a valid code.
import { createHash, randomBytes } from 'node:crypto';
import { alphaPow, gfMul } from '../../licensing/gf32';
import { inputError } from '../../shared/errors';

export const COUPON_PREFIX = 'LDC';
export const COUPON_DATA_CHARS = 19;
const CODE_CHARS = COUPON_DATA_CHARS + 1;
const GROUP = 5;
const MIX = 0b10011;
/** Longer pasted text is refused before any work: a coupon is 23 characters plus separators. */
const MAX_TEXT = 200;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Read the way people type codes: any case, I and L as 1, O as 0 (as the armour does). */
const VALUES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  [...ALPHABET].forEach((ch, v) => map.set(ch, v));
  for (const [ch, v] of [
    ['I', 1],
    ['L', 1],
    ['O', 0],
  ] as const)
    map.set(ch, v);
  return map;
})();
// Spaces, line breaks, hyphens and the dashes word processors substitute for them.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_]+/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const PREFIX_THEN_SEPARATOR = /^LDC[\s\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_]/;
const WRAPPERS = /^["'`“”‘’«»<>]+|["'`“”‘’«»<>.]+$/g;

export function checkCharValue(data: readonly number[]): number {
  let sum = MIX;
  for (let i = 0; i < COUPON_DATA_CHARS; i++) sum ^= gfMul(alphaPow(i + 1), (data[i] ?? 0) & 31);
  return sum;
}

/** LDC-XXXXX-XXXXX-XXXXX-XXXXX from the 20 canonical characters. */
export function formatCoupon(chars: string): string {
  const groups: string[] = [];
  for (let at = 0; at < chars.length; at += GROUP) groups.push(chars.slice(at, at + GROUP));
  return [COUPON_PREFIX, ...groups].join('-');
}

/** A new coupon code; 256 is a multiple of 32, so `byte & 31` is uniform. */
export function newCouponCode(): string {
  const data = [...randomBytes(COUPON_DATA_CHARS)].map((b) => b & 31);
  return formatCoupon([...data, checkCharValue(data)].map((v) => ALPHABET[v]).join(''));
}

/**
 * The canonical code (LDC-…) of what a person typed or pasted, or an input error that says what
 * is wrong: the length, the character (and where), or a typo found by the check character.
 */
export function parseCouponCode(text: string): string {
  if (text.length > MAX_TEXT)
    throw malformed(
      `is ${text.length} characters long; a coupon code is ${CODE_CHARS} characters after ${COUPON_PREFIX}-`,
    );
  const cleaned = text.replace(INVISIBLE, '').trim().replace(WRAPPERS, '').toUpperCase();
  let chars = cleaned.replace(SEPARATORS, '');
  // "LDC" is the prefix when a separator follows it, or when it makes up the full length; data
  // may start with "1DC" typed as "LDC", which these two tests keep apart.
  const prefixed =
    PREFIX_THEN_SEPARATOR.test(cleaned) ||
    (chars.length === COUPON_PREFIX.length + CODE_CHARS && chars.startsWith(COUPON_PREFIX));
  if (prefixed) chars = chars.slice(COUPON_PREFIX.length);
  if (chars.length !== CODE_CHARS) {
    throw malformed(
      `has ${chars.length} characters after ${COUPON_PREFIX}-; a coupon code has ${CODE_CHARS} (4 groups of 5)`,
    );
  }
  const values = [...chars].map((ch, i) => {
    const v = VALUES.get(ch);
    if (v === undefined)
      throw malformed(
        `has "${ch}" in group ${Math.floor(i / GROUP) + 1}, position ${(i % GROUP) + 1}; coupon codes use only 0-9 and A-Z without U`,
      );
    return v;
  });
  const canonical = formatCoupon(values.map((v) => ALPHABET[v]).join(''));
  if (checkCharValue(values.slice(0, COUPON_DATA_CHARS)) !== values[COUPON_DATA_CHARS]) {
    throw inputError(
      'COUPON_TYPO',
      `The coupon code ${canonical} has a typo: its check character does not match. Compare it character by character with the delivery email.`,
    );
  }
  return canonical;
}

/** What the database stores: SHA-256 of the canonical code, hex. */
export const couponHash = (canonical: string): string => createHash('sha256').update(canonical).digest('hex');

/** The code as shown back in messages: enough to recognise it, not enough to redeem it. */
export const maskCoupon = (canonical: string): string => `${COUPON_PREFIX}-…-${canonical.slice(-GROUP)}`;

const malformed = (what: string) => inputError('COUPON_MALFORMED', `This coupon code ${what}.`);
