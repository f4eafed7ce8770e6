// The PBX's online-verification state, computed from its receipts and its trusted clock
// (docs/verification.md, src/device/clock.ts). Pure. Grace is measured on the trusted time
// (max(clock, high-water mark)), so setting the clock back never buys more grace; a clock that is
// behind is shown, and the state it is in is always explicit.
import { CHECK_INTERVAL_DAYS } from '../licensing/verification';
import type { VerifyStatus } from '../shared/api/verification';
import { isClockBehind, type TrustedClock } from './clock';
import type { OnlineRecord } from './state';

export { CLOCK_TOLERANCE_MS, isClockBehind } from './clock';

/** How long a PBX stays licensed without a successful check (after the last one, or after installation). */
export const GRACE_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * licensed: the last check of the installed certificate said valid and the next is not yet due.
 * grace: a check is due (or none succeeded yet) and the grace period has not run out.
 * lapsed: no successful check for GRACE_DAYS. revoked / superseded / expired: what a signed receipt
 * said about the installed certificate; it stays so until another certificate is installed.
 */
export type OnlineState = 'licensed' | 'grace' | 'lapsed' | 'revoked' | 'superseded' | 'expired';

export interface OnlineStatus {
  state: OnlineState;
  /** The last accepted receipt (for this or an earlier certificate). checkedAt is the trusted time of the check. */
  lastCheck?: { certificateSerial: string; status: VerifyStatus; serverTime: string; checkedAt: string };
  lastAttempt?: { at: string; ok: boolean; code?: string };
  /** A signed receipt said the installed certificate is no longer good: what, and at which server time. */
  verdict?: Exclude<VerifyStatus, 'valid'>;
  verdictAt?: string;
  /** When the next check is due, on the trusted time (the first: CHECK_INTERVAL_DAYS after installation). */
  checkDue: string;
  /** The end of the grace period, on the trusted time. */
  graceUntil: string;
  /** This clock reads earlier than the trusted time (minus CLOCK_TOLERANCE_MS). */
  clockBehind: boolean;
}

export interface InstalledLeaf {
  serialHex: string;
  /** The certificate's start: its issue time (minus the authority's small clock-skew allowance). */
  notBefore: Date;
}

export function onlineStatus(record: OnlineRecord | undefined, leaf: InstalledLeaf, time: TrustedClock): OnlineStatus {
  const last = record?.lastReceipt;
  const current = last?.certificateSerial === leaf.serialHex ? last : undefined;
  const verdict = record?.verdict?.certificateSerial === leaf.serialHex ? record.verdict : undefined;
  const anchor = current ? Date.parse(current.checkedAt) : leaf.notBefore.getTime();
  // Never checked yet: the first check is due one normal interval after installation.
  const interval = current
    ? Math.max(0, Date.parse(current.nextCheckIn) - Date.parse(current.serverTime))
    : CHECK_INTERVAL_DAYS * DAY_MS;
  const due = anchor + interval;
  const graceUntil = anchor + GRACE_DAYS * DAY_MS;
  const t = time.trustedTime.getTime();
  const state: OnlineState = verdict
    ? verdict.status
    : current && current.status !== 'valid'
      ? current.status
      : current && t <= due
        ? 'licensed'
        : t <= graceUntil
          ? 'grace'
          : 'lapsed';
  return {
    state,
    ...(last
      ? {
          lastCheck: {
            certificateSerial: last.certificateSerial,
            status: last.status,
            serverTime: last.serverTime,
            checkedAt: last.checkedAt,
          },
        }
      : {}),
    ...(record?.lastAttempt ? { lastAttempt: record.lastAttempt } : {}),
    ...(verdict ? { verdict: verdict.status, verdictAt: verdict.serverTime } : {}),
    checkDue: new Date(due).toISOString(),
    graceUntil: new Date(graceUntil).toISOString(),
    clockBehind: isClockBehind(time),
  };
}
