import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/licensing/certificate';
import { decodeCode, encodeInitCode } from '../../src/licensing/codes';
import * as d from '../../src/licensing/der';
import { OID } from '../../src/licensing/oids';
import { parseRequest } from '../../src/licensing/request';
import { signWith } from '../../src/licensing/keys';
import { freshAuthority, makeRequest, recreate } from '../support/fixtures';

const DAY = 24 * 3600 * 1000;

async function vm(serial = 'VM0001') {
  const ctx = await freshAuthority();
  await ctx.authority.call('devices.add', { serial, model: 'comtrexx-vm', name: 'Office' });
  return ctx;
}

/** A request whose subject we write by hand, to smuggle in what our builder would refuse. */
function handMadeRequest(subject: d.Node): string {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const info = d.encode(
    d.seq([d.int(0), subject, d.raw(publicKey.export({ type: 'spki', format: 'der' })), d.context(0, [])]),
  );
  return encodeInitCode(
    d.encode(d.seq([d.raw(info), d.seq([d.oid(OID.ecdsaWithSha256)]), d.bitString(signWith(privateKey, info))])),
  );
}
const attr = (oid: string, value: d.Node) => d.set([d.seq([d.oid(oid), value])]);

describe('authority: devices and licences', () => {
  it('creates CA keys readable by the owner only', async () => {
    const { dir } = await freshAuthority();
    for (const f of ['root.key.sealed', 'issuing.key.sealed'])
      expect(statSync(join(dir, 'ca', f)).mode & 0o777).toBe(0o600);
  });

  it('refuses a second device with the same serial', async () => {
    const { authority } = await vm();
    await expect(authority.call('devices.add', { serial: 'VM0001', model: 'comtrexx-vm' })).rejects.toMatchObject({
      code: 'DEVICE_EXISTS',
      kind: 'conflict',
    });
  });

  it.each([
    [{ serial: 'AB 12', model: 'comtrexx-vm' }, 'INPUT_INVALID', /^serial: /],
    [{ serial: 'AB\u202E12', model: 'comtrexx-vm' }, 'INPUT_INVALID', /^serial: /],
    [{ serial: 'AB12', model: 'comtrexx-xl' }, 'UNKNOWN_MODEL', /comtrexx-vm/],
    [
      { serial: 'AB12', model: 'comtrexx-vm', name: 'bad\u0007name' },
      'INPUT_INVALID',
      /^name: must not contain control/,
    ],
    [{ serial: 'AB12', model: 'comtrexx-vm', colour: 'red' }, 'INPUT_INVALID', /unknown field colour/],
  ])('refuses device %j with %s', async (input, code, message) => {
    const { authority } = await freshAuthority();
    await expect(authority.call('devices.add', input)).rejects.toMatchObject({
      code,
      kind: 'input',
      message: expect.stringMatching(message),
    });
    expect(await authority.call('devices.list', {})).toHaveLength(0);
  });

  it('refuses features the model cannot carry and quantities of non-countable features', async () => {
    const { authority } = await vm();
    await expect(authority.call('licences.grant', { serial: 'VM0001', feature: 33 })).rejects.toMatchObject({
      code: 'FEATURE_NOT_FOR_MODEL',
    });
    await expect(
      authority.call('licences.grant', { serial: 'VM0001', feature: 'call-assist-v1', quantity: 2 }),
    ).rejects.toMatchObject({ code: 'QUANTITY_INVALID' });
    await expect(authority.call('licences.grant', { serial: 'VM0001', feature: 11, days: 0 })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringMatching(/^days: /),
    });
    expect((await authority.call('devices.get', { serial: 'VM0001' })).licences).toHaveLength(0);
  });
});

describe('authority: recreate certificate', () => {
  it('issues a certificate carrying every active licence and the binding', async () => {
    const { authority, clock } = await vm();
    const now = clock.now;
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11, quantity: 8 });
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11, quantity: 2 });
    await authority.call('licences.grant', { serial: 'VM0001', feature: 12, days: 30 });
    const req = makeRequest('VM0001', 'comtrexx-vm', { generation: 3 });
    const answer = await recreate(authority, req.code, 'VM0001');
    const leaf = parseCertificate(decodeCode(answer.code, 'answer').ders[0]!);
    expect(leaf.licence?.features.map((f) => [f.number, f.quantity, f.notAfter?.getTime() ?? null])).toEqual([
      [11, 10, null],
      [12, 1, Math.floor((now.getTime() + 30 * DAY) / 1000) * 1000],
    ]);
    expect(Buffer.from(leaf.licence!.binding.nonce)).toEqual(Buffer.from(req.device.nonce));
    expect(leaf.licence!.binding.generation).toBe(3);
    expect(leaf.isCa).toBe(false);
    const serial = Buffer.from(leaf.serialHex, 'hex');
    expect(serial.length).toBeGreaterThanOrEqual(9); // ≥ 64 random bits plus the sign
    expect(serial.length).toBeLessThanOrEqual(20);
    expect(serial[0]! & 0x80).toBe(0);
  });

  it('gives a certificate with only dated licences the end date of the last one', async () => {
    const { authority, clock } = await vm();
    const now = clock.now;
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11, quantity: 3, days: 10 });
    await authority.call('licences.grant', { serial: 'VM0001', feature: 12, days: 20 });
    const answer = await recreate(authority, makeRequest('VM0001', 'comtrexx-vm').code);
    expect(new Date(answer.notAfter).getTime()).toBe(now.getTime() + 20 * DAY);
  });

  it('supersedes the previous certificate and keeps both', async () => {
    const { authority, clock } = await vm();
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11 });
    const first = await recreate(authority, makeRequest('VM0001', 'comtrexx-vm').code);
    clock.now = new Date(clock.now.getTime() + 60_000);
    const second = await recreate(authority, makeRequest('VM0001', 'comtrexx-vm', { generation: 2 }).code);
    expect(second.superseded).toEqual([first.certificateSerial]);
    const certs = (await authority.call('devices.get', { serial: 'VM0001' })).certificates;
    expect(certs.map((c) => [c.serialHex, c.supersededBy])).toEqual([
      [first.certificateSerial, second.certificateSerial],
      [second.certificateSerial, null],
    ]);
  });

  it('records every one of 50 concurrent issuances and leaves exactly one current', async () => {
    const { authority } = await vm();
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11 });
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => recreate(authority, makeRequest('VM0001', 'comtrexx-vm').code)),
    );
    const certs = (await authority.call('devices.get', { serial: 'VM0001' })).certificates;
    expect(new Set(certs.map((c) => c.serialHex))).toEqual(new Set(answers.map((a) => a.certificateSerial)));
    expect(certs.filter((c) => c.supersededBy === null)).toHaveLength(1);
  });

  it.each([
    ['an unregistered serial', 'XX9999', 'comtrexx-vm', undefined, 'DEVICE_NOT_FOUND'],
    ["another device's code", 'VM0001', 'comtrexx-vm', 'VM0002', 'REQUEST_OTHER_DEVICE'],
    ['another model', 'VM0001', 'comtrexx-business', undefined, 'MODEL_MISMATCH'],
  ])('refuses %s', async (_what, serial, model, expected, code) => {
    const { authority } = await vm();
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11 });
    await expect(recreate(authority, makeRequest(serial, model).code, expected)).rejects.toMatchObject({ code });
    expect((await authority.call('devices.get', { serial: 'VM0001' })).certificates).toHaveLength(0);
  });

  it('names both models when the code is of another model', async () => {
    const { authority } = await vm();
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11 });
    await expect(recreate(authority, makeRequest('VM0001', 'askozia-pbx').code)).rejects.toMatchObject({
      code: 'MODEL_MISMATCH',
      message: 'The code says the PBX is the model Askozia PBX, but VM0001 is registered as the model COMtrexx VM.',
    });
  });

  it('refuses a device without licences, and a Business PBX without system activation', async () => {
    const { authority } = await vm();
    await expect(recreate(authority, makeRequest('VM0001', 'comtrexx-vm').code)).rejects.toMatchObject({
      code: 'NO_LICENCES',
    });
    await authority.call('devices.add', { serial: 'BIZ1', model: 'comtrexx-business' });
    await authority.call('licences.grant', { serial: 'BIZ1', feature: 11, quantity: 5 });
    await expect(recreate(authority, makeRequest('BIZ1', 'comtrexx-business').code)).rejects.toMatchObject({
      code: 'SYSTEM_ACTIVATION_REQUIRED',
      message: expect.stringContaining('COMtrexx Business needs a system activation licence'),
    });
    await authority.call('licences.grant', { serial: 'BIZ1', feature: 'system-activation' });
    await expect(recreate(authority, makeRequest('BIZ1', 'comtrexx-business').code)).resolves.toMatchObject({
      serial: 'BIZ1',
    });
  });
});

describe('authority: hostile requests', () => {
  it.each([
    [
      'a right-to-left mark in the serial',
      d.seq([attr(OID.serialNumber, d.utf8('VM00\u202E01'))]),
      'SUBJECT_UNSAFE_TEXT',
    ],
    [
      'a control character in the CN',
      d.seq([attr(OID.serialNumber, d.printable('VM0001')), attr(OID.commonName, d.utf8('comtrexx\u0000vm'))]),
      'SUBJECT_UNSAFE_TEXT',
    ],
    ['no serialNumber', d.seq([attr(OID.commonName, d.utf8('comtrexx-vm'))]), 'SUBJECT_NO_SERIAL'],
  ])('refuses %s', async (_what, subject, code) => {
    const { authority } = await vm();
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11 });
    await expect(recreate(authority, handMadeRequest(subject))).rejects.toMatchObject({ code, kind: 'input' });
    expect((await authority.call('devices.get', { serial: 'VM0001' })).certificates).toHaveLength(0);
  });

  it('refuses deeply nested DER without parsing it', async () => {
    const { authority } = await vm();
    let der = Buffer.of(0x05, 0x00);
    for (let i = 0; i < 40; i++) der = Buffer.concat([Buffer.of(0x30, der.length), der]);
    await expect(recreate(authority, encodeInitCode(der))).rejects.toMatchObject({ code: 'DER_MALFORMED' });
  });

  it('refuses oversized DER before parsing it, and oversized text before decoding it', async () => {
    const { authority } = await vm();
    const big = d.encode(d.seq([d.octets(randomBytes(17 * 1024))]));
    expect(() => parseRequest(big)).toThrow(expect.objectContaining({ code: 'DER_TOO_LARGE' }));
    await expect(
      recreate(
        authority,
        `-----BEGIN CERTIFICATE REQUEST-----\n${big.toString('base64')}\n-----END CERTIFICATE REQUEST-----`,
      ),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringMatching(/^initCode: /) });
  });

  it('refuses a request whose signature does not match its content', async () => {
    const { authority } = await vm();
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11 });
    const req = makeRequest('VM0001', 'comtrexx-vm');
    const der = Buffer.from(req.der);
    der[der.length - 5]! ^= 0x01;
    await expect(recreate(authority, encodeInitCode(der))).rejects.toMatchObject({
      code: expect.stringMatching(/^(SIGNATURE_INVALID|DER_MALFORMED)$/),
    });
  });

  it('refuses an answer code pasted where an initialisation code belongs', async () => {
    const { authority } = await vm();
    await authority.call('licences.grant', { serial: 'VM0001', feature: 11 });
    const answer = await recreate(authority, makeRequest('VM0001', 'comtrexx-vm').code);
    await expect(recreate(authority, answer.code)).rejects.toMatchObject({ code: 'CODE_WRONG_KIND' });
  });
});
