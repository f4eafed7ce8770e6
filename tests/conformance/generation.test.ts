// Stale initialisation codes (issue 9 item 6): an initialisation code whose generation is not
// newer than a certificate already issued for its host is refused on every issuance path
// (REQUEST_STALE_GENERATION, naming both generations), and nothing is written or taken.
import { expect, it } from 'vitest';
import { staleGeneration } from '../../src/authority/certificates/generation-policy';
import type { Authority } from '../../src/authority/authority';
import { recreate } from '../support/fixtures';
import { acceptedRegistration, hostCode, linkedToAccepted } from '../support/offers';
import { describeStores } from '../support/stores';

const HOST = Buffer.alloc(16, 0x5a);
const OTHER = Buffer.alloc(16, 0x6b);

const certificates = async (authority: Authority, serial: string) =>
  (await authority.call('devices.get', { serial })).certificates;

function expectStale(call: Promise<unknown>, presented: number, current: number) {
  return Promise.all([
    expect(call).rejects.toMatchObject({
      code: 'REQUEST_STALE_GENERATION',
      kind: 'rule',
      params: { presented, current },
    }),
    expect(call).rejects.toThrow(
      `This initialisation code is generation ${presented}, but this PBX already has a certificate for generation ${current}`,
    ),
  ]);
}

it('staleGeneration: refuses a generation not above the newest issued one, and names both', () => {
  const issued = [
    { generation: 2, serial: 'aa' },
    { generation: 4, serial: 'bb' },
    { generation: 3, serial: 'cc' },
  ];
  expect(staleGeneration(5, issued)).toBeUndefined();
  expect(staleGeneration(1, [])).toBeUndefined();
  expect(staleGeneration(4, issued)?.params).toEqual({ presented: 4, current: 4, certificate: 'bb' });
  expect(staleGeneration(3, issued)?.params).toEqual({ presented: 3, current: 4, certificate: 'bb' });
});

describeStores('stale initialisation codes', ({ open }) => {
  it('Stale: recreate refuses an older or the same generation; the newer certificate stays current', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'G1', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'G1', feature: 11, quantity: 5 });
    const newer = await recreate(authority, hostCode('G1', 'comtrexx-vm', HOST, 2));
    await expectStale(recreate(authority, hostCode('G1', 'comtrexx-vm', HOST, 1)), 1, 2);
    await expectStale(recreate(authority, hostCode('G1', 'comtrexx-vm', HOST, 2)), 2, 2);
    expect(await certificates(authority, 'G1')).toMatchObject([
      { serialHex: newer.certificateSerial, generation: 2, supersededBy: null, revokedAt: null },
    ]);
    const audit = (await authority.call('audit.list', {})).filter((e) => e.action === 'certificate.issue');
    expect(audit).toHaveLength(1);
    const next = await recreate(authority, hostCode('G1', 'comtrexx-vm', HOST, 3));
    expect(next.superseded).toEqual([newer.certificateSerial]);
  });

  it('Stale: generations count per host, so another host starts at 1', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'G2', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'G2', feature: 11, quantity: 5 });
    await recreate(authority, hostCode('G2', 'comtrexx-vm', HOST, 5));
    const moved = await recreate(authority, hostCode('G2', 'comtrexx-vm', OTHER, 1));
    expect(moved.superseded).toHaveLength(1);
    // Moving back with the first host's old code is as stale as before.
    await expectStale(recreate(authority, hostCode('G2', 'comtrexx-vm', HOST, 4)), 4, 5);
  });

  it('Stale: after a binding reset the host starts again (its certificates are revoked)', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'G3', model: 'askozia-pbx' });
    await linkedToAccepted(authority, 'G3');
    await authority.call('licences.grant', { serial: 'G3', feature: 33 });
    await recreate(authority, hostCode('G3', 'askozia-pbx', HOST, 3));
    await expectStale(recreate(authority, hostCode('G3', 'askozia-pbx', HOST, 1)), 1, 3);
    const [binding] = await authority.call('bindings.list', { serial: 'G3' });
    await authority.call('bindings.reset', { id: binding!.id, feature: 33 });
    expect((await recreate(authority, hostCode('G3', 'askozia-pbx', HOST, 1))).serial).toBe('G3');
  });

  it('Stale: during a tryout an older code than the one the tryout started with is refused', async () => {
    // A tryout starts once, on a device without bought licences, so it is the first certificate:
    // the rule meets it on the codes that follow (the composition test shows it runs on the start).
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'G4', model: 'comtrexx-vm' });
    await authority.call('tryout.start', { serial: 'G4', initCode: hostCode('G4', 'comtrexx-vm', HOST, 3) });
    await expectStale(recreate(authority, hostCode('G4', 'comtrexx-vm', HOST, 2)), 2, 3);
    expect(await authority.call('tryout.status', { serial: 'G4' })).toMatchObject({ state: 'active' });
    expect((await certificates(authority, 'G4')).map((c) => c.generation)).toEqual([3]);
  });

  it('Stale: a trial started with a stale code is refused and not used up', async () => {
    const { authority } = await open();
    const registration = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'G5', model: 'askozia-pbx' });
    await authority.call('trials.start', {
      registration,
      serial: 'G5',
      initCode: hostCode('G5', 'askozia-pbx', HOST, 2),
    });
    const trialAgain = authority.call('trials.start', {
      registration,
      serial: 'G5',
      initCode: hostCode('G5', 'askozia-pbx', HOST, 1),
    });
    await expect(trialAgain).rejects.toMatchObject({ code: expect.stringMatching(/^(TRIAL_|REQUEST_STALE)/) });
    await expectStale(recreate(authority, hostCode('G5', 'askozia-pbx', HOST, 1)), 1, 2);
    expect((await certificates(authority, 'G5')).map((c) => c.generation)).toEqual([2]);
  });

  it('Stale: a redeemed coupon does not let an old code through', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'G6', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'G6', feature: 11, quantity: 5 });
    await recreate(authority, hostCode('G6', 'comtrexx-vm', HOST, 7));
    const [code] = (await authority.call('coupons.mint', { feature: 12 })).codes;
    await authority.call('coupons.redeem', { code: code!, serial: 'G6' });
    await expectStale(recreate(authority, hostCode('G6', 'comtrexx-vm', HOST, 6)), 6, 7);
    const answer = await recreate(authority, hostCode('G6', 'comtrexx-vm', HOST, 8));
    expect(answer.features.map((f) => f.number).sort()).toEqual([11, 12]);
  });
});
