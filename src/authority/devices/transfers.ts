// Transfers of a serial between resellers. Serials are first come, first served, so a reseller can
// register serials of PBXs it does not have; the real seller asks for a transfer and the vendor
// decides. Until then the holder keeps the device. A reseller never learns who holds a serial.
// Proof of physical access (a fresh initialisation code) does not bypass the vendor: the code
// names the serial, not the reseller, and anyone who once installed the PBX can produce one.
import type { Transfer } from '../../shared/api/transfers';
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Tx } from '../db/executor';
import { mutate } from '../mutate';
import { foldSerial } from './queries';

interface TransferRow {
  id: number;
  device_id: number;
  serial: string;
  from_reseller_id: number;
  to_reseller_id: number;
  requested_at: string;
  decided_at: string | null;
  outcome: 'approved' | 'refused' | null;
  note: string;
  from_name: string;
  to_name: string;
}

const selectTransfers = (ctx: AuthorityContext) =>
  ctx.db.qb
    .selectFrom('device_transfers as t')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .innerJoin('resellers as rf', 'rf.id', 't.from_reseller_id')
    .innerJoin('resellers as rt', 'rt.id', 't.to_reseller_id')
    .select([
      't.id',
      't.device_id',
      'd.serial',
      't.from_reseller_id',
      't.to_reseller_id',
      't.requested_at',
      't.decided_at',
      't.outcome',
      't.note',
      'rf.name as from_name',
      'rt.name as to_name',
    ]);

function toDto(t: TransferRow, actor: Actor): Transfer {
  const base = {
    id: t.id,
    serial: t.serial,
    status: t.outcome ?? 'pending',
    requestedAt: t.requested_at,
    decidedAt: t.decided_at,
    note: t.note,
  } as const;
  if (actor.vendor) return { ...base, direction: 'vendor', from: t.from_name, to: t.to_name };
  return { ...base, direction: t.to_reseller_id === actor.resellerId ? 'outgoing' : 'incoming' };
}

export function requestTransfer(ctx: AuthorityContext, actor: Actor, input: { serial: string; note?: string }) {
  if (actor.resellerId === null) throw err.RESELLER_ONLY({ variant: 'transfers' });
  const to = actor.resellerId;
  return mutate(ctx, actor, async (tx) => {
    const device = await tx.first(
      ctx.db.qb
        .selectFrom('devices')
        .select(['id', 'serial', 'reseller_id'])
        .where('serial_folded', '=', foldSerial(input.serial)),
    );
    if (!device) throw err.TRANSFER_UNKNOWN_SERIAL({ serial: input.serial.trim() });
    if (device.reseller_id === to) throw err.TRANSFER_OWN_DEVICE({ serial: device.serial });
    const id = await insertRequest(ctx, tx, actor, device, input.note ?? '');
    return {
      value: toDto((await requireTransfer(ctx, tx, id))!, actor),
      audit: { action: 'device.transfer.request', subject: device.serial, data: sides(id, device.reseller_id, to) },
    };
  });
}

async function insertRequest(
  ctx: AuthorityContext,
  tx: Tx,
  actor: Actor,
  device: { id: number; serial: string; reseller_id: number },
  note: string,
): Promise<number> {
  try {
    const row = await tx.first(
      ctx.db.qb
        .insertInto('device_transfers')
        .values({
          device_id: device.id,
          from_reseller_id: device.reseller_id,
          to_reseller_id: actor.resellerId!,
          requested_at: ctx.now().toISOString(),
          requested_by: actor.label,
          note,
          decided_at: null,
          decided_by: null,
          outcome: null,
        })
        .returning('id'),
    );
    return row!.id;
  } catch (e) {
    if (isUniqueViolation(e)) throw err.TRANSFER_ALREADY_REQUESTED({ serial: device.serial });
    throw e;
  }
}

// Both resellers' ids in every entry, so each side's history shows the transfer.
const sides = (transfer: number, from: number, to: number) => ({ transfer, fromReseller: from, toReseller: to });

async function requireTransfer(ctx: AuthorityContext, tx: Tx, id: number): Promise<TransferRow> {
  const t = await tx.first(selectTransfers(ctx).where('t.id', '=', id));
  if (!t) throw err.TRANSFER_NOT_FOUND({ id });
  return t;
}

export function decideTransfer(outcome: 'approved' | 'refused') {
  return (ctx: AuthorityContext, actor: Actor, input: { id: number; note?: string }) =>
    mutate(ctx, actor, async (tx) => {
      const t = await requireTransfer(ctx, tx, input.id);
      if (t.decided_at)
        throw err.TRANSFER_DECIDED({
          variant: 'already',
          id: t.id,
          outcome: t.outcome,
          decidedAt: t.decided_at.slice(0, 10),
        });
      const at = ctx.now().toISOString();
      await closeRequest(ctx, tx, actor, t.id, outcome, at, input.note);
      const audit = [
        {
          action: `device.transfer.${outcome === 'approved' ? 'approve' : 'refuse'}`,
          subject: t.serial,
          data: sides(t.id, t.from_reseller_id, t.to_reseller_id),
        },
      ];
      if (outcome === 'approved') audit.push(...(await moveToRequester(ctx, tx, actor, t, at)));
      const decided = { ...t, decided_at: at, outcome, note: input.note ?? t.note };
      return { value: toDto(decided, actor), audit };
    });
}

async function closeRequest(
  ctx: AuthorityContext,
  tx: Tx,
  actor: Actor,
  id: number,
  outcome: 'approved' | 'refused',
  at: string,
  note: string | undefined,
): Promise<void> {
  const changed = await tx.run(
    ctx.db.qb
      .updateTable('device_transfers')
      .set({ decided_at: at, decided_by: actor.label, outcome, ...(note !== undefined ? { note } : {}) })
      .where('id', '=', id)
      .where('decided_at', 'is', null),
  );
  if (changed !== 1) throw err.TRANSFER_DECIDED({ variant: 'meanwhile', id });
}

/**
 * The device changes hands with its licences and certificates (they belong to the PBX); its
 * customer and registration belonged to the old reseller and are cleared. Other open requests
 * for it are refused: they asked the old holder.
 */
async function moveToRequester(ctx: AuthorityContext, tx: Tx, actor: Actor, t: TransferRow, at: string) {
  const moved = await tx.run(
    ctx.db.qb
      .updateTable('devices')
      .set({ reseller_id: t.to_reseller_id, customer_id: null, registration_id: null })
      .where('id', '=', t.device_id)
      .where('reseller_id', '=', t.from_reseller_id),
  );
  if (moved !== 1) throw err.TRANSFER_STALE({ serial: t.serial });
  const others = await tx.all(
    ctx.db.qb
      .selectFrom('device_transfers')
      .select(['id', 'to_reseller_id'])
      .where('device_id', '=', t.device_id)
      .where('decided_at', 'is', null),
  );
  for (const o of others)
    await closeRequest(ctx, tx, actor, o.id, 'refused', at, 'The device went to another reseller.');
  return [
    { action: 'device.transfer.out', subject: t.serial, data: sides(t.id, t.from_reseller_id, t.to_reseller_id) },
    { action: 'device.transfer.in', subject: t.serial, data: sides(t.id, t.from_reseller_id, t.to_reseller_id) },
    ...others.map((o) => ({
      action: 'device.transfer.refuse',
      subject: t.serial,
      data: sides(o.id, t.from_reseller_id, o.to_reseller_id),
    })),
  ];
}

export async function listTransfers(ctx: AuthorityContext, actor: Actor, input: { pendingOnly?: boolean }) {
  let q = selectTransfers(ctx).orderBy('t.id');
  if (!actor.vendor) {
    const me = actor.resellerId ?? -1;
    q = q.where((eb) => eb.or([eb('t.to_reseller_id', '=', me), eb('t.from_reseller_id', '=', me)]));
  }
  if (input.pendingOnly) q = q.where('t.decided_at', 'is', null);
  return (await ctx.db.read.all(q)).map((t) => toDto(t, actor));
}
