// Coupon codes as people type them: any case, spaces or no spaces, with or without "LDC-". The
// authority reads the code itself; this tidies the text for display, says whether it is long enough
// to be worth sending, and finds a typo by the authority's own check character. Characters that are
// never part of a code (an underscore, say) are kept, so the authority names them.
import { canonicalText, isCodeChar, valueOf } from '../../../shared/typed-codes/alphabet';
import { COUPON_DATA_CHARS, couponCheckValue } from '../../../shared/typed-codes/coupon-check';
import { charsAt, scanTyped, withoutPrefix } from '../../../shared/typed-codes/pasted-text';

export const COUPON_CHARS = 20;
const PREFIX = 'LDC';

export interface CouponInput {
  /** LDC-XXXXX-XXXXX-XXXXX-XXXXX once complete, otherwise the tidied characters. */
  display: string;
  complete: boolean;
  /** Complete, but the check character does not match: a typo (named before anything is sent). */
  typo: boolean;
}

export function tidyCoupon(text: string): CouponInput {
  const scan = scanTyped(text);
  const typed = withoutPrefix(scan, PREFIX, COUPON_CHARS, isCodeChar).flatMap((f) => charsAt(scan, f.at));
  const chars = canonicalText(typed);
  if (typed.length !== COUPON_CHARS || !typed.every(isCodeChar))
    return { display: chars, complete: false, typo: false };
  const values = typed.map((ch) => valueOf(ch)!);
  const typo = couponCheckValue(values.slice(0, COUPON_DATA_CHARS)) !== values[COUPON_DATA_CHARS];
  return { display: [PREFIX, ...(chars.match(/.{5}/g) ?? [])].join('-'), complete: true, typo };
}
