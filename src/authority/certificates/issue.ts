// "Recreate certificate": a registered PBX's initialisation code in, a signed answer out.
// Reads and signing happen outside the write transaction (signing is the slow part); the write
// then checks nothing moved underneath (the device's licence revision) and records everything.
import { randomSerial } from '../../licensing/certificate';
import { decodeCode, encodeAnswerCode } from '../../licensing/codes';
import { buildLeaf } from '../../licensing/leaf-template';
import { encodeSubject } from '../../licensing/names';
import { parseRequest, type ParsedRequest } from '../../licensing/request';
import { err, isLdError } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import { prepared } from '../db/prepared';
import { findDevice } from '../devices/queries';
import { mutate } from '../mutate';
import { certificateFeatures, certificateNotAfter, CLOCK_SKEW_MS } from './licence-rules';
import { bindingFor, matchDevice } from './recreate-rules';
import { licencesOf } from './licences';
import type { IssuancePlan } from './policies';

export interface Answer {
  serial: string;
  code: string;
  certificateSerial: string;
  notAfter: string;
  features: {
    number: number;
    quantity: number;
    notAfter: string | null;
    source: 'grant' | 'coupon' | 'tryout' | 'trial';
  }[];
  superseded: string[];
  leafDer: Buffer;
  chainDer: Buffer[];
}

// The write path's statements, compiled once (see db/prepared.ts).
const checkRevision = prepared((qb, id: number, revision: number) =>
  qb
    .updateTable('devices')
    .set({ revision })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('retired_at', 'is', null),
);
const insertCertificate = prepared(
  (
    qb,
    serial_hex: string,
    device_id: number,
    issued_at: string,
    not_before: string,
    not_after: string,
    generation: number,
    host_fingerprint: string,
    host_name: string | null,
    firmware: string | null,
    der: Buffer,
    request_der: Buffer,
  ) =>
    qb.insertInto('certificates').values({
      serial_hex,
      device_id,
      issued_at,
      not_before,
      not_after,
      generation,
      host_fingerprint,
      host_name,
      firmware,
      der,
      request_der,
      superseded_by: null,
      revoked_at: null,
      revoked_reason: null,
    }),
);
const supersede = prepared((qb, serial: string, deviceId: number) =>
  qb
    .updateTable('certificates')
    .set({ superseded_by: serial })
    .where('device_id', '=', deviceId)
    .where('superseded_by', 'is', null)
    .where('serial_hex', '<>', serial)
    .returning('serial_hex'),
);

export async function recreateCertificate(
  ctx: AuthorityContext,
  actor: Actor,
  input: { serial?: string; initCode: string },
): Promise<Answer> {
  const [der] = decodeCode(input.initCode, 'init').ders;
  const request = parseRequest(der!);
  for (let attempt = 0; ; attempt++) {
    try {
      return await issue(ctx, actor, request, input.serial?.trim());
    } catch (e) {
      // A licence granted while we signed: sign again with the new set, once.
      if (attempt > 0 || !isLdError(e) || e.code !== 'LICENCES_CHANGED') throw e;
    }
  }
}

async function issue(
  ctx: AuthorityContext,
  actor: Actor,
  request: ParsedRequest,
  expectedSerial: string | undefined,
): Promise<Answer> {
  const now = ctx.now();
  const device = matchDevice(
    ctx.catalogue,
    request,
    await findDevice(ctx, ctx.db.read, actor, request.serial),
    expectedSerial,
  );
  const features = certificateFeatures(ctx.catalogue, device, await licencesOf(ctx, ctx.db.read, device.id), now);
  const notBefore = new Date(now.getTime() - CLOCK_SKEW_MS);
  const notAfter = certificateNotAfter(features, ctx.ca.issuing.notAfter);
  const serialBytes = randomSerial();
  const binding = bindingFor(request);
  const leafDer = buildLeaf(
    {
      issuer: ctx.ca.issuer,
      subject: encodeSubject(request),
      spkiDer: request.spkiDer,
      notBefore,
      notAfter,
      licence: { features, binding },
    },
    serialBytes,
  );
  const plan: IssuancePlan = {
    actor,
    device,
    request,
    features,
    hostFingerprint: Buffer.from(binding.hostFingerprint).toString('hex'),
    certificateSerial: serialBytes.toString('hex'),
  };
  const superseded = await mutate(ctx, actor, async (tx) => {
    for (const p of ctx.policies) await p.check?.(ctx, tx, plan);
    const moved = await tx.run(checkRevision(ctx.db.qb, device.id, device.revision));
    if (moved !== 1) throw err.LICENCES_CHANGED();
    await tx.run(
      insertCertificate(
        ctx.db.qb,
        plan.certificateSerial,
        device.id,
        now.toISOString(),
        notBefore.toISOString(),
        notAfter.toISOString(),
        binding.generation,
        plan.hostFingerprint,
        request.device?.hostName ?? null,
        request.device?.firmware ?? null,
        leafDer,
        Buffer.from(request.der),
      ),
    );
    const old = await tx.all(supersede(ctx.db.qb, plan.certificateSerial, device.id));
    for (const p of ctx.policies) await p.record?.(ctx, tx, plan);
    const serials = old.map((r) => r.serial_hex);
    return {
      value: serials,
      audit: {
        action: 'certificate.issue',
        subject: device.serial,
        data: {
          certificate: plan.certificateSerial,
          generation: binding.generation,
          host: plan.hostFingerprint,
          superseded: serials,
          features,
        },
      },
    };
  });
  return {
    serial: device.serial,
    code: encodeAnswerCode(leafDer, [ctx.ca.issuingDer]),
    certificateSerial: plan.certificateSerial,
    notAfter: notAfter.toISOString(),
    superseded,
    leafDer,
    chainDer: [ctx.ca.issuingDer],
    features: features.map((f) => ({ ...f, notAfter: f.notAfter?.toISOString() ?? null })),
  };
}
