// The coupon code's check character (LDC-XXXXX-XXXXX-XXXXX-XXXXC), here so the wizard names a
// typo as it is typed with the very algebra the authority uses (src/authority/coupons/code.ts
// explains it): c = K ⊕ α^1·v_1 ⊕ … ⊕ α^19·v_19 in GF(32).
import { weightedCheck } from './gf32';

export const COUPON_DATA_CHARS = 19;
const MIX = 0b10011;

export const couponCheckValue = (data: readonly number[]): number => weightedCheck(MIX, data, COUPON_DATA_CHARS);
