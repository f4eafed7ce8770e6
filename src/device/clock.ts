// A clock that cannot be wound back (docs/device.md, "Time"). The PBX keeps a high-water mark of
// time: the newest of its own clock readings, the installed certificate's start and every
// accepted receipt's server time. Every licence rule measures against max(clock, mark), so setting
// the clock back never revives an expired licence or a finished tryout. A clock far ahead is
// believed (time moves on; it is shown), and so is a receipt's server time (it is signed).
import * as st from './state';

/** How far this PBX's clock may read behind the trusted time before it is called "behind". */
export const CLOCK_TOLERANCE_MS = 5 * 60_000;

export interface TrustedClock {
  /** What this PBX's own clock reads (for this command: --clock, or the system clock). */
  clock: Date;
  /** The high-water mark after this reading. */
  trustedTime: Date;
}

/** The newest of the times given (undefined ones are ignored). Pure. */
export function highWater(...times: (Date | undefined)[]): Date {
  const ms = times.filter((t): t is Date => t !== undefined && !Number.isNaN(t.getTime())).map((t) => t.getTime());
  return new Date(Math.max(...ms));
}

/** The clock reads earlier than the trusted time, beyond the tolerance: it was set back, or runs slow. */
export const isClockBehind = (c: TrustedClock): boolean =>
  c.clock.getTime() < c.trustedTime.getTime() - CLOCK_TOLERANCE_MS;

/** The stored mark, or undefined for a PBX that never recorded one (or whose record is damaged: evidence is lost, not fatal). */
export async function storedTrustedTime(dir: string): Promise<Date | undefined> {
  const record = await st.readClock(dir).catch(() => undefined);
  const t = record ? new Date(record.trustedTime) : undefined;
  return t && !Number.isNaN(t.getTime()) ? t : undefined;
}

/**
 * Reads the mark, takes this reading and the other evidence into it, and stores it when it moved.
 * Call inside the folder's lock, and only on a command that succeeds: a refused command records nothing.
 */
export async function advanceClock(dir: string, clock: Date, ...evidence: (Date | undefined)[]): Promise<TrustedClock> {
  const stored = await storedTrustedTime(dir);
  const trustedTime = highWater(stored, clock, ...evidence);
  if (!stored || trustedTime.getTime() > stored.getTime())
    await st.saveClock(dir, { version: 1, trustedTime: trustedTime.toISOString() });
  return { clock, trustedTime };
}
