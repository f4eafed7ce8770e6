// Coupons: redeemed exactly once for one PBX; the authority reads the code (case, spaces forgiven).
import { api, unwrap } from '../client';

export async function redeemCoupon(code: string, serial: string) {
  return unwrap(await api().couponsRedeem({ code, serial }));
}
