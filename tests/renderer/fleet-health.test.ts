// Fleet health's buckets (src/renderer/lib/fleet-health.ts).
import { describe, expect, it } from 'vitest';
import { fleetHealth, withEndDates } from '../../src/renderer/lib/fleet-health';
import { makeDevice } from './devices-data';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const d = (serial: string, over: Parameters<typeof makeDevice>[2]) => makeDevice(0, NOW, { serial, ...over });

describe('fleetHealth', () => {
  const devices = [
    d('E3', { status: 'expiring', endInDays: 3, verifiedDaysAgo: 1 }),
    d('E7', { status: 'expiring', endInDays: 7, verifiedDaysAgo: 1 }),
    d('E20', { status: 'expiring', endInDays: 20, verifiedDaysAgo: 30 }),
    d('L60', { status: 'licensed', endInDays: 60, verifiedDaysAgo: 1 }),
    d('L200', { status: 'licensed', endInDays: 200, verifiedDaysAgo: 1 }),
    d('T5', { status: 'tryout', endInDays: 5, verifiedDaysAgo: null }),
    d('R25', { status: 'trial', endInDays: 25, verifiedDaysAgo: 2 }),
    d('X', { status: 'expired', endInDays: null, verifiedDaysAgo: 100 }),
    d('O', { status: 'verification_overdue', endInDays: null, verifiedDaysAgo: null }),
    d('U', { status: 'unlicensed', endInDays: null, verifiedDaysAgo: null }),
    d('GONE', { status: 'retired', endInDays: 2, verifiedDaysAgo: 100 }),
  ];
  const h = fleetHealth(devices, NOW, 14);
  const serials = (list: { serial?: string; device?: { serial: string } }[]) =>
    list.map((x) => x.serial ?? x.device!.serial);

  it('puts each end date in one bucket: 7, then 8–30, then 31–90 days; tryouts and trials apart', () => {
    expect(serials(h.expiring[7])).toEqual(['E3', 'E7']);
    expect(serials(h.expiring[30])).toEqual(['E20']);
    expect(serials(h.expiring[90])).toEqual(['L60']);
    expect(serials(h.tryoutsEnding)).toEqual(['T5']);
    expect(h.tryoutsEnding[0]!.daysLeft).toBe(1); // the summary's own tryoutDaysLeft (synthetic: 1)
    expect(serials(h.trialsEnding)).toEqual(['R25']);
    expect(h.trialsEnding[0]!.daysLeft).toBe(25);
  });

  it('lists what has not been verified for N days, and the expired; never the retired', () => {
    expect(serials(h.notVerified)).toEqual(['E20', 'O']);
    expect(serials(fleetHealth(devices, NOW, 1).notVerified)).toEqual(['E20', 'R25', 'O']);
    expect(serials(h.expired)).toEqual(['X']);
  });

  it('the calendar takes every non-retired device with a future end date', () => {
    expect(withEndDates(devices, NOW).map((x) => x.serial)).toEqual(['E3', 'E7', 'E20', 'L60', 'L200', 'T5', 'R25']);
  });
});
