// Coupon rules as plain functions over plain data: what a coupon may hold, who may redeem it
// for which PBX, and how a coupon that cannot be redeemed any more is explained.
import { isQuantityAllowed, requireFeature, requireModel, type Catalogue } from '../../licensing/catalogue';
import { err, type LdError } from '../../shared/errors';

export interface BundleItem {
  feature: number;
  quantity: number;
}

export interface MintRequest {
  feature?: number | string;
  quantity?: number;
  features?: { feature: number | string; quantity?: number }[];
}

/** The bundle a mint request describes: one feature, or a list of distinct features. */
export function planBundle(cat: Catalogue, req: MintRequest): BundleItem[] {
  if ((req.feature === undefined) === (req.features === undefined)) {
    throw err.COUPON_FEATURES_REQUIRED({ variant: 'oneOrBundle' });
  }
  if (req.features && req.quantity !== undefined) throw err.COUPON_FEATURES_REQUIRED({ variant: 'quantityInBundle' });
  const wanted = req.features ?? [{ feature: req.feature!, quantity: req.quantity }];
  const bundle: BundleItem[] = [];
  for (const w of wanted) {
    const f = requireFeature(cat, w.feature);
    const quantity = w.quantity ?? 1;
    if (!isQuantityAllowed(f, quantity))
      throw err.QUANTITY_INVALID({ variant: 'notCountableGiven', name: f.name, number: f.number, quantity });
    if (bundle.some((b) => b.feature === f.number)) throw err.COUPON_FEATURE_TWICE({ number: f.number, name: f.name });
    bundle.push({ feature: f.number, quantity });
  }
  // A bundle no model can carry could never be redeemed: refuse it while it is still unsold.
  if (!cat.models.some((m) => bundle.every((b) => m.features.includes(b.feature)))) {
    throw err.COUPON_BUNDLE_NO_MODEL({ features: bundle.map((b) => b.feature).join(', ') });
  }
  return bundle.sort((a, b) => a.feature - b.feature);
}

interface DeviceLike {
  serial: string;
  model: string;
  registration_id: number | null;
  retired_at: string | null;
}

/**
 * Registration numbers exist for host-bound (MIKO/Askozia) models only, so that is where a coupon
 * "needs a registration number first"; serial-bound COMtrexx PBXs never get one.
 */
export const needsRegistration = (cat: Catalogue, model: string): boolean => requireModel(cat, model).hostBound;

/** Refuses a redemption that would give the device licences it cannot use or may not get yet. */
export function checkRedeemable(cat: Catalogue, device: DeviceLike, bundle: readonly BundleItem[]): void {
  const model = requireModel(cat, device.model);
  if (device.retired_at)
    throw err.DEVICE_RETIRED({
      variant: 'noCoupons',
      serial: device.serial,
      retiredAt: device.retired_at.slice(0, 10),
    });
  const foreign = bundle.filter((b) => !model.features.includes(b.feature));
  if (foreign.length > 0) {
    const names = foreign.map((b) => `${b.feature} (${requireFeature(cat, b.feature).name})`).join(', ');
    throw err.COUPON_FEATURE_NOT_FOR_MODEL({ names, name: model.name, features: model.features.join(', ') });
  }
  if (needsRegistration(cat, device.model) && device.registration_id === null) {
    throw err.COUPON_NO_REGISTRATION({ serial: device.serial });
  }
}

export interface CouponState {
  blocked_at: string | null;
  redeemed_at: string | null;
  redeemed_reseller_id: number | null;
  redeemed_serial: string | null;
}

/**
 * Why a coupon cannot be redeemed now. The redeeming device is named only to the reseller who
 * redeemed it: to anyone else the serial would leak another reseller's customer.
 */
export function unavailable(coupon: CouponState, resellerId: number | null, shown: string): LdError {
  if (coupon.redeemed_at) {
    const when = `${coupon.redeemed_at.slice(0, 16).replace('T', ' ')} UTC`;
    const own = resellerId !== null && coupon.redeemed_reseller_id === resellerId && coupon.redeemed_serial !== null;
    const by = own ? ` for your device ${coupon.redeemed_serial}` : '';
    return err.COUPON_ALREADY_REDEEMED({
      shown,
      when,
      by,
      redeemedAt: coupon.redeemed_at,
      ...(own ? { serial: coupon.redeemed_serial } : {}),
    });
  }
  if (coupon.blocked_at) {
    return err.COUPON_BLOCKED({ shown, blockedOn: coupon.blocked_at.slice(0, 10), blockedAt: coupon.blocked_at });
  }
  throw new Error('unavailable() called for a coupon that is still redeemable');
}
