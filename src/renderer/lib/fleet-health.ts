// Fleet health from the devices:list summaries: what ends soon, what has not checked in, which
// tryouts and trials run out. Pure, so the buckets are unit-tested with a fixed "now".
import type { Device } from '../store/types';
import { DAY_MS, notVerifiedSince } from './device-filter';

export const EXPIRY_HORIZONS = [7, 30, 90] as const;
export type Horizon = (typeof EXPIRY_HORIZONS)[number];

export interface Ending {
  device: Device;
  endMs: number;
  /** Whole days left, rounded up (ends later today: 1). */
  daysLeft: number;
}

export interface FleetHealth {
  /** Disjoint: within 7 days, then 8–30, then 31–90. Tryouts and trials have their own lists. */
  expiring: Record<Horizon, Ending[]>;
  notVerified: Device[];
  tryoutsEnding: Ending[];
  trialsEnding: Ending[];
  /** Devices with licences that have all run out. */
  expired: Device[];
}

export function fleetHealth(devices: readonly Device[], now: number, notVerifiedDays: number): FleetHealth {
  const expiring: Record<Horizon, Ending[]> = { 7: [], 30: [], 90: [] };
  const health: FleetHealth = { expiring, notVerified: [], tryoutsEnding: [], trialsEnding: [], expired: [] };
  const verifiedLimit = now - notVerifiedDays * DAY_MS;
  for (const device of devices) {
    const s = device.summary;
    if (!s || s.status === 'retired') continue;
    if (s.status === 'expired') health.expired.push(device);
    const verified = s.lastVerifiedAt ? Date.parse(s.lastVerifiedAt) : NaN;
    if (notVerifiedSince(s.status, verified, verifiedLimit)) health.notVerified.push(device);
    const endMs = s.endDate ? Date.parse(s.endDate) : NaN;
    if (!(endMs >= now)) continue;
    const ending: Ending = { device, endMs, daysLeft: Math.max(1, Math.ceil((endMs - now) / DAY_MS)) };
    if (s.status === 'tryout') health.tryoutsEnding.push({ ...ending, daysLeft: s.tryoutDaysLeft ?? ending.daysLeft });
    else if (s.status === 'trial') health.trialsEnding.push(ending);
    else {
      const horizon = EXPIRY_HORIZONS.find((h) => endMs - now <= h * DAY_MS);
      if (horizon) expiring[horizon].push(ending);
    }
  }
  const soonest = (a: Ending, b: Ending) => a.endMs - b.endMs;
  for (const h of EXPIRY_HORIZONS) expiring[h].sort(soonest);
  health.tryoutsEnding.sort(soonest);
  health.trialsEnding.sort(soonest);
  return health;
}

/** Devices with an end date in the future (what the ICS calendar carries). */
export const withEndDates = (devices: readonly Device[], now: number): Device[] =>
  devices.filter((d) => d.summary?.status !== 'retired' && d.summary?.endDate && Date.parse(d.summary.endDate) >= now);
