// Registration and trial (MIKO handbook): a MIKO number with a check character; a typo is placed;
// recovery by email (masked in server mode); the 30-day trial once per registration and once per
// host for each product, after the EULA. Every rule on SQLite and PostgreSQL, races included.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import { installAnswer, pbxStatus } from '../../src/device/simulator';
import { encodeInitCode } from '../../src/licensing/codes';
import { buildRequest } from '../../src/licensing/request';
import { readRegistrationNumber } from '../../src/shared/registration-number';
import { makeRequest, recreate } from '../support/fixtures';
import {
  acceptedRegistration,
  asServerCaller,
  hostCode,
  otherReseller,
  outcomes,
  simulatedPbx,
} from '../support/offers';
import { describeStores } from '../support/stores';

const DAY = 24 * 3600 * 1000;
const FORMAT = /^MIKO-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const HOST_A = Buffer.alloc(16, 0xa1);
const HOST_B = Buffer.alloc(16, 0xb2);

/** The number with the character at `at` (0..19 after MIKO-) replaced by another one. */
function mistype(number: string, at: number): string {
  const chars = number.slice(5).replace(/-/g, '').split('');
  chars[at] = chars[at] === 'Z' ? 'Y' : 'Z';
  return `MIKO-${chars.join('').match(/.{5}/g)!.join('-')}`;
}

describeStores('registration and trial', ({ open }) => {
  it('Registration: register (company, contact, email) → a MIKO number with a check character, audited', async () => {
    const { authority } = await open();
    const r = await authority.call('registrations.create', {
      company: 'Acme GmbH',
      email: ' IT@Acme.test ',
      contact: 'Ada',
    });
    expect(r).toMatchObject({ company: 'Acme GmbH', contact: 'Ada', email: 'it@acme.test' });
    expect(r.number).toMatch(FORMAT);
    expect(readRegistrationNumber(r.number).checkOk).toBe(true);
    const numbers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        authority.call('registrations.create', { company: `C${i}`, email: 'x@y.test' }),
      ),
    );
    expect(new Set(numbers.map((n) => n.number)).size).toBe(30);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true, entries: 31 });
  });

  it('Registration: a typo is refused naming the group (REGISTRATION_NUMBER_TYPO), a non-number as REGISTRATION_NUMBER_INVALID', async () => {
    const { authority } = await open();
    const { number } = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    for (const [at, group, position] of [
      [7, 2, 3],
      [0, 1, 1],
      [19, 4, 5],
    ] as const) {
      const refused = authority.call('eula.accept', { registration: mistype(number, at) });
      await expect(refused).rejects.toMatchObject({
        code: 'REGISTRATION_NUMBER_TYPO',
        kind: 'input',
        params: { group, position },
      });
      await expect(refused).rejects.toThrow(`group ${group}, character ${position}`);
    }
    await expect(
      authority.call('eula.accept', { registration: number.replace(/-(\w{5})$/, '-$1X') }),
    ).rejects.toMatchObject({ code: 'REGISTRATION_NUMBER_TYPO', params: { group: 4 } });
    await expect(authority.call('eula.accept', { registration: 'MIKO-12345' })).rejects.toMatchObject({
      code: 'REGISTRATION_NUMBER_INVALID',
    });
    // Read as people type it: lower case and spaces are the same number.
    expect(
      await authority.call('eula.accept', { registration: number.toLowerCase().replace(/-/g, ' ') }),
    ).toMatchObject({ registration: number });
  });

  it("Registration: scoped to the reseller — another reseller's number is REGISTRATION_OTHER_RESELLER (never whose); a vendor token cannot register", async () => {
    const { authority } = await open();
    const { number } = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    const other = await otherReseller(authority);
    const refused = authority.call('eula.accept', { registration: number }, other);
    await expect(refused).rejects.toMatchObject({ code: 'REGISTRATION_OTHER_RESELLER' });
    await expect(refused).rejects.not.toThrow(/Acme|it@acme/);
    expect((await authority.call('registrations.recover', { email: 'it@acme.test' }, other)).numbers).toEqual([]);
    const vendor = { resellerId: null, vendor: true, label: 'vendor' };
    await expect(
      authority.call('registrations.create', { company: 'V', email: 'v@v.test' }, vendor),
    ).rejects.toMatchObject({ code: 'RESELLER_ONLY' });
    await expect(authority.call('registrations.create', { company: 'V', email: 'not-an-email' })).rejects.toMatchObject(
      { code: 'INPUT_INVALID' },
    );
  });

  it('Registration: recovery by email shows the numbers embedded; in server mode without a mail server, masked and honestly not sent', async () => {
    const { authority } = await open();
    const a = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    const b = await authority.call('registrations.create', { company: 'Acme 2', email: 'IT@acme.test' });
    const local = await authority.call('registrations.recover', { email: 'It@Acme.Test' });
    expect(local).toMatchObject({ masked: false, sentByEmail: false });
    expect(new Set(local.numbers)).toEqual(new Set([a.number, b.number]));
    const server = await authority.call('registrations.recover', { email: 'it@acme.test' }, asServerCaller(authority));
    expect(server).toMatchObject({ masked: true, sentByEmail: false });
    expect(new Set(server.numbers)).toEqual(
      new Set([a.number, b.number].map((n) => `MIKO-XXXXX-XXXXX-XXXXX-X${n.slice(-4)}`)),
    );
    expect(server.message).toMatch(/^No mail server is configured .*were not sent to it@acme\.test/);
    expect(server.message).not.toMatch(/sent by email/);
    const audit = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select('action').where('action', '=', 'registration.recover'),
    );
    expect(audit).toEqual([]); // nothing was sent, so nothing is recorded as sent
    expect(
      await authority.call('registrations.recover', { email: 'nobody@acme.test' }, asServerCaller(authority)),
    ).toMatchObject({ numbers: [], sentByEmail: false });
  });

  it('Trial: a registration number entered on a host gives the 30-day trial of its product; the PBX simulator installs it', async () => {
    const { authority, clock } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'K1', model: 'askozia-pbx' });
    const pbx = await simulatedPbx(authority, 'K1', 'askozia-pbx');
    const trial = await authority.call('trials.start', { registration: number, serial: 'K1', initCode: pbx.code });
    expect(trial).toMatchObject({
      registration: number,
      serial: 'K1',
      feature: 33,
      hostFingerprint: (await pbxStatus(pbx.dir)).hostFingerprint,
    });
    expect(new Date(trial.endsAt).getTime() - clock.now.getTime()).toBe(30 * DAY);
    expect(trial.answer.features).toEqual([{ number: 33, quantity: 1, notAfter: trial.endsAt, source: 'trial' }]);
    expect((await installAnswer(pbx.dir, trial.answer.code)).state).toBe('trial');
    expect((await pbxStatus(pbx.dir)).licences).toEqual([
      {
        number: 33,
        quantity: 1,
        notAfter: trial.endsAt.replace(/\.\d{3}Z$/, '.000Z'),
        source: 'trial',
        expired: false,
        usable: true,
      },
    ]);
    expect((await authority.call('devices.get', { serial: 'K1' })).device.registration).toBe(number);
    clock.now = new Date(clock.now.getTime() + 30 * DAY + 1000);
    await expect(recreate(authority, makeRequest('K1', 'askozia-pbx').code)).rejects.toMatchObject({
      code: 'NO_LICENCES',
    });
  });

  it('Trial: the EULA must be accepted first (EULA_NOT_ACCEPTED), and the refusal uses nothing up', async () => {
    const { authority } = await open();
    const { number } = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    await authority.call('devices.add', { serial: 'K2', model: 'askozia-pbx' });
    const code = hostCode('K2', 'askozia-pbx', HOST_A);
    const refused = authority.call('trials.start', { registration: number, serial: 'K2', initCode: code });
    await expect(refused).rejects.toMatchObject({ code: 'EULA_NOT_ACCEPTED' });
    await expect(refused).rejects.toThrow(`The owner of ${number} has not accepted licence agreement 1.0 yet`);
    expect((await authority.call('devices.get', { serial: 'K2' })).device.registration).toBeNull();
    await authority.call('eula.accept', { registration: number });
    expect(await authority.call('trials.start', { registration: number, serial: 'K2', initCode: code })).toMatchObject({
      feature: 33,
    });
  });

  it('Trial: a registration gets one trial per product (TRIAL_ALREADY_USED_REGISTRATION with dates); the other product still has one', async () => {
    const { authority, clock } = await open();
    const number = await acceptedRegistration(authority);
    for (const [serial, model] of [
      ['K3', 'askozia-pbx'],
      ['K4', 'askozia-pbx'],
      ['K5', 'askozia-cfe'],
    ] as const)
      await authority.call('devices.add', { serial, model });
    await authority.call('trials.start', {
      registration: number,
      serial: 'K3',
      initCode: hostCode('K3', 'askozia-pbx', HOST_A),
    });
    const again = authority.call('trials.start', {
      registration: number,
      serial: 'K4',
      initCode: hostCode('K4', 'askozia-pbx', HOST_B),
    });
    await expect(again).rejects.toMatchObject({
      code: 'TRIAL_ALREADY_USED_REGISTRATION',
      params: { feature: 33, startedAt: clock.now.toISOString() },
    });
    await expect(again).rejects.toThrow(
      `Registration ${number} already had its Askozia PBX trial (feature 33) from ${clock.now.toISOString().slice(0, 10)}`,
    );
    expect((await authority.call('devices.get', { serial: 'K4' })).device.registration).toBeNull();
    expect(
      await authority.call('trials.start', {
        registration: number,
        serial: 'K5',
        initCode: hostCode('K5', 'askozia-cfe', HOST_B),
      }),
    ).toMatchObject({ feature: 34 });
  });

  it('Trial: a host gets one trial per product, whichever registration asks (TRIAL_ALREADY_USED_HOST)', async () => {
    const { authority } = await open();
    const [first, second] = [
      await acceptedRegistration(authority, 'Acme'),
      await acceptedRegistration(authority, 'Globex'),
    ];
    await authority.call('devices.add', { serial: 'K6', model: 'askozia-pbx' });
    await authority.call('devices.add', { serial: 'K7', model: 'askozia-pbx' });
    await authority.call('trials.start', {
      registration: first,
      serial: 'K6',
      initCode: hostCode('K6', 'askozia-pbx', HOST_A),
    });
    const refused = authority.call('trials.start', {
      registration: second,
      serial: 'K7',
      initCode: hostCode('K7', 'askozia-pbx', HOST_A),
    });
    await expect(refused).rejects.toMatchObject({ code: 'TRIAL_ALREADY_USED_HOST', params: { feature: 33 } });
    await expect(refused).rejects.toThrow(`under registration ${first}`);
    // Another reseller sees the dates, never the number.
    const other = await otherReseller(authority);
    const theirs = await acceptedRegistration(authority, 'Initech', other);
    await authority.call('devices.add', { serial: 'K8', model: 'askozia-pbx' }, other);
    await expect(
      authority.call(
        'trials.start',
        { registration: theirs, serial: 'K8', initCode: hostCode('K8', 'askozia-pbx', HOST_A) },
        other,
      ),
    ).rejects.toThrow(/under another registration/);
  });

  it('Trial: a plain openssl request (no device details) counts its key as the host, as in the certificate binding', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'K9', model: 'askozia-pbx' });
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const code = encodeInitCode(buildRequest({ serial: 'K9', model: 'askozia-pbx', privateKey, publicKey }));
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    const trial = await authority.call('trials.start', { registration: number, serial: 'K9', initCode: code });
    expect(trial.hostFingerprint).toBe(createHash('sha256').update(spki).digest().subarray(0, 16).toString('hex'));
  });

  it('Trial: refusals — a device of another registration (DEVICE_OTHER_REGISTRATION), COMtrexx (TRIAL_NOT_AVAILABLE), a foreign code, unknown ids', async () => {
    const { authority } = await open();
    const [first, second] = [
      await acceptedRegistration(authority, 'Acme'),
      await acceptedRegistration(authority, 'Globex'),
    ];
    await authority.call('devices.add', { serial: 'K10', model: 'askozia-pbx' });
    await authority.call('devices.add', { serial: 'V1', model: 'comtrexx-vm' });
    await authority.call('trials.start', {
      registration: first,
      serial: 'K10',
      initCode: hostCode('K10', 'askozia-pbx'),
    });
    await expect(
      authority.call('trials.start', { registration: second, serial: 'K10', initCode: hostCode('K10', 'askozia-pbx') }),
    ).rejects.toMatchObject({ code: 'DEVICE_OTHER_REGISTRATION', message: expect.stringContaining(first) });
    await expect(
      authority.call('trials.start', {
        registration: second,
        serial: 'V1',
        initCode: makeRequest('V1', 'comtrexx-vm').code,
      }),
    ).rejects.toThrow('COMtrexx VM has no trial: it has a 14-day tryout instead');
    await expect(
      authority.call('trials.start', { registration: second, serial: 'K10', initCode: hostCode('K99', 'askozia-pbx') }),
    ).rejects.toMatchObject({ code: 'REQUEST_OTHER_DEVICE' });
    await expect(
      authority.call('trials.start', {
        registration: second,
        serial: 'NOPE',
        initCode: hostCode('NOPE', 'askozia-pbx'),
      }),
    ).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    const other = await otherReseller(authority);
    await expect(
      authority.call(
        'trials.start',
        { registration: first, serial: 'K10', initCode: hostCode('K10', 'askozia-pbx') },
        other,
      ),
    ).rejects.toMatchObject({ code: 'REGISTRATION_OTHER_RESELLER' });
  });

  it('Trial: concurrent starts for one registration give exactly one trial (TRIAL_ALREADY_USED_REGISTRATION for the rest)', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    const serials = Array.from({ length: 12 }, (_, i) => `C${i}`);
    for (const serial of serials) await authority.call('devices.add', { serial, model: 'askozia-pbx' });
    const { ok, codes } = await outcomes(
      serials.map((serial) =>
        authority.call('trials.start', { registration: number, serial, initCode: hostCode(serial, 'askozia-pbx') }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(11).fill('TRIAL_ALREADY_USED_REGISTRATION'));
    const linked = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('devices').select('serial').where('registration_id', 'is not', null),
    );
    expect(linked.map((d) => d.serial)).toEqual([ok[0]!.serial]);
  });

  it('Trial: concurrent starts on one host give exactly one trial (TRIAL_ALREADY_USED_HOST for the rest)', async () => {
    const { authority } = await open();
    const numbers = await Promise.all(Array.from({ length: 10 }, (_, i) => acceptedRegistration(authority, `Co${i}`)));
    for (let i = 0; i < 10; i++) await authority.call('devices.add', { serial: `H${i}`, model: 'askozia-pbx' });
    const { ok, codes } = await outcomes(
      numbers.map((registration, i) =>
        authority.call('trials.start', {
          registration,
          serial: `H${i}`,
          initCode: hostCode(`H${i}`, 'askozia-pbx', HOST_B),
        }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(9).fill('TRIAL_ALREADY_USED_HOST'));
    const trials = await authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('trials').selectAll());
    expect(trials).toHaveLength(1);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });
});
