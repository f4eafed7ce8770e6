// Coupon codes as people type them: any case, spaces or no spaces, with or without "LDC-". The
// authority reads the code itself (and finds typos by its check character); this only tidies the
// text for display and says whether it is long enough to be worth sending. Characters that are
// never part of a code (an underscore, say) are kept, so the authority names them.
import { canonicalText, isCodeChar } from '../../../shared/typed-codes/alphabet';
import { charsAt, scanTyped, withoutPrefix } from '../../../shared/typed-codes/pasted-text';

export const COUPON_CHARS = 20;
const PREFIX = 'LDC';

export interface CouponInput {
  /** LDC-XXXXX-XXXXX-XXXXX-XXXXX once complete, otherwise the tidied characters. */
  display: string;
  complete: boolean;
}

export function tidyCoupon(text: string): CouponInput {
  const scan = scanTyped(text);
  const typed = withoutPrefix(scan, PREFIX, COUPON_CHARS, isCodeChar).flatMap((f) => charsAt(scan, f.at));
  const chars = canonicalText(typed);
  if (typed.length !== COUPON_CHARS || !typed.every(isCodeChar)) return { display: chars, complete: false };
  return { display: [PREFIX, ...(chars.match(/.{5}/g) ?? [])].join('-'), complete: true };
}
