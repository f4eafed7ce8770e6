// The status badge rule, one case per status and the precedence between them.
import { describe, expect, it } from 'vitest';
import { deviceStatus, type StatusInput } from '../../src/authority/devices/status';

const now = new Date('2026-06-01T00:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();
const base: StatusInput = {
  retiredAt: null,
  active: [],
  hadLicences: false,
  tryoutEndsAt: null,
  hasCertificate: false,
  lastVerifiedAt: null,
  certificateIssuedAt: null,
};

describe('device status', () => {
  it.each<[string, Partial<StatusInput>, string]>([
    ['unlicensed: never had a licence', {}, 'unlicensed'],
    ['expired: had licences, none active', { hadLicences: true }, 'expired'],
    ['retired wins over everything', { retiredAt: days(-1), active: [{ source: 'grant', notAfter: null }] }, 'retired'],
    ['licensed: perpetual licence', { active: [{ source: 'grant', notAfter: null }], hadLicences: true }, 'licensed'],
    [
      'expiring: a licence ends within 30 days',
      { active: [{ source: 'grant', notAfter: days(29) }], hadLicences: true },
      'expiring',
    ],
    ['not expiring at 31 days', { active: [{ source: 'grant', notAfter: days(31) }], hadLicences: true }, 'licensed'],
    [
      'tryout with days left',
      { active: [{ source: 'tryout', notAfter: days(5) }], hadLicences: true, tryoutEndsAt: days(5) },
      'tryout',
    ],
    ['trial only', { active: [{ source: 'trial', notAfter: days(20) }], hadLicences: true }, 'trial'],
    [
      'verification overdue after 14 days without a check',
      {
        active: [{ source: 'grant', notAfter: null }],
        hadLicences: true,
        hasCertificate: true,
        certificateIssuedAt: days(-20),
      },
      'verification_overdue',
    ],
    [
      'a recent check clears overdue',
      {
        active: [{ source: 'grant', notAfter: null }],
        hadLicences: true,
        hasCertificate: true,
        certificateIssuedAt: days(-20),
        lastVerifiedAt: days(-1),
      },
      'licensed',
    ],
    [
      'revoked: the current certificate was revoked',
      {
        active: [{ source: 'grant', notAfter: null }],
        hadLicences: true,
        current: { revokedAt: days(-1), bindingReset: false },
      },
      'revoked',
    ],
    [
      'unbound: a binding reset is not "Trial"',
      {
        active: [{ source: 'trial', notAfter: days(20) }],
        hadLicences: true,
        current: { revokedAt: days(-1), bindingReset: true },
      },
      'unbound',
    ],
    [
      'a valid current certificate changes nothing',
      {
        active: [{ source: 'trial', notAfter: days(20) }],
        hadLicences: true,
        current: { revokedAt: null, bindingReset: false },
      },
      'trial',
    ],
    ['tryout over: only tryout licences, ended', { hadLicences: true, lapsedSources: ['tryout'] }, 'tryout_over'],
    ['trial over: only trial licences, ended', { hadLicences: true, lapsedSources: ['trial'] }, 'trial_over'],
    ['expired: a bought licence ran out too', { hadLicences: true, lapsedSources: ['trial', 'grant'] }, 'expired'],
  ])('%s', (_name, input, status) => {
    expect(deviceStatus({ ...base, ...input }, now).status).toBe(status);
  });

  it('counts tryout days left and reports the earliest end date', () => {
    const s = deviceStatus(
      {
        ...base,
        hadLicences: true,
        tryoutEndsAt: days(3.5),
        active: [
          { source: 'tryout', notAfter: days(3.5) },
          { source: 'grant', notAfter: days(90) },
        ],
      },
      now,
    );
    expect(s).toMatchObject({ tryoutDaysLeft: 4, endDate: days(3.5) });
  });
});
