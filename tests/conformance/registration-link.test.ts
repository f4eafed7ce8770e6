// The MIKO handbook's four flows end to end, with the registration link as its own step (entering
// the number under System > Licences): new customer (register → trial → coupon), existing number
// (link → trial), a coupon on the customer's second host, and the move to another PC (reset →
// link on the new host → licence back). Then the refusals of a link, and the EULA gate on grants
// and coupons. Every rule on SQLite and PostgreSQL.
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import type { Authority } from '../../src/authority/authority';
import { randomRegistrationNumber } from '../../src/authority/registration/service';
import { recreate } from '../support/fixtures';
import { acceptedRegistration, hostCode, otherReseller } from '../support/offers';
import { describeStores } from '../support/stores';

const HOST_A = Buffer.alloc(16, 0xa1);
const HOST_B = Buffer.alloc(16, 0xb2);

const mint = async (authority: Authority) => (await authority.call('coupons.mint', { feature: 33 })).codes[0]!;
const registrationOf = async (authority: Authority, serial: string) =>
  (await authority.call('devices.get', { serial })).device.registration;
const sourcesOf = async (authority: Authority, serial: string, code: string) =>
  (await recreate(authority, code)).features.map((f) => `${f.number}:${f.source}`);

describeStores('registration link (MIKO flows)', ({ open }) => {
  it('Flow 1, new customer: register → accept the EULA → trial on the host → coupon on the same host', async () => {
    const { authority } = await open();
    const { number } = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    await authority.call('eula.accept', { registration: number });
    await authority.call('devices.add', { serial: 'F1', model: 'askozia-pbx' });
    const trial = await authority.call('trials.start', {
      registration: number,
      serial: 'F1',
      initCode: hostCode('F1', 'askozia-pbx', HOST_A),
    });
    expect(trial.answer.features.map((f) => f.source)).toEqual(['trial']);
    expect(await registrationOf(authority, 'F1')).toBe(number);
    const redeemed = await authority.call('coupons.redeem', { code: await mint(authority), serial: 'F1' });
    expect(redeemed.licences).toMatchObject([{ feature: 33, source: 'coupon', notAfter: null }]);
    expect(await sourcesOf(authority, 'F1', hostCode('F1', 'askozia-pbx', HOST_A, 2))).toContain('33:coupon');
  });

  it('Flow 2, existing number: link the host to it (audited once), then the trial', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'F2', model: 'askozia-pbx' });
    expect(await authority.call('registrations.link', { registration: number, serial: 'F2' })).toEqual({
      registration: number,
      serial: 'F2',
      alreadyLinked: false,
    });
    // Entering the number again (lower case, as typed) changes nothing and says so.
    expect(
      await authority.call('registrations.link', { registration: number.toLowerCase(), serial: 'F2' }),
    ).toMatchObject({ alreadyLinked: true });
    const links = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select('subject').where('action', '=', 'registration.link'),
    );
    expect(links).toEqual([{ subject: number }]);
    const trial = await authority.call('trials.start', {
      registration: number,
      serial: 'F2',
      initCode: hostCode('F2', 'askozia-pbx', HOST_A),
    });
    expect(trial).toMatchObject({ registration: number, serial: 'F2', feature: 33 });
  });

  it('Flow 3, second host of the same customer: no second trial, but link → coupon → certificate', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'ASK-0001', model: 'askozia-pbx' });
    await authority.call('devices.add', { serial: 'ASK-0003', model: 'askozia-pbx' });
    await authority.call('trials.start', {
      registration: number,
      serial: 'ASK-0001',
      initCode: hostCode('ASK-0001', 'askozia-pbx', HOST_A),
    });
    const code = await mint(authority);
    await expect(
      authority.call('trials.start', {
        registration: number,
        serial: 'ASK-0003',
        initCode: hostCode('ASK-0003', 'askozia-pbx', HOST_B),
      }),
    ).rejects.toMatchObject({ code: 'TRIAL_ALREADY_USED_REGISTRATION' });
    // Another registration on host A: the refusal reads "an Askozia PBX trial".
    const second = await acceptedRegistration(authority, 'Globex');
    await authority.call('devices.add', { serial: 'ASK-0004', model: 'askozia-pbx' });
    await expect(
      authority.call('trials.start', {
        registration: second,
        serial: 'ASK-0004',
        initCode: hostCode('ASK-0004', 'askozia-pbx', HOST_A),
      }),
    ).rejects.toThrow('already had an Askozia PBX trial (feature 33)');
    await expect(authority.call('coupons.redeem', { code, serial: 'ASK-0003' })).rejects.toMatchObject({
      code: 'COUPON_NO_REGISTRATION',
      params: { serial: 'ASK-0003' },
    });
    await authority.call('registrations.link', { registration: number, serial: 'ASK-0003' });
    await authority.call('coupons.redeem', { code, serial: 'ASK-0003' });
    expect(await sourcesOf(authority, 'ASK-0003', hostCode('ASK-0003', 'askozia-pbx', HOST_B))).toEqual(['33:coupon']);
  });

  it('Flow 4, move to another PC: reset the binding → link on the new host → the licence comes back there', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'F4', model: 'askozia-pbx' });
    await authority.call('registrations.link', { registration: number, serial: 'F4' });
    await authority.call('coupons.redeem', { code: await mint(authority), serial: 'F4' });
    await recreate(authority, hostCode('F4', 'askozia-pbx', HOST_A));
    await expect(recreate(authority, hostCode('F4', 'askozia-pbx', HOST_B))).rejects.toMatchObject({
      code: 'BINDING_ELSEWHERE',
    });
    const [binding] = await authority.call('bindings.list', { serial: 'F4' });
    await authority.call('bindings.reset', { id: binding!.id, feature: 33 });
    expect(await authority.call('registrations.link', { registration: number, serial: 'F4' })).toMatchObject({
      alreadyLinked: true,
    });
    expect(await sourcesOf(authority, 'F4', hostCode('F4', 'askozia-pbx', HOST_B, 2))).toEqual(['33:coupon']);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });

  it('Link: refusals — a typo names the group, an unknown number, another reseller’s number (its own code), COMtrexx, a device of another registration; nothing changes', async () => {
    const { authority } = await open();
    const [first, second] = [
      await acceptedRegistration(authority, 'Acme'),
      await acceptedRegistration(authority, 'Globex'),
    ];
    await authority.call('devices.add', { serial: 'L1', model: 'askozia-pbx' });
    await authority.call('devices.add', { serial: 'V1', model: 'comtrexx-vm' });
    await authority.call('registrations.link', { registration: first, serial: 'L1' });
    const before = await verifyAudit(authority.ctx.db);
    const last = first.slice(-1);
    const typo = `${first.slice(0, -2)}${first.at(-2) === 'Z' ? 'Y' : 'Z'}${last}`;
    const link = (registration: string, serial: string, actor?: Parameters<Authority['call']>[2]) =>
      authority.call('registrations.link', { registration, serial }, actor);
    await expect(link(typo, 'L1')).rejects.toMatchObject({ code: 'REGISTRATION_NUMBER_TYPO', params: { group: 4 } });
    await expect(link(randomRegistrationNumber(), 'L1')).rejects.toMatchObject({ code: 'REGISTRATION_NOT_FOUND' });
    const other = await otherReseller(authority);
    const theirs = await acceptedRegistration(authority, 'Initech', other);
    await expect(link(theirs, 'L1')).rejects.toMatchObject({ code: 'REGISTRATION_OTHER_RESELLER' });
    await expect(link(theirs, 'L1')).rejects.not.toThrow('Initech');
    // The check character places a typo among the reseller's own numbers: here in group 2.
    const inGroup2 = `${first.slice(0, 12)}${first[12] === 'Z' ? 'Y' : 'Z'}${first.slice(13)}`;
    await expect(link(inGroup2, 'L1')).rejects.toMatchObject({
      code: 'REGISTRATION_NUMBER_TYPO',
      params: { group: 2, position: 2 },
    });
    await expect(link(inGroup2, 'L1')).rejects.toThrow('typo in group 2, character 2');
    await expect(link(first, 'V1')).rejects.toMatchObject({
      code: 'DEVICE_NOT_HOST_BOUND',
      message: expect.stringContaining('V1 is a COMtrexx VM'),
    });
    await expect(link(second, 'L1')).rejects.toMatchObject({
      code: 'DEVICE_OTHER_REGISTRATION',
      message: expect.stringContaining(first),
    });
    await expect(link(first, 'NOPE')).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    expect(await registrationOf(authority, 'L1')).toBe(first);
    expect(await registrationOf(authority, 'V1')).toBeNull();
    // Only the other reseller's registration and acceptance were added since.
    expect((await verifyAudit(authority.ctx.db)).entries).toBe(before.entries + 2);
  });

  it('EULA on every issuance: licence grant needs the link (GRANT_NO_REGISTRATION) and the accepted EULA; a coupon is not used up without it', async () => {
    const { authority } = await open();
    const { number } = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    await authority.call('devices.add', { serial: 'G1', model: 'askozia-pbx' });
    await expect(authority.call('licences.grant', { serial: 'G1', feature: 33 })).rejects.toMatchObject({
      code: 'GRANT_NO_REGISTRATION',
      params: { serial: 'G1' },
    });
    await authority.call('registrations.link', { registration: number, serial: 'G1' });
    await expect(authority.call('licences.grant', { serial: 'G1', feature: 33 })).rejects.toMatchObject({
      code: 'EULA_NOT_ACCEPTED',
      params: { registration: number, version: '1.0' },
    });
    const code = await mint(authority);
    await expect(authority.call('coupons.redeem', { code, serial: 'G1' })).rejects.toMatchObject({
      code: 'EULA_NOT_ACCEPTED',
    });
    expect((await authority.call('devices.get', { serial: 'G1' })).licences).toEqual([]);
    await authority.call('eula.accept', { registration: number });
    expect(await authority.call('licences.grant', { serial: 'G1', feature: 33 })).toMatchObject({ source: 'grant' });
    expect((await authority.call('coupons.redeem', { code, serial: 'G1' })).licences).toHaveLength(1);
    // Serial-bound COMtrexx has no registration and no EULA gate.
    await authority.call('devices.add', { serial: 'V2', model: 'comtrexx-vm' });
    expect(await authority.call('licences.grant', { serial: 'V2', feature: 11, quantity: 2 })).toMatchObject({
      quantity: 2,
    });
  });
});
