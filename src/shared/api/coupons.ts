// Coupons: minted by the vendor as bundles of features, redeemed exactly once for a PBX.
import { z } from 'zod';
import { featureRef, isoDate, op, serial } from './define';
import { LicenceSchema } from './devices';

/** As typed or pasted (case, spaces and hyphens are forgiven); the authority checks the rest. */
const couponCode = z.string().min(1).max(200);
const quantity = z.number().int().min(1).max(100_000);

export const CouponFeatureSchema = z.object({ feature: z.number(), featureName: z.string(), quantity: z.number() });

export const couponsOps = {
  'coupons.mint': op({
    name: 'coupons.mint',
    summary: 'Mint coupons (the codes are shown once)',
    mutating: true,
    vendorOnly: true,
    input: z
      .object({
        feature: featureRef.optional(),
        quantity: quantity.optional(),
        count: z.number().int().min(1).max(1000).optional(),
        features: z
          .array(z.object({ feature: featureRef, quantity: quantity.optional() }).strict())
          .min(1)
          .max(10)
          .optional(),
      })
      .strict(),
    output: z.object({ codes: z.array(z.string()), features: z.array(CouponFeatureSchema), mintedAt: isoDate }),
  }),
  'coupons.redeem': op({
    name: 'coupons.redeem',
    summary: 'Redeem a coupon for a PBX: perpetual licences, once',
    mutating: true,
    rateLimit: 'redeem',
    input: z.object({ code: couponCode, serial }).strict(),
    output: z.object({ serial: z.string(), redeemedAt: isoDate, licences: z.array(LicenceSchema) }),
  }),
  'coupons.block': op({
    name: 'coupons.block',
    summary: 'Block a coupon that was not redeemed yet',
    mutating: true,
    vendorOnly: true,
    input: z.object({ code: couponCode }).strict(),
    output: z.object({ blockedAt: isoDate, alreadyBlocked: z.boolean() }),
  }),
};
