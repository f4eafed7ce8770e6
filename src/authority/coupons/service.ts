// Coupons: mint (vendor), redeem exactly once (reseller, for one of its PBXs), block (vendor).
// Exactly once is decided by one conditional UPDATE … WHERE redeemed_at IS NULL: on PostgreSQL a
// concurrent redeemer waits on the row lock and then finds the condition false; on SQLite the
// write lock serialises writers. Reads before it only choose the most helpful refusal.
import { featureName, requireFeature } from '../../licensing/catalogue';
import { err } from '../../shared/errors';
import { insertLicence, toLicenceDto } from '../certificates/licences';
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { requireDevice } from '../devices/queries';
import { requireAcceptedFor } from '../eula/current';
import { requireReseller } from '../devices/service';
import { mutate } from '../mutate';
import { refuseBlockedRegistration } from '../registration/rules';
import { couponHash, maskCoupon, newCouponCode, parseCouponCode } from './code';
import { checkRedeemable, planBundle, unavailable, type BundleItem, type MintRequest } from './rules';

/** Rows per INSERT: keeps every statement far below SQLite's bound-parameter limit. */
const CHUNK = 250;

export function mintCoupons(ctx: AuthorityContext, actor: Actor, input: MintRequest & { count?: number }) {
  const bundle = planBundle(ctx.catalogue, input);
  const codes = Array.from({ length: input.count ?? 1 }, () => newCouponCode());
  return mutate(ctx, actor, async (tx) => {
    const mintedAt = ctx.now().toISOString();
    const ids: number[] = [];
    for (let at = 0; at < codes.length; at += CHUNK) {
      const rows = codes
        .slice(at, at + CHUNK)
        .map((c) => ({ code_hash: couponHash(c), minted_at: mintedAt, minted_by: actor.label }));
      ids.push(...(await tx.all(ctx.db.qb.insertInto('coupons').values(rows).returning('id'))).map((r) => r.id));
    }
    for (let at = 0; at < ids.length; at += CHUNK) {
      const rows = ids.slice(at, at + CHUNK).flatMap((id) => bundle.map((b) => ({ coupon_id: id, ...b })));
      await tx.run(ctx.db.qb.insertInto('coupon_features').values(rows));
    }
    return {
      value: { codes, features: bundle.map((b) => describe(ctx, b)), mintedAt },
      // Never the codes themselves: the audit log is readable by more people than the shop.
      audit: {
        action: 'coupon.mint',
        subject: `${codes.length} coupon${codes.length === 1 ? '' : 's'}`,
        data: { ids, features: bundle },
      },
    };
  });
}

export function redeemCoupon(ctx: AuthorityContext, actor: Actor, input: { code: string; serial: string }) {
  const canonical = parseCouponCode(input.code); // a typo is caught here, before any lookup
  const hash = couponHash(canonical);
  const shown = maskCoupon(canonical);
  requireReseller(actor);
  return mutate(ctx, actor, async (tx) => {
    const device = await requireDevice(ctx, tx, actor, input.serial);
    const coupon = await couponState(ctx, tx, hash);
    if (!coupon) throw unknownCoupon(canonical);
    if (coupon.redeemed_at || coupon.blocked_at) throw unavailable(coupon, actor.resellerId, shown);
    const bundle = await tx.all(
      ctx.db.qb
        .selectFrom('coupon_features')
        .select(['feature', 'quantity'])
        .where('coupon_id', '=', coupon.id)
        .orderBy('feature'),
    );
    checkRedeemable(ctx.catalogue, device, bundle);
    refuseBlockedRegistration(device);
    // Refused before the coupon is used up: its certificate would be refused by the EULA gate.
    await requireAcceptedFor(ctx, tx, device);
    const redeemedAt = ctx.now().toISOString();
    const won = await tx.all(
      ctx.db.qb
        .updateTable('coupons')
        .set({
          redeemed_at: redeemedAt,
          redeemed_device_id: device.id,
          redeemed_registration_id: device.registration_id,
          redeemed_reseller_id: device.reseller_id,
        })
        .where('code_hash', '=', hash)
        .where('redeemed_at', 'is', null)
        .where('blocked_at', 'is', null)
        .returning('id'),
    );
    if (won.length !== 1) throw unavailable((await couponState(ctx, tx, hash))!, actor.resellerId, shown);
    const licences = [];
    for (const b of bundle) {
      licences.push(
        await insertLicence(ctx, tx, {
          device_id: device.id,
          feature: b.feature,
          quantity: b.quantity,
          source: 'coupon',
          not_after: null,
          coupon_id: coupon.id,
        }),
      );
    }
    return {
      value: { serial: device.serial, redeemedAt, licences: licences.map((l) => toLicenceDto(ctx, l)) },
      audit: { action: 'coupon.redeem', subject: device.serial, data: { coupon: coupon.id, features: bundle } },
    };
  });
}

export function blockCoupon(ctx: AuthorityContext, actor: Actor, input: { code: string }) {
  const canonical = parseCouponCode(input.code);
  const hash = couponHash(canonical);
  return mutate(ctx, actor, async (tx) => {
    const blockedAt = ctx.now().toISOString();
    const won = await tx.all(
      ctx.db.qb
        .updateTable('coupons')
        .set({ blocked_at: blockedAt })
        .where('code_hash', '=', hash)
        .where('redeemed_at', 'is', null)
        .where('blocked_at', 'is', null)
        .returning('id'),
    );
    const coupon = won[0] ? undefined : await couponState(ctx, tx, hash);
    if (!won[0] && !coupon) throw unknownCoupon(canonical);
    if (coupon?.redeemed_at) throw unavailable(coupon, actor.resellerId, maskCoupon(canonical));
    // Blocking twice is harmless: answer with the first block instead of an error.
    const value = coupon
      ? { blockedAt: coupon.blocked_at!, alreadyBlocked: true }
      : { blockedAt, alreadyBlocked: false };
    return { value, audit: won[0] ? { action: 'coupon.block', subject: `coupon ${won[0].id}` } : [] };
  });
}

function couponState(ctx: AuthorityContext, tx: Tx, hash: string) {
  return tx.first(
    ctx.db.qb
      .selectFrom('coupons as c')
      .leftJoin('devices as d', 'd.id', 'c.redeemed_device_id')
      .select(['c.id', 'c.blocked_at', 'c.redeemed_at', 'c.redeemed_reseller_id', 'd.serial as redeemed_serial'])
      .where('c.code_hash', '=', hash),
  );
}

const unknownCoupon = (canonical: string) => err.COUPON_UNKNOWN({ masked: maskCoupon(canonical) });

const describe = (ctx: AuthorityContext, b: BundleItem) => ({
  ...b,
  featureName: featureName(requireFeature(ctx.catalogue, b.feature), 'en'),
});
