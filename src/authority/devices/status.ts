// The status badge of a device in "My devices" and its detail, as a plain rule over plain data.
// It follows the rules the PBX enforces: a revoked certificate licenses nothing, a reset host
// binding needs a new host, ended licences are over whatever their kind.
import type { DeviceStatus } from '../../shared/api/devices';

export type { DeviceStatus };

const DAY = 24 * 3600 * 1000;
/** A licence ending within this many days makes the device "expiring". */
export const EXPIRING_DAYS = 30;
/** A licensed PBX that has not checked in for this long is "verification overdue". */
export const VERIFICATION_OVERDUE_DAYS = 14;

export interface StatusInput {
  retiredAt: string | null;
  /** Active licences (not ended, not past their end date). */
  active: { source: string; notAfter: string | null; feature?: number }[];
  /** Licences that existed but are all past their end date or ended. */
  hadLicences: boolean;
  /** The sources of the licences that ended or ran out (e.g. ['tryout']); [] when unknown. */
  lapsedSources?: string[];
  /** The device's current (newest) certificate, if any: revoked, and why. */
  current?: { revokedAt: string | null; bindingReset: boolean } | null;
  tryoutEndsAt: string | null;
  hasCertificate: boolean;
  lastVerifiedAt: string | null;
  certificateIssuedAt: string | null;
}

export interface StatusSummary {
  status: DeviceStatus;
  /** Earliest end date among active dated licences. */
  endDate: string | null;
  tryoutDaysLeft: number | null;
  verificationOverdue: boolean;
}

export function deviceStatus(s: StatusInput, now: Date): StatusSummary {
  // A dated licence (e.g. the trial) next to a perpetual one of its feature ends nothing.
  const perpetual = new Set(
    s.active.filter((l) => l.notAfter === null && l.feature !== undefined).map((l) => l.feature),
  );
  const ends = s.active
    .filter((l) => l.feature === undefined || !perpetual.has(l.feature))
    .map((l) => l.notAfter)
    .filter((d): d is string => d !== null)
    .sort();
  const endDate = ends[0] ?? null;
  const tryoutActive =
    s.tryoutEndsAt !== null && new Date(s.tryoutEndsAt) > now && s.active.some((l) => l.source === 'tryout');
  const tryoutDaysLeft = tryoutActive ? Math.ceil((new Date(s.tryoutEndsAt!).getTime() - now.getTime()) / DAY) : null;
  const since = s.lastVerifiedAt ?? s.certificateIssuedAt;
  const verificationOverdue =
    s.hasCertificate &&
    s.active.length > 0 &&
    since !== null &&
    now.getTime() - new Date(since).getTime() > VERIFICATION_OVERDUE_DAYS * DAY;
  return {
    status: pick(s, now, endDate, tryoutActive, verificationOverdue),
    endDate,
    tryoutDaysLeft,
    verificationOverdue,
  };
}

function pick(s: StatusInput, now: Date, endDate: string | null, tryout: boolean, overdue: boolean): DeviceStatus {
  if (s.retiredAt) return 'retired';
  if (s.current?.revokedAt) return s.current.bindingReset ? 'unbound' : 'revoked';
  if (s.active.length === 0) return lapsed(s);
  if (overdue) return 'verification_overdue';
  if (tryout) return 'tryout';
  if (s.active.every((l) => l.source === 'trial')) return 'trial';
  if (endDate && new Date(endDate).getTime() - now.getTime() <= EXPIRING_DAYS * DAY) return 'expiring';
  return 'licensed';
}

/** Nothing active: a bought licence that ran out is expired; a test licence that ended is over. */
function lapsed(s: StatusInput): DeviceStatus {
  if (!s.hadLicences) return 'unlicensed';
  const sources = s.lapsedSources ?? [];
  if (sources.length === 0 || sources.some((x) => x !== 'tryout' && x !== 'trial')) return 'expired';
  return sources.includes('tryout') ? 'tryout_over' : 'trial_over';
}
