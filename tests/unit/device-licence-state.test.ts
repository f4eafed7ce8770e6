// The PBX's licence state machine as a pure function: one case per row of the table in
// docs/device.md, the per-feature `usable`, and the precedence between the rules.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, findFeature, requireModel } from '../../src/licensing/catalogue';
import type { LicensedFeature } from '../../src/licensing/extensions';
import type { OnlineStatus } from '../../src/device/grace';
import { decideLicenceState, type StateInput } from '../../src/device/licence-state';

const DAY = 86_400_000;
const T0 = new Date('2026-03-01T12:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const cat = defaultCatalogue();
const kindOf = (n: number) => findFeature(cat, n)?.kind;
const f = (
  number: number,
  source: LicensedFeature['source'],
  endDays: number | null,
  quantity = 1,
): LicensedFeature => ({
  number,
  quantity,
  notAfter: endDays === null ? null : at(endDays),
  source,
});
const online = (state: OnlineStatus['state'], extra: Partial<OnlineStatus> = {}): OnlineStatus => ({
  state,
  checkDue: at(7).toISOString(),
  graceUntil: at(14).toISOString(),
  clockBehind: false,
  ...extra,
});

function decide(model: string, features: LicensedFeature[], day: number, o?: OnlineStatus, certEnd = 400) {
  const input: StateInput = {
    model: requireModel(cat, model),
    kindOf,
    leaf: { notBefore: T0, notAfter: at(certEnd), features },
    at: at(day),
    ...(o ? { online: o } : {}),
  };
  return decideLicenceState(input);
}

describe('the licence state machine', () => {
  it('no certificate: unlicensed', () => {
    expect(decideLicenceState({ kindOf, at: T0 })).toMatchObject({ state: 'unlicensed', licences: [] });
  });

  it.each<[string, string, LicensedFeature[], number, OnlineStatus | undefined, string]>([
    [
      'bought, fresh install, never checked: licensed',
      'comtrexx-vm',
      [f(11, 'grant', null, 5)],
      1,
      online('grace'),
      'licensed',
    ],
    ['bought, checked and not due: licensed', 'comtrexx-vm', [f(11, 'grant', null)], 3, online('licensed'), 'licensed'],
    [
      'bought, first check overdue (after 7 days): grace',
      'comtrexx-vm',
      [f(11, 'grant', null)],
      8,
      online('grace'),
      'grace',
    ],
    ['bought, grace over: restricted', 'comtrexx-vm', [f(11, 'grant', null)], 15, online('lapsed'), 'restricted'],
    ['a signed revoked receipt: revoked', 'comtrexx-vm', [f(11, 'grant', null)], 1, online('revoked'), 'revoked'],
    ['a signed superseded receipt: revoked', 'comtrexx-vm', [f(11, 'grant', null)], 1, online('superseded'), 'revoked'],
    ['a signed expired receipt: expired', 'comtrexx-vm', [f(11, 'grant', null)], 1, online('expired'), 'expired'],
    ['every bought licence ended: expired', 'comtrexx-vm', [f(11, 'grant', 10)], 11, undefined, 'expired'],
    ['tryout running', 'comtrexx-vm', [f(11, 'tryout', 14, 3)], 13.9, online('lapsed'), 'tryout'],
    ['tryout ended: unlicensed', 'comtrexx-vm', [f(11, 'tryout', 14, 3)], 14.01, undefined, 'unlicensed'],
    [
      'tryout and bought: licensed',
      'comtrexx-vm',
      [f(11, 'tryout', 14, 3), f(11, 'grant', null, 5)],
      2,
      undefined,
      'licensed',
    ],
    ['trial running', 'askozia-pbx', [f(33, 'trial', 30)], 29, undefined, 'trial'],
    ['trial ended: unlicensed', 'askozia-pbx', [f(33, 'trial', 30)], 30.01, undefined, 'unlicensed'],
    [
      'Business without activation: unlicensed',
      'comtrexx-business',
      [f(11, 'grant', null, 5)],
      1,
      undefined,
      'unlicensed',
    ],
    [
      'Business with activation: licensed',
      'comtrexx-business',
      [f(10, 'grant', null), f(11, 'grant', null, 5)],
      1,
      undefined,
      'licensed',
    ],
    [
      'Business, activation ended, user licences left: expired',
      'comtrexx-business',
      [f(10, 'grant', 30), f(11, 'grant', null, 5)],
      31,
      undefined,
      'expired',
    ],
    ['the certificate itself ended: expired', 'comtrexx-vm', [f(11, 'grant', null)], 401, undefined, 'expired'],
  ])('%s', (_name, model, features, day, o, state) => {
    expect(decide(model, features, day, o).state).toBe(state);
  });

  it('usable per feature: an ended feature is not, the rest is', () => {
    const d = decide('comtrexx-vm', [f(11, 'grant', null, 5), f(12, 'grant', 30)], 31, online('licensed'));
    expect(d.state).toBe('licensed');
    expect(d.licences.map((l) => [l.number, l.usable, l.expired])).toEqual([
      [11, true, false],
      [12, false, true],
    ]);
    expect(d.licences[1]!.reason).toBe('it ended on 2026-03-31');
  });

  it('restricted: users keep working (no new ones), add-ons stop', () => {
    const d = decide('comtrexx-vm', [f(11, 'grant', null, 5), f(12, 'grant', null)], 20, online('lapsed'));
    expect(d.state).toBe('restricted');
    expect(d.licences).toMatchObject([
      { number: 11, usable: true, reason: expect.stringContaining('existing users keep working') },
      { number: 12, usable: false, reason: expect.stringContaining('add-ons stop') },
    ]);
  });

  it('revoked: nothing is usable, and it says why and since when', () => {
    const d = decide(
      'comtrexx-vm',
      [f(11, 'grant', null, 5)],
      1,
      online('revoked', { verdictAt: at(1).toISOString() }),
    );
    expect(d.reason).toBe('Revoked: the licence server said on 2026-03-02 that this certificate was revoked.');
    expect(d.licences.every((l) => !l.usable)).toBe(true);
  });

  it('the tryout ends at the model length after the certificate start, even if the certificate says later', () => {
    const d = decide('comtrexx-vm', [f(11, 'tryout', 60, 3)], 15);
    expect(d.state).toBe('unlicensed');
    expect(d.licences[0]).toMatchObject({ usable: false, expired: true, reason: 'the tryout ended on 2026-03-15' });
    expect(d.reason).toContain('tryout ended');
  });

  it('an expired activation makes every licence unusable, naming the activation', () => {
    const d = decide('comtrexx-business', [f(10, 'grant', 30), f(11, 'grant', null, 5)], 31);
    expect(d.reason).toBe('Expired: the system activation ended on 2026-03-31.');
    expect(d.licences.map((l) => l.usable)).toEqual([false, false]);
    expect(d.licences[1]!.reason).toBe('the system activation ended on 2026-03-31');
  });

  it('a model the catalogue does not know gets no model rules, only the licences', () => {
    const d = decideLicenceState({
      kindOf,
      leaf: { notBefore: T0, notAfter: at(400), features: [f(11, 'tryout', 60, 3)] },
      at: at(20),
    });
    expect(d.state).toBe('tryout');
  });
});
