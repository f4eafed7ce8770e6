// Coupon rules as plain functions over plain data: what a coupon may hold, who may redeem it
// for which PBX, and how a coupon that cannot be redeemed any more is explained.
import { isQuantityAllowed, requireFeature, requireModel, type Catalogue } from '../../licensing/catalogue';
import { conflictError, inputError, ruleError, type LdError } from '../../shared/errors';

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
    throw inputError(
      'COUPON_FEATURES_REQUIRED',
      'Give either feature (and quantity) for a one-feature coupon, or features for a bundle — exactly one of them.',
    );
  }
  if (req.features && req.quantity !== undefined)
    throw inputError(
      'COUPON_FEATURES_REQUIRED',
      'quantity goes with feature; in a bundle give each entry its own quantity.',
    );
  const wanted = req.features ?? [{ feature: req.feature!, quantity: req.quantity }];
  const bundle: BundleItem[] = [];
  for (const w of wanted) {
    const f = requireFeature(cat, w.feature);
    const quantity = w.quantity ?? 1;
    if (!isQuantityAllowed(f, quantity))
      throw inputError(
        'QUANTITY_INVALID',
        `${f.name} (feature ${f.number}) is not countable: its quantity is always 1, not ${quantity}.`,
      );
    if (bundle.some((b) => b.feature === f.number))
      throw inputError('COUPON_FEATURE_TWICE', `Feature ${f.number} (${f.name}) is listed twice in the bundle.`);
    bundle.push({ feature: f.number, quantity });
  }
  // A bundle no model can carry could never be redeemed: refuse it while it is still unsold.
  if (!cat.models.some((m) => bundle.every((b) => m.features.includes(b.feature)))) {
    throw inputError(
      'COUPON_BUNDLE_NO_MODEL',
      `No model carries all of features ${bundle.map((b) => b.feature).join(', ')}; split them into separate coupons.`,
    );
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
    throw ruleError(
      'DEVICE_RETIRED',
      `Device ${device.serial} was retired on ${device.retired_at.slice(0, 10)}; it cannot redeem coupons.`,
    );
  const foreign = bundle.filter((b) => !model.features.includes(b.feature));
  if (foreign.length > 0) {
    const names = foreign.map((b) => `${b.feature} (${requireFeature(cat, b.feature).name})`).join(', ');
    throw ruleError(
      'COUPON_FEATURE_NOT_FOR_MODEL',
      `This coupon holds feature ${names}, which ${model.name} cannot carry (it takes ${model.features.join(', ')}); nothing was redeemed.`,
    );
  }
  if (needsRegistration(cat, device.model) && device.registration_id === null) {
    throw ruleError(
      'COUPON_NO_REGISTRATION',
      `${device.serial} is not linked to a registration yet: link it to the customer's number first (licence-desk registration link --registration MIKO-… --serial ${device.serial}), then redeem the coupon.`,
      { serial: device.serial },
    );
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
    return conflictError(
      'COUPON_ALREADY_REDEEMED',
      `Coupon ${shown} was already redeemed on ${when}${by}; a coupon is redeemed only once.`,
      { redeemedAt: coupon.redeemed_at, ...(own ? { serial: coupon.redeemed_serial } : {}) },
    );
  }
  if (coupon.blocked_at) {
    return ruleError(
      'COUPON_BLOCKED',
      `Coupon ${shown} was blocked by the vendor on ${coupon.blocked_at.slice(0, 10)}; ask the shop for a replacement.`,
      { blockedAt: coupon.blocked_at },
    );
  }
  throw new Error('unavailable() called for a coupon that is still redeemable');
}
