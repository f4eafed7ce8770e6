// The authority's side of online verification (docs/verification.md): a PBX proves who it is with
// the key of the certificate it names (no API token: any reseller's device may check in), and gets
// a receipt signed by the issuing CA. Each check is one row in `verifications`; the unique
// (device, nonce) key refuses a replayed request, whatever the concurrency.
import { parseCertificate } from '../../licensing/certificate';
import { inspectPublicKey, type PublicKeyInfo } from '../../licensing/keys';
import { signerOf } from '../../licensing/signer';
import {
  nextCheckIn,
  parseVerifyRequest,
  receiptBytes,
  verifyWithKey,
  type ParsedVerifyRequest,
  type ReceiptBody,
} from '../../licensing/verification';
import type { Receipt, VerifyRequest, VerifyStatus } from '../../shared/api/verification';
import { conflictError, forbidden, isLdError, notFound } from '../../shared/errors';
import { licencesOf } from '../certificates/licences';
import type { Actor, AuthorityContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import { requireDevice } from '../devices/queries';
import { mutate } from '../mutate';
import { certificateStatus, receiptLicences } from './rules';

interface CertificateRow {
  serial_hex: string;
  device_id: number;
  der: Buffer;
  not_after: string;
  superseded_by: string | null;
  revoked_at: string | null;
}

export async function checkVerification(ctx: AuthorityContext, actor: Actor, input: VerifyRequest): Promise<Receipt> {
  const request = parseVerifyRequest(input);
  const cert = await findCertificate(ctx, request.certificateSerial);
  checkDeviceSignature(ctx, cert, request);
  const now = ctx.now();
  const status = certificateStatus(cert, now);
  const licences = receiptLicences(await licencesOf(ctx, ctx.db.read, cert.device_id), now);
  await recordCheck(ctx, actor, cert, request, now, status);
  // Signed only once the check is recorded: a refused replay never gets a receipt.
  return signReceipt(ctx, {
    status,
    serverTime: now.toISOString(),
    nextCheckIn: nextCheckIn(now).toISOString(),
    licences,
    certificateSerial: cert.serial_hex,
    nonce: request.nonce,
  });
}

async function findCertificate(ctx: AuthorityContext, serialHex: string): Promise<CertificateRow> {
  const row = await ctx.db.read.first(
    ctx.db.qb
      .selectFrom('certificates')
      .select(['serial_hex', 'device_id', 'der', 'not_after', 'superseded_by', 'revoked_at'])
      .where('serial_hex', '=', serialHex),
  );
  if (!row)
    throw notFound(
      'VERIFY_UNKNOWN_CERTIFICATE',
      `No certificate with serial ${serialHex} was issued by this licence authority.`,
    );
  return row;
}

// A certificate's key never changes, so its parsed key is kept (per authority, bounded).
const KEY_CACHE_SIZE = 10_000;
const keyCache = new WeakMap<AuthorityContext, Map<string, PublicKeyInfo>>();

function certificateKey(ctx: AuthorityContext, cert: CertificateRow): PublicKeyInfo {
  let cache = keyCache.get(ctx);
  if (!cache) keyCache.set(ctx, (cache = new Map()));
  let key = cache.get(cert.serial_hex);
  if (!key) {
    key = inspectPublicKey(parseCertificate(cert.der, 'stored certificate').spkiDer);
    if (cache.size >= KEY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(cert.serial_hex, key);
  }
  return key;
}

function checkDeviceSignature(ctx: AuthorityContext, cert: CertificateRow, request: ParsedVerifyRequest): void {
  try {
    verifyWithKey(certificateKey(ctx, cert), request.signed, request.signature, 'verification request');
  } catch (e) {
    if (isLdError(e) && e.code === 'SIGNATURE_INVALID') {
      throw forbidden(
        'VERIFY_SIGNATURE_INVALID',
        `The verification request is not signed with the key of certificate ${cert.serial_hex}: it was changed on the way or made by another device.`,
      );
    }
    throw e;
  }
}

/**
 * Through mutate() so that the change hooks (the HTTP Idempotency-Key mark) commit with the row,
 * but with no audit entry: a check-in changes no licensing state, and `verifications` is its own
 * append-only record (one audit entry per check would also serialise every check on PostgreSQL).
 */
async function recordCheck(
  ctx: AuthorityContext,
  actor: Actor,
  cert: CertificateRow,
  request: ParsedVerifyRequest,
  now: Date,
  status: VerifyStatus,
): Promise<void> {
  try {
    await mutate(ctx, actor, async (tx) => {
      await tx.run(
        ctx.db.qb.insertInto('verifications').values({
          device_id: cert.device_id,
          certificate_serial: cert.serial_hex,
          nonce: request.nonce,
          device_time: request.deviceTime.toISOString(),
          server_time: now.toISOString(),
          status,
        }),
      );
      return { value: undefined, audit: [] };
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflictError(
        'VERIFY_REPLAY',
        `This verification request (nonce ${request.nonce}) was already answered; a PBX makes a fresh nonce for every check.`,
      );
    }
    throw e;
  }
}

function signReceipt(ctx: AuthorityContext, body: ReceiptBody): Receipt {
  return {
    ...body,
    signature: signerOf(ctx.ca.issuer.key).sign(receiptBytes(body)).toString('base64'),
    chain: [ctx.ca.issuingDer.toString('base64')],
  };
}

export async function verificationHistory(
  ctx: AuthorityContext,
  actor: Actor,
  input: { serial: string; limit?: number },
) {
  const device = await requireDevice(ctx, ctx.db.read, actor, input.serial);
  const rows = await ctx.db.read.all(
    ctx.db.qb
      .selectFrom('verifications')
      .select(['certificate_serial', 'status', 'device_time', 'server_time'])
      .where('device_id', '=', device.id)
      .orderBy('server_time', 'desc')
      .orderBy('id', 'desc')
      .limit(input.limit ?? 100),
  );
  return rows.map((r) => ({
    certificateSerial: r.certificate_serial,
    status: r.status,
    deviceTime: r.device_time,
    serverTime: r.server_time,
  }));
}
