// Devices and customers: add, rename, move, retire, list. Serials are unique across the authority,
// ignoring case; one held by another reseller moves only by a transfer (transfers.ts).
import { requireModel } from '../../licensing/catalogue';
import { checkSerial } from '../../licensing/names';
import { OPERATIONS } from '../../shared/api';
import { err, toErrorValue, type Params } from '../../shared/errors';
import { parseInput } from '../api/parse';
import type { Actor, AuthorityContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Tx } from '../db/executor';
import { mutate } from '../mutate';
import { fleetSummaries, summaryOf } from './fleet';
import { foldSerial, listDevices, requireDevice, toDeviceDto, type DeviceRow } from './queries';

type NewDevice = { serial: string; model: string; name?: string; customer?: string };

export async function addDevice(ctx: AuthorityContext, actor: Actor, input: NewDevice) {
  const resellerId = requireReseller(actor);
  const row = checkRow(ctx, input);
  try {
    return await mutate(ctx, actor, async (tx) => {
      await insertDevice(ctx, tx, resellerId, row);
      const device = await requireDevice(ctx, tx, actor, row.serial);
      return { value: toDeviceDto(device), audit: addedEntry(device) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw await serialTaken(ctx, ctx.db.read, resellerId, row.serial);
    throw e;
  }
}

const checkRow = (ctx: AuthorityContext, input: NewDevice) => ({
  ...input,
  serial: checkSerial(input.serial.trim()),
  model: requireModel(ctx.catalogue, input.model).id,
});

const addedEntry = (device: DeviceRow) => ({
  action: 'device.add',
  subject: device.serial,
  data: { model: device.model, name: device.name, customer: device.customer },
});

/** Inserts the device unless its serial is taken; returns whether it did. */
async function insertDevice(
  ctx: AuthorityContext,
  tx: Tx,
  resellerId: number,
  row: NewDevice,
  skipTaken = false,
): Promise<boolean> {
  // Checked first so that a taken row creates no customer either (the insert still guards races).
  if (skipTaken && (await isTaken(ctx, tx, row.serial))) return false;
  const customerId = row.customer ? await customerFor(ctx, tx, resellerId, row.customer) : null;
  const insert = ctx.db.qb.insertInto('devices').values({
    reseller_id: resellerId,
    customer_id: customerId,
    registration_id: null,
    serial: row.serial,
    serial_folded: foldSerial(row.serial),
    model: row.model,
    name: row.name ?? '',
    created_at: ctx.now().toISOString(),
    retired_at: null,
  });
  return (await tx.run(skipTaken ? insert.onConflict((oc) => oc.doNothing()) : insert)) === 1;
}

const isTaken = async (ctx: AuthorityContext, tx: Tx, serial: string) =>
  (await tx.first(ctx.db.qb.selectFrom('devices').select('id').where('serial_folded', '=', foldSerial(serial)))) !==
  undefined;

/** Why a serial could not be added: ours already, or another reseller's (never saying whose). */
async function serialTaken(ctx: AuthorityContext, tx: Tx, resellerId: number, serial: string) {
  const holder = await tx.first(
    ctx.db.qb.selectFrom('devices').select(['reseller_id', 'serial']).where('serial_folded', '=', foldSerial(serial)),
  );
  if (!holder || holder.reseller_id === resellerId) {
    const spelt = holder && holder.serial !== serial ? ` (as ${holder.serial}; serials ignore case)` : '';
    return err.DEVICE_EXISTS({ serial, spelt });
  }
  return err.DEVICE_HELD_ELSEWHERE({ serial, transfer: 'transfers.request' });
}

export async function list(
  ctx: AuthorityContext,
  actor: Actor,
  input: { includeRetired?: boolean; serials?: readonly string[]; limit?: number },
) {
  const now = ctx.now();
  if (input.limit !== undefined) {
    // The first rows: their summaries only, not the fleet's.
    const first = await listDevices(ctx, actor, input.includeRetired ?? false, input.serials, input.limit);
    if (first.length === 0) return [];
    return list(ctx, actor, { ...input, limit: undefined, serials: first.map((d) => d.serial) });
  }
  if (input.serials) {
    // A few rows: their ids first, so the summaries read only their licences and checks.
    const rows = await listDevices(ctx, actor, input.includeRetired ?? false, input.serials);
    const fleet = rows.length
      ? await fleetSummaries(
          ctx,
          actor,
          now,
          rows.map((d) => d.id),
        )
      : new Map();
    return rows.map((d) => ({ ...toDeviceDto(d), summary: summaryOf(d, fleet.get(d.id)) }));
  }
  const [devices, fleet] = await Promise.all([
    listDevices(ctx, actor, input.includeRetired ?? false),
    fleetSummaries(ctx, actor, now),
  ]);
  return devices.map((d) => ({ ...toDeviceDto(d), summary: summaryOf(d, fleet.get(d.id)) }));
}

export function renameDevice(ctx: AuthorityContext, actor: Actor, input: { serial: string; name: string }) {
  return mutate(ctx, actor, async (tx) => {
    const d = await requireDevice(ctx, tx, actor, input.serial);
    await tx.run(ctx.db.qb.updateTable('devices').set({ name: input.name }).where('id', '=', d.id));
    return {
      value: toDeviceDto({ ...d, name: input.name }),
      audit: { action: 'device.rename', subject: d.serial, data: { from: d.name, to: input.name } },
    };
  });
}

export function moveDevice(ctx: AuthorityContext, actor: Actor, input: { serial: string; customer: string }) {
  return mutate(ctx, actor, async (tx) => {
    const d = await requireDevice(ctx, tx, actor, input.serial);
    const customerId = await customerFor(ctx, tx, d.reseller_id, input.customer);
    await tx.run(ctx.db.qb.updateTable('devices').set({ customer_id: customerId }).where('id', '=', d.id));
    return {
      value: toDeviceDto({ ...d, customer: input.customer }),
      audit: { action: 'device.move', subject: d.serial, data: { from: d.customer, to: input.customer } },
    };
  });
}

export function retireDevice(ctx: AuthorityContext, actor: Actor, input: { serial: string }) {
  return mutate(ctx, actor, async (tx) => {
    const d = await requireDevice(ctx, tx, actor, input.serial);
    if (d.retired_at)
      throw err.DEVICE_RETIRED({ variant: 'already', serial: d.serial, retiredAt: d.retired_at.slice(0, 10) });
    const at = ctx.now().toISOString();
    await tx.run(
      ctx.db.qb.updateTable('devices').set({ retired_at: at }).where('id', '=', d.id).where('retired_at', 'is', null),
    );
    return { value: toDeviceDto({ ...d, retired_at: at }), audit: { action: 'device.retire', subject: d.serial } };
  });
}

export async function listCustomers(ctx: AuthorityContext, actor: Actor) {
  const q = ctx.db.qb
    .selectFrom('customers as c')
    .leftJoin('devices as d', 'd.customer_id', 'c.id')
    .select(['c.name', (eb) => eb.fn.count<number>('d.id').as('devices')])
    .where('c.reseller_id', '=', actor.resellerId ?? -1)
    .groupBy('c.name')
    .orderBy('c.name');
  return (await ctx.db.read.all(q)).map((r) => ({ name: r.name, devices: Number(r.devices) }));
}

/** The customer's id, created on first use (race-free: the unique key decides). */
async function customerFor(ctx: AuthorityContext, tx: Tx, resellerId: number, name: string): Promise<number> {
  await tx.run(
    ctx.db.qb
      .insertInto('customers')
      .values({ reseller_id: resellerId, name, created_at: ctx.now().toISOString() })
      .onConflict((oc) => oc.columns(['reseller_id', 'name']).doNothing()),
  );
  const row = await tx.first(
    ctx.db.qb.selectFrom('customers').select('id').where('reseller_id', '=', resellerId).where('name', '=', name),
  );
  return row!.id;
}

export function requireReseller(actor: Actor): number {
  if (actor.resellerId === null) throw err.RESELLER_ONLY({ variant: 'devices' });
  return actor.resellerId;
}

/**
 * Adds many devices in one transaction: all rows or none, so a server that dies half-way leaves
 * nothing and a retry with the same Idempotency-Key runs the whole import again. A bad or taken
 * row is reported by its number and never blocks the others; rows apply in order, so of two that
 * fold to the same serial the first wins.
 */
export async function importDevices(ctx: AuthorityContext, actor: Actor, input: { rows: NewDevice[] }) {
  const resellerId = requireReseller(actor);
  const one = OPERATIONS['devices.add'].input;
  const errors: { row: number; code: string; message: string; params?: Params }[] = [];
  const fail = (i: number, e: unknown) => {
    const err = toErrorValue(e);
    errors.push({ row: i + 1, code: err.code, message: err.message, params: err.params });
  };
  const checked = input.rows.map((raw, i) => {
    try {
      return checkRow(ctx, parseInput(one, raw) as NewDevice);
    } catch (e) {
      fail(i, e);
      return undefined;
    }
  });
  const added = await mutate(ctx, actor, async (tx) => {
    const audit = [];
    for (const [i, row] of checked.entries()) {
      if (!row) continue;
      if (!(await insertDevice(ctx, tx, resellerId, row, true))) {
        fail(i, await serialTaken(ctx, tx, resellerId, row.serial));
        continue;
      }
      audit.push(addedEntry(await requireDevice(ctx, tx, actor, row.serial)));
    }
    return { value: audit.length, audit };
  });
  return { added, errors: errors.sort((a, b) => a.row - b.row) };
}
