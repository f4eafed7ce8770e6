// Granting licences and reading the ones a device holds.
import { featureName, requireFeature, requireModel } from '../../licensing/catalogue';
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { prepared } from '../db/prepared';
import { requireDevice, type DeviceRow } from '../devices/queries';
import { requireAcceptedFor } from '../eula/current';
import { refuseBlockedRegistration } from '../registration/rules';
import { mutate } from '../mutate';
import { planGrant, type GrantRequest } from './licence-rules';
import { endTryoutOnPurchase } from '../tryout/purchase';

export interface LicenceRow {
  id: number;
  device_id: number;
  feature: number;
  quantity: number;
  source: 'grant' | 'coupon' | 'tryout' | 'trial';
  not_after: string | null;
  created_at: string;
  ended_at: string | null;
  coupon_id: number | null;
}

const licencesQuery = prepared((qb, deviceId: number) =>
  qb.selectFrom('licences').selectAll().where('device_id', '=', deviceId).orderBy('id'),
);

export const licencesOf = (ctx: AuthorityContext, tx: Tx, deviceId: number): Promise<LicenceRow[]> =>
  tx.all(licencesQuery(ctx.db.qb, deviceId));

export const toLicenceDto = (ctx: AuthorityContext, l: LicenceRow) => ({
  id: l.id,
  feature: l.feature,
  featureName: featureNameOf(ctx, l.feature),
  quantity: l.quantity,
  source: l.source,
  notAfter: l.not_after,
  createdAt: l.created_at,
  endedAt: l.ended_at,
});

const featureNameOf = (ctx: AuthorityContext, n: number) => {
  const f = ctx.catalogue.features.find((x) => x.number === n);
  return f ? featureName(f, 'en') : `feature ${n}`;
};

/** Inserts a licence and bumps the device's revision, so an issuance in flight signs again. */
export async function insertLicence(
  ctx: AuthorityContext,
  tx: Tx,
  row: Omit<LicenceRow, 'id' | 'created_at' | 'ended_at' | 'coupon_id'> & { coupon_id?: number | null },
): Promise<LicenceRow> {
  const created = await tx.first(
    ctx.db.qb
      .insertInto('licences')
      .values({
        device_id: row.device_id,
        feature: row.feature,
        quantity: row.quantity,
        source: row.source,
        not_after: row.not_after,
        created_at: ctx.now().toISOString(),
        ended_at: null,
        coupon_id: row.coupon_id ?? null,
      })
      .returningAll(),
  );
  await tx.run(
    ctx.db.qb
      .updateTable('devices')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', row.device_id),
  );
  // Buying ends a running tryout; after the revision bump above, so the device row is locked.
  if (row.source === 'grant' || row.source === 'coupon') await endTryoutOnPurchase(ctx, tx, row.device_id);
  return created as LicenceRow;
}

export function grantLicence(ctx: AuthorityContext, actor: Actor, input: GrantRequest & { serial: string }) {
  return mutate(ctx, actor, async (tx) => {
    const device = await requireDevice(ctx, tx, actor, input.serial);
    const plan = planGrant(ctx.catalogue, device, input, ctx.now());
    await requireGrantable(ctx, tx, device);
    const l = await insertLicence(ctx, tx, {
      device_id: device.id,
      feature: plan.feature,
      quantity: plan.quantity,
      source: 'grant',
      not_after: plan.notAfter,
    });
    const feature = requireFeature(ctx.catalogue, l.feature);
    return {
      value: toLicenceDto(ctx, l),
      audit: {
        action: 'licence.grant',
        subject: device.serial,
        data: { feature: feature.number, quantity: l.quantity, notAfter: l.not_after },
      },
    };
  });
}

/**
 * A host-bound model's licences belong to a customer's registration, and its owner accepts the
 * licence agreement before any licence: a grant is no back door around either. There is no
 * vendor escape: accepting is the customer's act, which nobody else can do for them.
 */
async function requireGrantable(ctx: AuthorityContext, tx: Tx, device: DeviceRow): Promise<void> {
  if (!requireModel(ctx.catalogue, device.model).hostBound) return;
  if (device.registration_id === null) throw err.GRANT_NO_REGISTRATION({ serial: device.serial });
  refuseBlockedRegistration(device);
  await requireAcceptedFor(ctx, tx, device);
}
