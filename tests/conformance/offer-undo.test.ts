// A tryout or trial whose certificate is then refused was never used: it is taken back (audited),
// so it can start again once the reason is gone.
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import type { IssuancePolicy } from '../../src/authority/certificates/policies';
import { ISSUANCE_POLICIES } from '../../src/authority/compose';
import { LdError } from '../../src/shared/errors';
import { acceptedRegistration, hostCode } from '../support/offers';
import { describeStores } from '../support/stores';

// A refusal at issuance time for the serials below, switched by the tests.
const refuse = new Set<string>();
const refusing: IssuancePolicy = {
  name: 'test-refuse',
  async check(_ctx, _tx, plan) {
    if (refuse.has(plan.device.serial))
      throw new LdError({
        code: 'TEST_REFUSED',
        kind: 'rule',
        message: `Refused for the test: ${plan.device.serial}.`,
      });
  },
};
const composition = { policies: [...ISSUANCE_POLICIES, refusing] };

describeStores('offers taken back when issuance is refused', ({ open }) => {
  it('Tryout: refused at issuance → not used up; starts again once the reason is gone', async () => {
    const { authority } = await open(composition);
    await authority.call('devices.add', { serial: 'UNDO-T', model: 'comtrexx-vm' });
    refuse.add('UNDO-T');
    try {
      await expect(
        authority.call('tryout.start', { serial: 'UNDO-T', initCode: hostCode('UNDO-T', 'comtrexx-vm') }),
      ).rejects.toMatchObject({ code: 'TEST_REFUSED' });
    } finally {
      refuse.delete('UNDO-T');
    }
    expect(await authority.call('tryout.status', { serial: 'UNDO-T' })).toMatchObject({ state: 'never' });
    expect((await authority.call('devices.get', { serial: 'UNDO-T' })).licences).toEqual([]);
    const started = await authority.call('tryout.start', {
      serial: 'UNDO-T',
      initCode: hostCode('UNDO-T', 'comtrexx-vm'),
    });
    expect(started.answer?.code).toMatch(/^ANS1-/);
    const actions = (await authority.call('audit.list', {})).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['tryout.start', 'tryout.undo']));
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });

  it('Trial: refused at issuance → neither the registration nor the host has used its trial', async () => {
    const { authority } = await open(composition);
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'UNDO-A', model: 'askozia-pbx' });
    const host = Buffer.alloc(16, 7);
    refuse.add('UNDO-A');
    try {
      await expect(
        authority.call('trials.start', {
          registration: number,
          serial: 'UNDO-A',
          initCode: hostCode('UNDO-A', 'askozia-pbx', host),
        }),
      ).rejects.toMatchObject({ code: 'TEST_REFUSED' });
    } finally {
      refuse.delete('UNDO-A');
    }
    expect((await authority.call('devices.get', { serial: 'UNDO-A' })).licences).toEqual([]);
    const trial = await authority.call('trials.start', {
      registration: number,
      serial: 'UNDO-A',
      initCode: hostCode('UNDO-A', 'askozia-pbx', host),
    });
    expect(trial.answer.code).toMatch(/^ANS1-/);
  });
});
