// Device lookups, always scoped to the asking reseller: another reseller's serial is "not found".
import { notFound } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { prepared } from '../db/prepared';

export interface DeviceRow {
  id: number;
  reseller_id: number;
  customer_id: number | null;
  registration_id: number | null;
  serial: string;
  model: string;
  name: string;
  created_at: string;
  retired_at: string | null;
  revision: number;
  customer: string | null;
  registration: string | null;
}

function selectDevices(ctx: AuthorityContext, actor: Actor) {
  return deviceSelect(ctx.db.qb).where('d.reseller_id', '=', actor.resellerId ?? -1);
}

const deviceSelect = (qb: AuthorityContext['db']['qb']) =>
  qb
    .selectFrom('devices as d')
    .leftJoin('customers as c', 'c.id', 'd.customer_id')
    .leftJoin('registrations as r', 'r.id', 'd.registration_id')
    .select([
      'd.id',
      'd.reseller_id',
      'd.customer_id',
      'd.registration_id',
      'd.serial',
      'd.model',
      'd.name',
      'd.created_at',
      'd.retired_at',
      'd.revision',
      'c.name as customer',
      'r.number as registration',
    ]);

const deviceBySerial = prepared((qb, resellerId: number, serial: string) =>
  deviceSelect(qb).where('d.reseller_id', '=', resellerId).where('d.serial', '=', serial),
);

export async function findDevice(
  ctx: AuthorityContext,
  tx: Tx,
  actor: Actor,
  serial: string,
): Promise<DeviceRow | undefined> {
  return tx.first(deviceBySerial(ctx.db.qb, actor.resellerId ?? -1, serial.trim()));
}

export async function requireDevice(ctx: AuthorityContext, tx: Tx, actor: Actor, serial: string): Promise<DeviceRow> {
  const device = await findDevice(ctx, tx, actor, serial);
  if (!device) throw notFound('DEVICE_NOT_FOUND', `No device with serial ${serial.trim()} is registered.`);
  return device;
}

export async function listDevices(
  ctx: AuthorityContext,
  actor: Actor,
  includeRetired: boolean,
  serials?: readonly string[],
  limit?: number,
): Promise<DeviceRow[]> {
  let q = selectDevices(ctx, actor).orderBy('d.serial');
  if (!includeRetired) q = q.where('d.retired_at', 'is', null);
  if (serials) q = q.where('d.serial', 'in', [...serials]);
  if (limit !== undefined) q = q.limit(limit);
  return ctx.db.read.all(q);
}

export const toDeviceDto = (d: DeviceRow) => ({
  serial: d.serial,
  model: d.model,
  name: d.name,
  customer: d.customer,
  registration: d.registration,
  createdAt: d.created_at,
  retiredAt: d.retired_at,
});
