// The PBX's regular online check (docs/verification.md): sign a request with the device key, send
// it, and believe the receipt only if it is signed under the trusted root, for this certificate
// and for the nonce just sent. A server that cannot be reached is not a verdict: the PBX stays
// in its grace period (src/device/grace.ts) and says so.
import { randomBytes, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import type { ParsedCertificate } from '../licensing/certificate';
import { checkReceipt } from '../licensing/receipt';
import { NONCE_BYTES, signVerifyRequest } from '../licensing/verification';
import { ReceiptSchema, type Receipt, type VerifyRequest } from '../shared/api/verification';
import { err, isLdError, toErrorValue, type ErrorValue } from '../shared/errors';
import { issueText } from '../shared/zod-issues';
import { advanceClock } from './clock';
import type { OnlineStatus } from './grace';
import * as st from './state';
import { pbxStatus, readInstalledLeaf } from './status';

/** Delivers a request to the authority and returns its answer; throws when there is none. */
export type Sender = (request: VerifyRequest) => Promise<unknown>;

/**
 * verified: the receipt was checked and recorded. unreachable: no answer (network, timeout, not an
 * authority). refused: the authority answered with an error (unknown certificate, bad signature,
 * replay). bad-receipt: an answer this PBX must not believe. Only "verified" counts as a check.
 */
export type VerifyOutcomeKind = 'verified' | 'unreachable' | 'refused' | 'bad-receipt';

export interface VerifyOutcome {
  /** The PBX's serial number. */
  serial: string;
  outcome: VerifyOutcomeKind;
  receipt?: Receipt;
  error?: ErrorValue;
  /** Server time minus this PBX's clock at the check; positive when this clock is behind. */
  clockOffsetMs?: number;
  /** This clock reads earlier than the server's (beyond the tolerance): from this receipt, or the last one. */
  clockBehind: boolean;
  /** The online state after this attempt. */
  online: OnlineStatus;
}

interface Identity {
  serial: string;
  key: KeyObject;
  leaf: ParsedCertificate;
  rootDer: Uint8Array;
}

export async function verifyOnline(stateDir: string, send: Sender, now: Date = new Date()): Promise<VerifyOutcome> {
  const me = await identity(stateDir);
  const request = signVerifyRequest(me.key, {
    certificateSerial: me.leaf.serialHex,
    deviceTime: now.toISOString(),
    nonce: randomBytes(NONCE_BYTES).toString('base64url'),
  });
  return { serial: me.serial, ...(await finish(stateDir, now, await checkIn(me, request, send))) };
}

async function checkIn(me: Identity, request: VerifyRequest, send: Sender): Promise<Attempt> {
  let answer: unknown;
  try {
    answer = await send(request);
  } catch (e) {
    return { outcome: unreachableOrRefused(e), error: toErrorValue(e) };
  }
  try {
    const receipt = parseReceipt(answer);
    return {
      outcome: 'verified',
      receipt,
      serverTime: checkReceipt(receipt, {
        certificateSerial: me.leaf.serialHex,
        nonce: request.nonce,
        rootDer: me.rootDer,
      }),
    };
  } catch (e) {
    if (!isLdError(e)) throw e;
    return { outcome: 'bad-receipt', error: e.toValue() };
  }
}

/** The online state alone (undefined while no certificate is installed); what `pbx status` shows. */
export async function verificationStatus(stateDir: string, now: Date = new Date()): Promise<OnlineStatus | undefined> {
  return (await pbxStatus(stateDir, now)).online;
}

/** The installed certificate, its key and the trusted root, read together under the folder's lock. */
function identity(stateDir: string): Promise<Identity> {
  return st.withStateLock(stateDir, async () => {
    const state = await st.readState(stateDir);
    if (!state.installed) throw err.PBX_NOT_LICENSED({ variant: 'verify' });
    const gen = state.installed.generation;
    const [leafDer] = await st.readChain(stateDir, gen);
    return {
      serial: state.serial,
      key: await st.readKey(stateDir, gen),
      leaf: readInstalledLeaf(leafDer!, join(stateDir, st.chainFile(gen))),
      rootDer: (await st.readTrust(stateDir)).der,
    };
  });
}

/** No answer at all is "unreachable"; an authority that answered with a refusal is "refused". */
function unreachableOrRefused(e: unknown): 'unreachable' | 'refused' {
  return isLdError(e) && e.kind !== 'unavailable' && e.kind !== 'internal' ? 'refused' : 'unreachable';
}

function parseReceipt(answer: unknown): Receipt {
  const parsed = ReceiptSchema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw err.RECEIPT_MALFORMED({ issue: issueText(parsed.error.issues[0]!, 'answer') });
}

type Attempt =
  | { outcome: 'verified'; receipt: Receipt; serverTime: Date }
  | { outcome: Exclude<VerifyOutcomeKind, 'verified'>; error: ErrorValue };

/**
 * Records the attempt (a receipt only when verified) and moves the trusted time forward (to the
 * receipt's signed server time too), then reports the state that results. A signed verdict other
 * than "valid" is kept apart and never undone by a later receipt for the same certificate.
 */
async function finish(stateDir: string, now: Date, attempt: Attempt): Promise<Omit<VerifyOutcome, 'serial'>> {
  await st.withStateLock(stateDir, async () => {
    const previous = await st.readOnline(stateDir).catch(() => undefined); // a damaged record is replaced, not fatal
    const ok = attempt.outcome === 'verified';
    const time = await advanceClock(stateDir, now, ok ? attempt.serverTime : undefined);
    const lastReceipt = ok ? receiptRecord(attempt.receipt, time.trustedTime) : previous?.lastReceipt;
    const kept = previous?.verdict;
    const verdict =
      !ok || kept?.certificateSerial === attempt.receipt.certificateSerial ? kept : verdictOf(attempt.receipt);
    const next: st.OnlineRecord = {
      version: 1,
      ...(lastReceipt ? { lastReceipt } : {}),
      lastAttempt: { at: now.toISOString(), ok, ...(ok ? {} : { code: attempt.error.code.slice(0, 80) }) },
      ...(verdict ? { verdict } : {}),
    };
    await st.saveOnline(stateDir, next);
  });
  const online = (await pbxStatus(stateDir, now)).online!;
  if (attempt.outcome !== 'verified')
    return { outcome: attempt.outcome, error: attempt.error, clockBehind: online.clockBehind, online };
  return {
    outcome: 'verified',
    receipt: attempt.receipt,
    online,
    clockOffsetMs: attempt.serverTime.getTime() - now.getTime(),
    clockBehind: online.clockBehind,
  };
}

/** checkedAt is the trusted time of the check, so grace cannot be stretched by a clock set back. */
const receiptRecord = (r: Receipt, checkedAt: Date): NonNullable<st.OnlineRecord['lastReceipt']> => ({
  certificateSerial: r.certificateSerial,
  status: r.status,
  serverTime: r.serverTime,
  nextCheckIn: r.nextCheckIn,
  checkedAt: checkedAt.toISOString(),
});

const verdictOf = (r: Receipt): st.OnlineRecord['verdict'] =>
  r.status === 'valid'
    ? undefined
    : { certificateSerial: r.certificateSerial, status: r.status, serverTime: r.serverTime };
