// Coupon codes as people type them: any case, spaces or no spaces, with or without "LDC-". The
// authority reads the code itself (and finds typos by its check character); this only tidies the
// text for display and says whether it is long enough to be worth sending.
export const COUPON_CHARS = 20;

export interface CouponInput {
  /** LDC-XXXXX-XXXXX-XXXXX-XXXXX once complete, otherwise the tidied characters. */
  display: string;
  complete: boolean;
}

export function tidyCoupon(text: string): CouponInput {
  let chars = text
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');
  if (chars.startsWith('LDC') && chars.length === COUPON_CHARS + 3) chars = chars.slice(3);
  if (chars.length !== COUPON_CHARS) return { display: chars, complete: false };
  return { display: ['LDC', ...(chars.match(/.{5}/g) ?? [])].join('-'), complete: true };
}
