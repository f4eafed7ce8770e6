// Device lookups, always scoped to the asking reseller: another reseller's serial is "not found".
// Serials compare ignoring case (VM-0001 = vm-0001): every lookup goes by the folded form.
import { sql } from 'kysely';
import { err } from '../../shared/errors';
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
  /** Set when the vendor blocked the linked registration: no new licences through it. */
  registration_blocked_at: string | null;
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
      'r.blocked_at as registration_blocked_at',
    ]);

/** The form serials are unique in; they are ASCII (letters, digits, . _ -), so upper-casing is exact. */
export const foldSerial = (serial: string): string => serial.trim().toUpperCase();

// A row left unfolded by a pre-existing clash (migration step 3) is still found by its exact serial, first.
const deviceBySerial = prepared((qb, resellerId: number, folded: string, exact: string) =>
  deviceSelect(qb)
    .where('d.reseller_id', '=', resellerId)
    .where((eb) =>
      eb.or([
        eb('d.serial_folded', '=', folded),
        eb.and([eb('d.serial_folded', 'is', null), eb('d.serial', '=', exact)]),
      ]),
    )
    .orderBy(sql`CASE WHEN d.serial_folded IS NULL THEN 0 ELSE 1 END`)
    .limit(1),
);

export async function findDevice(
  ctx: AuthorityContext,
  tx: Tx,
  actor: Actor,
  serial: string,
): Promise<DeviceRow | undefined> {
  return tx.first(deviceBySerial(ctx.db.qb, actor.resellerId ?? -1, foldSerial(serial), serial.trim()));
}

export async function requireDevice(ctx: AuthorityContext, tx: Tx, actor: Actor, serial: string): Promise<DeviceRow> {
  const device = await findDevice(ctx, tx, actor, serial);
  if (!device) throw err.DEVICE_NOT_FOUND({ variant: 'plain', serial: serial.trim() });
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
  if (serials) q = q.where('d.serial_folded', 'in', serials.map(foldSerial));
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
