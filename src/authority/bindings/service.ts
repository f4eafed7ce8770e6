// Licence bindings to hosts: the list ("session monitor"), the info view, and reset. A reset is
// confirmed with the binding's feature number, and revokes — in the same transaction — every
// certificate of that device that relied on the host, so the old PC stops being licensed.
import { CERTIFICATE_COLUMNS, toCertificateDto } from '../certificates/dto';
import type { Actor, AuthorityContext } from '../context';
import { requireDevice } from '../devices/queries';
import { mutate } from '../mutate';
import { hostCounts, requireBinding, selectBindings, toBindingDto, type BindingRow } from './queries';
import { alreadyReset, confirmReset } from './rules';

export const REVOKED_REASON = 'binding reset';

export async function listBindings(ctx: AuthorityContext, actor: Actor, input: { serial?: string }) {
  const tx = ctx.db.read;
  let q = selectBindings(ctx, actor);
  if (input.serial !== undefined)
    q = q.where('b.device_id', '=', (await requireDevice(ctx, tx, actor, input.serial)).id);
  const rows = await tx.all(q.orderBy('b.id'));
  const counts = await hostCounts(
    ctx,
    tx,
    actor,
    rows.map((r) => r.host_fingerprint),
  );
  const active = (r: BindingRow) => (r.reset_at === null ? 0 : 1);
  return rows.sort((a, b) => active(a) - active(b) || a.id - b.id).map((r) => toBindingDto(ctx, r, counts));
}

export async function showBinding(ctx: AuthorityContext, actor: Actor, input: { id: number }) {
  const tx = ctx.db.read;
  const b = await requireBinding(ctx, tx, actor, input.id);
  let q = ctx.db.qb
    .selectFrom('certificates')
    .select(CERTIFICATE_COLUMNS)
    .where('device_id', '=', b.device_id)
    .where('host_fingerprint', '=', b.host_fingerprint)
    .where('issued_at', '>=', b.first_seen);
  if (b.reset_at) q = q.where('issued_at', '<=', b.reset_at);
  const certs = await tx.all(q.orderBy('issued_at').orderBy('serial_hex'));
  return {
    binding: toBindingDto(ctx, b, await hostCounts(ctx, tx, actor, [b.host_fingerprint])),
    certificates: certs.map((c) => toCertificateDto(c, ctx.now())),
  };
}

export function resetBinding(ctx: AuthorityContext, actor: Actor, input: { id: number; feature: number }) {
  return mutate(ctx, actor, async (tx) => {
    const b = await requireBinding(ctx, tx, actor, input.id);
    confirmReset(ctx.catalogue, b, input.feature);
    if (b.reset_at) throw alreadyReset(b);
    const at = ctx.now().toISOString();
    // Conditional: of two concurrent resets exactly one changes the row; the other is told.
    const won = await tx.run(
      ctx.db.qb
        .updateTable('host_bindings')
        .set({ reset_at: at, reset_by: actor.label })
        .where('id', '=', b.id)
        .where('reset_at', 'is', null),
    );
    if (won !== 1) throw alreadyReset(await requireBinding(ctx, tx, actor, b.id));
    const revoked = (
      await tx.all(
        ctx.db.qb
          .updateTable('certificates')
          .set({ revoked_at: at, revoked_reason: REVOKED_REASON })
          .where('device_id', '=', b.device_id)
          .where('host_fingerprint', '=', b.host_fingerprint)
          .where('revoked_at', 'is', null)
          .returning('serial_hex'),
      )
    )
      .map((r) => r.serial_hex)
      .sort();
    const after = { ...b, reset_at: at, reset_by: actor.label };
    return {
      value: { binding: toBindingDto(ctx, after, await hostCounts(ctx, tx, actor, [b.host_fingerprint])), revoked },
      audit: {
        action: 'binding.reset',
        subject: b.serial,
        data: { binding: b.id, feature: b.feature, host: b.host_fingerprint, revoked },
      },
    };
  });
}
