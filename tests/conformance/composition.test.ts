// Explicit composition (issue 8): the authority's issuance policies come from compose.ts, not
// from whichever modules happen to be loaded. Every issuance path — recreate, trial, tryout and a
// redeemed coupon — runs every policy of the product's composition, and the refusals come from
// those policies: without one in the composition the same request goes through.
import { expect, it } from 'vitest';
import type { IssuancePolicy } from '../../src/authority/certificates/policies';
import { ISSUANCE_POLICIES } from '../../src/authority/compose';
import type { Authority } from '../../src/authority/authority';
import { makeRequest, recreate } from '../support/fixtures';
import { acceptedRegistration, hostCode, linkedToAccepted } from '../support/offers';
import { describeStores } from '../support/stores';

const HOST_A = Buffer.alloc(16, 0xa1);
const HOST_B = Buffer.alloc(16, 0xb2);

/** The product's policies, each noting when its check and record steps run. */
function recorded(): { policies: IssuancePolicy[]; ran: string[] } {
  const ran: string[] = [];
  const policies = ISSUANCE_POLICIES.map((p) => ({
    name: p.name,
    async check(...args: Parameters<NonNullable<IssuancePolicy['check']>>) {
      ran.push(`check:${p.name}`);
      await p.check?.(...args);
    },
    async record(...args: Parameters<NonNullable<IssuancePolicy['record']>>) {
      ran.push(`record:${p.name}`);
      await p.record?.(...args);
    },
  }));
  return { policies, ran };
}

const EVERY_POLICY = [
  'check:generation',
  'check:eula',
  'check:bindings',
  'record:generation',
  'record:eula',
  'record:bindings',
];

const without = (name: string) => ({ policies: ISSUANCE_POLICIES.filter((p) => p.name !== name) });

async function askozia(authority: Authority, serial: string): Promise<void> {
  await authority.call('devices.add', { serial, model: 'askozia-pbx' });
  await linkedToAccepted(authority, serial);
  await authority.call('licences.grant', { serial, feature: 33 });
}

describeStores('composition', ({ open }) => {
  it('Composition: the product composes the generation, EULA and binding policies', async () => {
    const { authority } = await open();
    expect(authority.ctx.policies.map((p) => p.name)).toEqual(['generation', 'eula', 'bindings']);
    expect(authority.ctx.changeHooks).toEqual([]);
  });

  it('Composition: recreate, trial, tryout and coupon issuance each run every composed policy', async () => {
    const { policies, ran } = recorded();
    const { authority } = await open({ policies });
    const paths: Record<string, () => Promise<unknown>> = {
      recreate: async () => {
        await authority.call('devices.add', { serial: 'P-REC', model: 'comtrexx-vm' });
        await authority.call('licences.grant', { serial: 'P-REC', feature: 11, quantity: 5 });
        return recreate(authority, makeRequest('P-REC', 'comtrexx-vm').code);
      },
      trial: async () => {
        const registration = await acceptedRegistration(authority);
        await authority.call('devices.add', { serial: 'P-TRI', model: 'askozia-pbx' });
        return authority.call('trials.start', {
          registration,
          serial: 'P-TRI',
          initCode: hostCode('P-TRI', 'askozia-pbx'),
        });
      },
      tryout: async () => {
        await authority.call('devices.add', { serial: 'P-TRY', model: 'comtrexx-vm' });
        return authority.call('tryout.start', { serial: 'P-TRY', initCode: hostCode('P-TRY', 'comtrexx-vm') });
      },
      coupon: async () => {
        await authority.call('devices.add', { serial: 'P-COU', model: 'comtrexx-vm' });
        const [code] = (await authority.call('coupons.mint', { feature: 11, quantity: 5 })).codes;
        await authority.call('coupons.redeem', { code: code!, serial: 'P-COU' });
        return recreate(authority, makeRequest('P-COU', 'comtrexx-vm').code);
      },
    };
    for (const [path, run] of Object.entries(paths)) {
      ran.length = 0;
      await run();
      expect({ path, ran }).toEqual({ path, ran: EVERY_POLICY });
    }
  });

  it('Composition: a binding held by another host refuses issuance, only while the binding policy is composed', async () => {
    for (const [composition, refused] of [
      [{}, true],
      [without('bindings'), false],
    ] as const) {
      const { authority } = await open(composition);
      await askozia(authority, 'C-BIND');
      await recreate(authority, hostCode('C-BIND', 'askozia-pbx', HOST_A));
      const other = recreate(authority, hostCode('C-BIND', 'askozia-pbx', HOST_B));
      if (refused) await expect(other).rejects.toMatchObject({ code: 'BINDING_ELSEWHERE' });
      else await expect(other).resolves.toMatchObject({ serial: 'C-BIND' });
    }
  });

  it('Composition: a licence agreement not accepted refuses issuance, only while the EULA policy is composed', async () => {
    for (const [composition, refused] of [
      [{}, true],
      [without('eula'), false],
    ] as const) {
      const { authority } = await open(composition);
      const registration = await acceptedRegistration(authority);
      await authority.call('devices.add', { serial: 'C-EULA', model: 'askozia-pbx' });
      await authority.call('trials.start', {
        registration,
        serial: 'C-EULA',
        initCode: hostCode('C-EULA', 'askozia-pbx', HOST_A),
      });
      await authority.call('eula.publish', { version: '1.1', text: 'Licence agreement 1.1' });
      const next = recreate(authority, hostCode('C-EULA', 'askozia-pbx', HOST_A, 2));
      if (refused) await expect(next).rejects.toMatchObject({ code: 'EULA_NOT_ACCEPTED' });
      else await expect(next).resolves.toMatchObject({ serial: 'C-EULA' });
    }
  });
});
