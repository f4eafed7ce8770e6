// Tryout (COMtrexx VM): start once per device, ever; status; leave. The tryouts table's primary
// key on device_id decides who starts it, so concurrent starts give exactly one success.
import { requireModel, type Model } from '../../licensing/catalogue';
import { decodeCode } from '../../licensing/codes';
import { parseRequest, type ParsedRequest } from '../../licensing/request';
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import { recreateCertificate, type Answer } from '../certificates/issue';
import { insertLicence } from '../certificates/licences';
import { issueOrUndo, type RecordedOffer } from '../certificates/undo-offer';
import type { Tx } from '../db/executor';
import { requireDevice, type DeviceRow } from '../devices/queries';
import { mutate } from '../mutate';
import { matchDevice } from '../certificates/recreate-rules';
import { endTryout } from './purchase';
import {
  alreadyLicensed,
  alreadyUsed,
  daysLeft,
  noTryoutReason,
  planTryout,
  tryoutState,
  type TryoutRow,
} from './rules';

export async function startTryout(ctx: AuthorityContext, actor: Actor, input: { serial: string; initCode?: string }) {
  // Read the code before anything is written: a broken code must not use up the tryout.
  const request = input.initCode === undefined ? undefined : readRequest(input.initCode);
  const { device, model, row, licenceId } = await mutate(ctx, actor, async (tx) => {
    const device = await requireActiveDevice(ctx, tx, actor, input.serial);
    const model = requireModel(ctx.catalogue, device.model);
    const now = ctx.now();
    const plan = planTryout(ctx.catalogue, model, now);
    if (request) matchDevice(ctx.catalogue, request, device, device.serial);
    await lockDevice(ctx, tx, device.id);
    const existing = await tryoutOf(ctx, tx, device.id);
    if (existing) throw alreadyUsed(device.serial, existing, now);
    if (await hasBoughtLicences(ctx, tx, device.id)) throw alreadyLicensed(device.serial);
    const row: TryoutRow = {
      device_id: device.id,
      started_at: plan.startedAt,
      ends_at: plan.endsAt,
      ended_at: null,
      end_reason: null,
    };
    if (
      (await tx.run(
        ctx.db.qb
          .insertInto('tryouts')
          .values(row)
          .onConflict((oc) => oc.column('device_id').doNothing()),
      )) === 0
    ) {
      throw alreadyUsed(device.serial, (await tryoutOf(ctx, tx, device.id))!, now);
    }
    const licence = await insertLicence(ctx, tx, {
      device_id: device.id,
      feature: plan.feature,
      quantity: plan.quantity,
      source: 'tryout',
      not_after: plan.endsAt,
    });
    return {
      value: { device, model, row, licenceId: licence.id },
      audit: {
        action: 'tryout.start',
        subject: device.serial,
        data: { feature: plan.feature, quantity: plan.quantity, endsAt: plan.endsAt },
      },
    };
  });
  const initCode = input.initCode;
  const offer: RecordedOffer = {
    kind: 'tryout',
    deviceId: device.id,
    licenceId,
    subject: device.serial,
    deleteRow: (tx) =>
      tx.run(
        ctx.db.qb
          .deleteFrom('tryouts')
          .where('device_id', '=', device.id)
          .where('started_at', '=', row.started_at)
          .where('ended_at', 'is', null),
      ),
  };
  const answer =
    initCode === undefined
      ? null
      : await issueOrUndo(ctx, actor, offer, () =>
          recreateCertificate(ctx, actor, { serial: device.serial, initCode }),
        );
  return { ...statusDto(device, model, row, false, ctx.now()), answer: answer && toAnswerDto(answer) };
}

export async function tryoutStatus(ctx: AuthorityContext, actor: Actor, input: { serial: string }) {
  const tx = ctx.db.read;
  const device = await requireDevice(ctx, tx, actor, input.serial);
  const [row, bought] = await Promise.all([tryoutOf(ctx, tx, device.id), hasBoughtLicences(ctx, tx, device.id)]);
  return statusDto(device, requireModel(ctx.catalogue, device.model), row, bought, ctx.now());
}

/** Leaving tryout mode: its test licences end now, and it can never start again. */
export function leaveTryout(ctx: AuthorityContext, actor: Actor, input: { serial: string }) {
  return mutate(ctx, actor, async (tx) => {
    const device = await requireDevice(ctx, tx, actor, input.serial);
    const model = requireModel(ctx.catalogue, device.model);
    const now = ctx.now();
    if (!(await endTryout(ctx, tx, device.id, 'left'))) {
      const row = await tryoutOf(ctx, tx, device.id);
      const state = tryoutState(row, now);
      throw err.TRYOUT_NOT_ACTIVE({
        serial: device.serial,
        stateText: state === 'never' ? 'its tryout never started' : `its tryout has ${state}`,
        state,
      });
    }
    const row = (await tryoutOf(ctx, tx, device.id))!;
    return {
      value: statusDto(device, model, row, false, now),
      audit: { action: 'tryout.end', subject: device.serial, data: { reason: 'left' } },
    };
  });
}

function statusDto(device: DeviceRow, model: Model, row: TryoutRow | undefined, bought: boolean, now: Date) {
  const state = tryoutState(row, now);
  const reason =
    noTryoutReason(model) ??
    (device.retired_at
      ? `${device.serial} is retired`
      : state !== 'never'
        ? 'a tryout runs once per PBX, ever'
        : bought
          ? `${device.serial} already has bought licences`
          : null);
  return {
    serial: device.serial,
    state,
    available: reason === null,
    reason,
    startedAt: row?.started_at ?? null,
    endsAt: row?.ends_at ?? null,
    endedAt: row?.ended_at ?? null,
    endReason: row?.end_reason ?? null,
    daysLeft: daysLeft(row, now),
    testUsers: state === 'active' ? (model.tryout?.testUsers ?? 0) : 0,
  };
}

export const toAnswerDto = (a: Answer) => ({
  serial: a.serial,
  code: a.code,
  certificateSerial: a.certificateSerial,
  notAfter: a.notAfter,
  features: a.features,
  superseded: a.superseded,
});

export function readRequest(initCode: string): ParsedRequest {
  const [der] = decodeCode(initCode, 'init').ders;
  return parseRequest(der!);
}

async function requireActiveDevice(ctx: AuthorityContext, tx: Tx, actor: Actor, serial: string): Promise<DeviceRow> {
  const device = await requireDevice(ctx, tx, actor, serial);
  if (device.retired_at)
    throw err.DEVICE_RETIRED({ variant: 'plain', serial: device.serial, retiredAt: device.retired_at.slice(0, 10) });
  return device;
}

/**
 * Takes the device row's lock (PostgreSQL; SQLite writes are serial anyway) before reading its
 * licences: insertLicence takes the same lock, so a purchase and a tryout start never interleave.
 */
const lockDevice = (ctx: AuthorityContext, tx: Tx, id: number) =>
  tx.run(
    ctx.db.qb
      .updateTable('devices')
      .set((eb) => ({ revision: eb.ref('revision') }))
      .where('id', '=', id),
  );

const tryoutOf = (ctx: AuthorityContext, tx: Tx, deviceId: number): Promise<TryoutRow | undefined> =>
  tx.first(ctx.db.qb.selectFrom('tryouts').selectAll().where('device_id', '=', deviceId));

async function hasBoughtLicences(ctx: AuthorityContext, tx: Tx, deviceId: number): Promise<boolean> {
  const row = await tx.first(
    ctx.db.qb
      .selectFrom('licences')
      .select('id')
      .where('device_id', '=', deviceId)
      .where('source', 'in', ['grant', 'coupon'])
      .limit(1),
  );
  return row !== undefined;
}
