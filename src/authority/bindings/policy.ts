// Issuance policy "bindings": an Askozia certificate binds each of its host licences to the
// request's host. check refuses early (before anything is written) when a licence is bound to
// another host; record decides for real, inside the same transaction: the partial unique index
// host_bindings_active (device, feature WHERE reset_at IS NULL) lets exactly one of two
// concurrent first activations insert, and the loser is refused here with where and since.
import type { IssuancePlan, IssuancePolicy } from '../certificates/policies';
import type { AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { activeBinding } from './queries';
import { boundElsewhere, hostBoundFeatures } from './rules';

const featuresOf = (ctx: AuthorityContext, plan: IssuancePlan) =>
  hostBoundFeatures(ctx.catalogue, plan.device.model, plan.features);

async function check(ctx: AuthorityContext, tx: Tx, plan: IssuancePlan): Promise<void> {
  for (const feature of featuresOf(ctx, plan)) {
    const active = await activeBinding(ctx, tx, plan.device.id, feature);
    const refusal = active && boundElsewhere(ctx.catalogue, active, plan.hostFingerprint);
    if (refusal) throw refusal;
  }
}

async function record(ctx: AuthorityContext, tx: Tx, plan: IssuancePlan): Promise<void> {
  const features = featuresOf(ctx, plan);
  if (features.length === 0) return; // not a host-bound model: nothing to bind
  // The binding's times are the certificate's, so the info view can find the certificates in it.
  const cert = await tx.first(
    ctx.db.qb.selectFrom('certificates').select('issued_at').where('serial_hex', '=', plan.certificateSerial),
  );
  const at = cert?.issued_at ?? ctx.now().toISOString();
  const host = { host_name: plan.request.device?.hostName ?? null, firmware: plan.request.device?.firmware ?? null };
  for (const feature of features) {
    const inserted = await tx.run(
      ctx.db.qb
        .insertInto('host_bindings')
        .values({
          device_id: plan.device.id,
          feature,
          host_fingerprint: plan.hostFingerprint,
          ...host,
          first_seen: at,
          last_seen: at,
          reset_at: null,
          reset_by: null,
        })
        .onConflict((oc) => oc.columns(['device_id', 'feature']).where('reset_at', 'is', null).doNothing()),
    );
    if (inserted === 1) continue;
    const active = (await activeBinding(ctx, tx, plan.device.id, feature))!;
    const refusal = boundElsewhere(ctx.catalogue, active, plan.hostFingerprint);
    if (refusal) throw refusal; // another host's activation got there first
    // A reinstall on the same host: the binding stays, it was just seen again.
    await tx.run(
      ctx.db.qb
        .updateTable('host_bindings')
        .set({ last_seen: at, ...host })
        .where('id', '=', active.id),
    );
  }
}

export const bindingsPolicy: IssuancePolicy = { name: 'bindings', check, record };
