// The PBX's online-verification state, computed from its last receipt and its own clock
// (docs/verification.md). Pure. The rule that matters: a PBX whose clock is wrong, or whose
// server cannot be reached, never locks itself out on time alone while within the grace period —
// and the state it is in is always explicit and shown.
import type { VerifyStatus } from '../shared/api/verification';
import type { OnlineRecord } from './state';

/** How long a PBX stays licensed without a successful check (after the last one, or after installation). */
export const GRACE_DAYS = 14;
/** How far this PBX's clock may lag the server's before it is called "behind". */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * licensed: the last check of the installed certificate said valid and the next is not yet due.
 * grace: a check is due (or none succeeded yet) and the grace period has not run out.
 * lapsed: no successful check for GRACE_DAYS. revoked / superseded / expired: what the server said.
 */
export type OnlineState = 'licensed' | 'grace' | 'lapsed' | 'revoked' | 'superseded' | 'expired';

export interface OnlineStatus {
  state: OnlineState;
  /** The last accepted receipt (for this or an earlier certificate). checkedAt is by this PBX's clock. */
  lastCheck?: { certificateSerial: string; status: VerifyStatus; serverTime: string; checkedAt: string };
  lastAttempt?: { at: string; ok: boolean; code?: string };
  /** When the next check is due, on this PBX's clock. */
  checkDue: string;
  /** The end of the grace period, on this PBX's clock. */
  graceUntil: string;
  /** This clock reads earlier than the last receipt's server time (minus CLOCK_TOLERANCE_MS). */
  clockBehind: boolean;
}

export interface InstalledLeaf {
  serialHex: string;
  /** The certificate's start: its issue time (minus the authority's small clock-skew allowance). */
  notBefore: Date;
}

export function onlineStatus(record: OnlineRecord | undefined, leaf: InstalledLeaf, now: Date): OnlineStatus {
  const last = record?.lastReceipt;
  const current = last?.certificateSerial === leaf.serialHex ? last : undefined;
  // Times measured on this PBX's own clock, so a constant offset from the server cancels out.
  const anchor = current ? Date.parse(current.checkedAt) : leaf.notBefore.getTime();
  const due = current ? anchor + Math.max(0, Date.parse(current.nextCheckIn) - Date.parse(current.serverTime)) : anchor;
  const graceUntil = anchor + GRACE_DAYS * DAY_MS;
  const t = now.getTime();
  const state: OnlineState =
    current && current.status !== 'valid'
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
    checkDue: new Date(due).toISOString(),
    graceUntil: new Date(graceUntil).toISOString(),
    clockBehind: last !== undefined && isClockBehind(now, Date.parse(last.serverTime)),
  };
}

export const isClockBehind = (now: Date, serverTimeMs: number): boolean =>
  now.getTime() < serverTimeMs - CLOCK_TOLERANCE_MS;
