// Coupon codes: LDC-XXXXX-XXXXX-XXXXX-XXXXC. 19 random Crockford base32 characters (95 bits from
// crypto.randomBytes) and one check character. Only a SHA-256 hash of the canonical code is
// stored, so the authority's database cannot be used to redeem coupons.
//
// Check character: c = K ⊕ α^1·v_1 ⊕ … ⊕ α^19·v_19 in GF(32) (shared/typed-codes/gf32.ts). The
// 20 weights α^1..α^19 and 1 (for c itself) are distinct and non-zero because α has order 31, so
// — by the same algebra as the armour's groups — every single wrong character and every swap of
// two different characters is caught before the code is looked up. K keeps "all zeros" from
// being a valid code.
// Text is read as every typed code is (shared/typed-codes/pasted-text.ts): `_` is not a separator.
import { createHash, randomBytes } from 'node:crypto';
import { err } from '../../shared/errors';
import { charsOf, isCodeChar, valueOf } from '../../shared/typed-codes/alphabet';
import { weightedCheck } from '../../shared/typed-codes/gf32';
import { charsAt, scanTyped, withoutPrefix } from '../../shared/typed-codes/pasted-text';

export const COUPON_PREFIX = 'LDC';
export const COUPON_DATA_CHARS = 19;
const CODE_CHARS = COUPON_DATA_CHARS + 1;
const GROUP = 5;
const MIX = 0b10011;
/** Longer pasted text is refused before any work: a coupon is 23 characters plus separators. */
const MAX_TEXT = 200;

export const checkCharValue = (data: readonly number[]): number => weightedCheck(MIX, data, COUPON_DATA_CHARS);

/** LDC-XXXXX-XXXXX-XXXXX-XXXXX from the 20 canonical characters. */
export function formatCoupon(chars: string): string {
  const groups: string[] = [];
  for (let at = 0; at < chars.length; at += GROUP) groups.push(chars.slice(at, at + GROUP));
  return [COUPON_PREFIX, ...groups].join('-');
}

/** A new coupon code; 256 is a multiple of 32, so `byte & 31` is uniform. */
export function newCouponCode(): string {
  const data = [...randomBytes(COUPON_DATA_CHARS)].map((b) => b & 31);
  return formatCoupon(charsOf([...data, checkCharValue(data)]));
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
  // Separators anywhere (also a line break a mail client put inside a group) are left out.
  const scan = scanTyped(text);
  const chars = withoutPrefix(scan, COUPON_PREFIX, CODE_CHARS, isCodeChar).flatMap((f) => charsAt(scan, f.at));
  const bad = chars.findIndex((ch) => !isCodeChar(ch));
  if (bad >= 0)
    throw malformed(
      `has "${chars[bad]}" in group ${Math.floor(bad / GROUP) + 1}, position ${(bad % GROUP) + 1}; coupon codes use only 0-9 and A-Z without U`,
    );
  if (chars.length !== CODE_CHARS) {
    throw malformed(
      `has ${chars.length} characters after ${COUPON_PREFIX}-; a coupon code has ${CODE_CHARS} (4 groups of 5)`,
    );
  }
  const values = chars.map((ch) => valueOf(ch)!);
  const canonical = formatCoupon(charsOf(values));
  if (checkCharValue(values.slice(0, COUPON_DATA_CHARS)) !== values[COUPON_DATA_CHARS]) {
    throw err.COUPON_TYPO({ canonical });
  }
  return canonical;
}

/** What the database stores: SHA-256 of the canonical code, hex. */
export const couponHash = (canonical: string): string => createHash('sha256').update(canonical).digest('hex');

/** The code as shown back in messages: enough to recognise it, not enough to redeem it. */
export const maskCoupon = (canonical: string): string => `${COUPON_PREFIX}-…-${canonical.slice(-GROUP)}`;

const malformed = (what: string) => err.COUPON_MALFORMED({ what });
