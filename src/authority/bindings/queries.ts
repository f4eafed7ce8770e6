// Binding lookups, always scoped to the asking reseller through the device: another reseller's
// binding id answers "not found", exactly like an id that does not exist.
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { productName } from './rules';

export interface BindingRow {
  id: number;
  device_id: number;
  serial: string;
  feature: number;
  host_fingerprint: string;
  host_name: string | null;
  firmware: string | null;
  first_seen: string;
  last_seen: string;
  reset_at: string | null;
  reset_by: string | null;
}

export function selectBindings(ctx: AuthorityContext, actor: Actor) {
  return ctx.db.qb
    .selectFrom('host_bindings as b')
    .innerJoin('devices as d', 'd.id', 'b.device_id')
    .select([
      'b.id',
      'b.device_id',
      'd.serial',
      'b.feature',
      'b.host_fingerprint',
      'b.host_name',
      'b.firmware',
      'b.first_seen',
      'b.last_seen',
      'b.reset_at',
      'b.reset_by',
    ])
    .where('d.reseller_id', '=', actor.resellerId ?? -1);
}

export async function requireBinding(ctx: AuthorityContext, tx: Tx, actor: Actor, id: number): Promise<BindingRow> {
  const row = await tx.first(selectBindings(ctx, actor).where('b.id', '=', id));
  if (!row) throw err.BINDING_NOT_FOUND({ id });
  return row;
}

/** The active binding of one device's feature (at most one: the partial unique index). */
export const activeBinding = (ctx: AuthorityContext, tx: Tx, deviceId: number, feature: number) =>
  tx.first(
    ctx.db.qb
      .selectFrom('host_bindings as b')
      .innerJoin('devices as d', 'd.id', 'b.device_id')
      .select(['b.id', 'd.serial', 'b.feature', 'b.host_fingerprint', 'b.host_name', 'b.first_seen', 'b.reset_at'])
      .where('b.device_id', '=', deviceId)
      .where('b.feature', '=', feature)
      .where('b.reset_at', 'is', null),
  );

/** Active bindings per host among this reseller's devices: bindings are counted per host. */
export async function hostCounts(
  ctx: AuthorityContext,
  tx: Tx,
  actor: Actor,
  hosts: string[],
): Promise<Map<string, number>> {
  if (hosts.length === 0) return new Map();
  const rows = await tx.all(
    ctx.db.qb
      .selectFrom('host_bindings as b')
      .innerJoin('devices as d', 'd.id', 'b.device_id')
      .select(['b.host_fingerprint', (eb) => eb.fn.count<number>('b.id').as('n')])
      .where('d.reseller_id', '=', actor.resellerId ?? -1)
      .where('b.reset_at', 'is', null)
      .where('b.host_fingerprint', 'in', [...new Set(hosts)])
      .groupBy('b.host_fingerprint'),
  );
  return new Map(rows.map((r) => [r.host_fingerprint, Number(r.n)]));
}

export const toBindingDto = (ctx: AuthorityContext, b: BindingRow, counts: Map<string, number>) => ({
  id: b.id,
  serial: b.serial,
  feature: b.feature,
  productName: productName(ctx.catalogue, b.feature),
  hostFingerprint: b.host_fingerprint,
  hostName: b.host_name,
  firmware: b.firmware,
  firstSeen: b.first_seen,
  lastSeen: b.last_seen,
  active: b.reset_at === null,
  resetAt: b.reset_at,
  resetBy: b.reset_by,
  hostBindings: counts.get(b.host_fingerprint) ?? 0,
});
