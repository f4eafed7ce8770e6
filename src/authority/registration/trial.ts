// The 30-day Askozia trial: a registration number entered on a host. Granted only if that
// registration never had a trial for the product AND that host never had one; the trials
// table's two UNIQUE constraints decide, so concurrent starts cannot both get one.
import { requireFeature, requireModel } from '../../licensing/catalogue';
import type { Actor, AuthorityContext } from '../context';
import { recreateCertificate } from '../certificates/issue';
import { insertLicence } from '../certificates/licences';
import { issueOrUndo, type RecordedOffer } from '../certificates/undo-offer';
import type { Tx } from '../db/executor';
import { requireDevice } from '../devices/queries';
import { requireAccepted } from '../eula/current';
import { mutate } from '../mutate';
import { bindingFor, matchDevice } from '../certificates/recreate-rules';
import { readRequest, toAnswerDto } from '../tryout/service';
import { linkDevice, refuseRetired } from './link';
import { requireRegistration } from './queries';
import { alreadyLicensed, planTrial, trialUsed, type UsedTrial } from './rules';

export async function startTrial(
  ctx: AuthorityContext,
  actor: Actor,
  input: { registration: string; serial: string; initCode: string },
) {
  // The host comes from the code's device details (or, for a plain openssl request, its key):
  // the same fingerprint the certificate will be bound to.
  const request = readRequest(input.initCode);
  const host = Buffer.from(bindingFor(request).hostFingerprint).toString('hex');
  const trial = await mutate(ctx, actor, async (tx) => {
    const registration = await requireRegistration(ctx, tx, actor, input.registration);
    const device = await requireDevice(ctx, tx, actor, input.serial);
    refuseRetired(device);
    const plan = planTrial(requireModel(ctx.catalogue, device.model), ctx.now());
    const feature = requireFeature(ctx.catalogue, plan.feature);
    matchDevice(ctx.catalogue, request, device, device.serial);
    const linked = await linkDevice(ctx, tx, device, registration);
    // Read first only to refuse in the most useful order; the insert below is what decides.
    const used = await usedTrials(ctx, tx, actor, registration.id, host, plan.feature);
    if (used.length) throw trialUsed(used, registration.number, host, feature);
    await requireAccepted(ctx, tx, registration);
    if (await hasBought(ctx, tx, device.id, plan.feature)) throw alreadyLicensed(device.serial, feature);
    const inserted = await tx.run(
      ctx.db.qb
        .insertInto('trials')
        .values({
          registration_id: registration.id,
          device_id: device.id,
          feature: plan.feature,
          host_fingerprint: host,
          started_at: plan.startedAt,
          ends_at: plan.endsAt,
        })
        .onConflict((oc) => oc.doNothing()),
    );
    if (inserted === 0)
      throw trialUsed(
        await usedTrials(ctx, tx, actor, registration.id, host, plan.feature),
        registration.number,
        host,
        feature,
      );
    const licence = await insertLicence(ctx, tx, {
      device_id: device.id,
      feature: plan.feature,
      quantity: 1,
      source: 'trial',
      not_after: plan.endsAt,
    });
    return {
      value: {
        registration: registration.number,
        serial: device.serial,
        feature: plan.feature,
        hostFingerprint: host,
        startedAt: plan.startedAt,
        endsAt: plan.endsAt,
        undo: { registrationId: registration.id, deviceId: device.id, licenceId: licence.id },
      },
      audit: {
        action: 'trial.start',
        subject: registration.number,
        data: { serial: device.serial, feature: plan.feature, host, endsAt: plan.endsAt, linked },
      },
    };
  });
  const { undo, ...started } = trial;
  const offer: RecordedOffer = {
    kind: 'trial',
    deviceId: undo.deviceId,
    licenceId: undo.licenceId,
    subject: started.registration,
    deleteRow: (tx) =>
      tx.run(
        ctx.db.qb
          .deleteFrom('trials')
          .where('registration_id', '=', undo.registrationId)
          .where('feature', '=', started.feature)
          .where('device_id', '=', undo.deviceId)
          .where('started_at', '=', started.startedAt),
      ),
  };
  const answer = await issueOrUndo(ctx, actor, offer, () =>
    recreateCertificate(ctx, actor, { serial: started.serial, initCode: input.initCode }),
  );
  return { ...started, answer: toAnswerDto(answer) };
}

async function usedTrials(
  ctx: AuthorityContext,
  tx: Tx,
  actor: Actor,
  registrationId: number,
  host: string,
  feature: number,
): Promise<UsedTrial[]> {
  const rows = await tx.all(
    ctx.db.qb
      .selectFrom('trials as t')
      .innerJoin('registrations as r', 'r.id', 't.registration_id')
      .innerJoin('devices as d', 'd.id', 't.device_id')
      .select([
        't.registration_id',
        't.host_fingerprint',
        't.started_at',
        't.ends_at',
        'r.number',
        'r.reseller_id',
        'd.serial',
      ])
      .where('t.feature', '=', feature)
      .where((eb) => eb.or([eb('t.registration_id', '=', registrationId), eb('t.host_fingerprint', '=', host)])),
  );
  // Another reseller's trial on this host is reported by its dates only, never by its number.
  return rows.map((r) => {
    const ours = r.reseller_id === actor.resellerId;
    return {
      registration: ours ? r.number : null,
      serial: ours ? r.serial : null,
      startedAt: r.started_at,
      endsAt: r.ends_at,
      sameRegistration: r.registration_id === registrationId,
      sameHost: r.host_fingerprint === host,
    };
  });
}

async function hasBought(ctx: AuthorityContext, tx: Tx, deviceId: number, feature: number): Promise<boolean> {
  const row = await tx.first(
    ctx.db.qb
      .selectFrom('licences')
      .select('id')
      .where('device_id', '=', deviceId)
      .where('feature', '=', feature)
      .where('source', 'in', ['grant', 'coupon'])
      .limit(1),
  );
  return row !== undefined;
}
