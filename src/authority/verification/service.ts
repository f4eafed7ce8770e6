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
import { err, isLdError } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import { requireDevice } from '../devices/queries';
import { mutate, pendingChangeHookWrites } from '../mutate';
import { CheckBatch } from './check-batch';
import { certificateDer, findCertificate, type CertificateRow } from './queries';
import { certificateStatus, receiptLicences } from './rules';

export async function checkVerification(ctx: AuthorityContext, actor: Actor, input: VerifyRequest): Promise<Receipt> {
  const request = parseVerifyRequest(input);
  const { cert, licences: held } = await findCertificate(ctx, request.certificateSerial);
  await checkDeviceSignature(ctx, cert, request);
  const now = ctx.now();
  const status = certificateStatus(cert, now);
  const licences = receiptLicences(held, now);
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

// A certificate's key never changes, so its parsed key is kept (per authority, bounded).
const KEY_CACHE_SIZE = 10_000;
const keyCache = new WeakMap<AuthorityContext, Map<string, PublicKeyInfo>>();

async function certificateKey(ctx: AuthorityContext, cert: CertificateRow): Promise<PublicKeyInfo> {
  let cache = keyCache.get(ctx);
  if (!cache) keyCache.set(ctx, (cache = new Map()));
  let key = cache.get(cert.serial_hex);
  if (!key) {
    const der = await certificateDer(ctx, cert.serial_hex);
    key = inspectPublicKey(parseCertificate(der, 'stored certificate').spkiDer);
    if (cache.size >= KEY_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(cert.serial_hex, key);
  }
  return key;
}

async function checkDeviceSignature(
  ctx: AuthorityContext,
  cert: CertificateRow,
  request: ParsedVerifyRequest,
): Promise<void> {
  const key = await certificateKey(ctx, cert);
  try {
    verifyWithKey(key, request.signed, request.signature, 'verification request');
  } catch (e) {
    if (isLdError(e) && e.code === 'SIGNATURE_INVALID') {
      throw err.VERIFY_SIGNATURE_INVALID({ serialHex: cert.serial_hex });
    }
    throw e;
  }
}

/**
 * Through mutate() so that the change hooks (the HTTP Idempotency-Key mark) commit with the row,
 * but with no audit entry: a check-in changes no licensing state, and `verifications` is its own
 * append-only record (one audit entry per check would also serialise every check on PostgreSQL).
 * On PostgreSQL, check-ins without such a hook are group-committed (check-batch.ts); SQLite
 * already shares one commit between the writes that arrive together.
 */
async function recordCheck(
  ctx: AuthorityContext,
  actor: Actor,
  cert: CertificateRow,
  request: ParsedVerifyRequest,
  now: Date,
  status: VerifyStatus,
): Promise<void> {
  const row = {
    device_id: cert.device_id,
    certificate_serial: cert.serial_hex,
    nonce: request.nonce,
    device_time: request.deviceTime.toISOString(),
    server_time: now.toISOString(),
    status,
  };
  let recorded = true;
  try {
    if (ctx.db.dialect === 'postgres' && pendingChangeHookWrites(ctx).length === 0)
      recorded = await checkBatch(ctx).record(row);
    else
      await mutate(ctx, actor, async (tx) => {
        await tx.run(ctx.db.qb.insertInto('verifications').values(row));
        return { value: undefined, audit: [] };
      });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    recorded = false;
  }
  if (!recorded) throw err.VERIFY_REPLAY({ nonce: request.nonce });
}

const batches = new WeakMap<AuthorityContext, CheckBatch>();

function checkBatch(ctx: AuthorityContext): CheckBatch {
  let batch = batches.get(ctx);
  if (!batch) batches.set(ctx, (batch = new CheckBatch(ctx.db)));
  return batch;
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
