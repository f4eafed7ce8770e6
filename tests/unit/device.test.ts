// The PBX side, end to end against a real (test) CA: every answer is built here the way the
// authority builds it, then broken in exactly one way. A refused answer must leave the state
// folder byte for byte as it was.
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCertificate, keyIdentifier, type Issuer } from '../../src/licensing/certificate';
import { codeToPem, decodeCode, encodeAnswerCode } from '../../src/licensing/codes';
import type { Binding, LicensedFeature } from '../../src/licensing/extensions';
import { caName, encodeSubject } from '../../src/licensing/names';
import { toPem } from '../../src/licensing/pem';
import { parseRequest, type ParsedRequest } from '../../src/licensing/request';
import { currentKey, initPbx, installAnswer, pbxStatus, pendingCode, trustedRootPem } from '../../src/device/simulator';
import { isLdError, type LdError } from '../../src/shared/errors';

const DAY = 86_400_000;
const NOW = Date.now();
const at = (days: number): Date => new Date(NOW + days * DAY);
const spkiOf = (k: KeyObject): Buffer =>
  (k.type === 'private' ? createPublicKey(k) : k).export({ type: 'spki', format: 'der' });
const FEATURES: LicensedFeature[] = [
  { number: 11, quantity: 8, notAfter: null, source: 'grant' },
  { number: 12, quantity: 1, notAfter: new Date(Math.floor(at(30).getTime() / 1000) * 1000), source: 'grant' },
];

interface Ca {
  rootDer: Buffer;
  rootPem: string;
  issuing: Issuer;
  issuingDer: Buffer;
}

function makeCa(name: string): Ca {
  const root = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rootSpki = spkiOf(root.publicKey);
  const rootIssuer: Issuer = { name: caName(`${name} Root`), key: root.privateKey, keyId: keyIdentifier(rootSpki) };
  const rootDer = buildCertificate({
    issuer: rootIssuer,
    subject: rootIssuer.name,
    spkiDer: rootSpki,
    notBefore: at(-10),
    notAfter: at(3650),
    ca: {},
  });
  const mid = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const midSpki = spkiOf(mid.publicKey);
  const issuing: Issuer = { name: caName(`${name} Issuing`), key: mid.privateKey, keyId: keyIdentifier(midSpki) };
  const issuingDer = buildCertificate({
    issuer: rootIssuer,
    subject: issuing.name,
    spkiDer: midSpki,
    notBefore: at(-10),
    notAfter: at(1000),
    ca: { pathLen: 0 },
  });
  return { rootDer, rootPem: toPem('CERTIFICATE', rootDer), issuing, issuingDer };
}

const ca = makeCa('Test');
const otherCa = makeCa('Other');

interface LeafOptions {
  serial?: string;
  model?: string | null;
  spkiDer?: Uint8Array;
  binding?: Partial<Binding>;
  licence?: false;
  notBefore?: Date;
  notAfter?: Date;
  from?: Ca;
}

const requestOf = (initCode: string): ParsedRequest => parseRequest(decodeCode(initCode, 'init').ders[0]!);

/** Answers an initialisation code the way the authority does, changed as `o` says. */
function answer(initCode: string, o: LeafOptions = {}): { code: string; leafDer: Buffer } {
  const req = requestOf(initCode);
  const device = req.device!;
  const issuer = o.from ?? ca;
  const model = o.model === null ? undefined : (o.model ?? req.model);
  const binding = {
    hostFingerprint: device.hostFingerprint,
    nonce: device.nonce,
    generation: device.generation,
    ...o.binding,
  };
  const leafDer = buildCertificate({
    issuer: issuer.issuing,
    subject: encodeSubject({ serial: o.serial ?? req.serial, ...(model ? { model } : {}) }),
    spkiDer: o.spkiDer ?? req.spkiDer,
    notBefore: o.notBefore ?? at(-1),
    notAfter: o.notAfter ?? at(365),
    ...(o.licence === false ? {} : { licence: { features: FEATURES, binding } }),
  });
  return { leafDer, code: encodeAnswerCode(leafDer, [issuer.issuingDer]) };
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ld-device-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const PBX = { serial: 'CTX-1001', model: 'comtrexx-vm' };
const init = (extra: Partial<Parameters<typeof initPbx>[1]> = {}) =>
  initPbx(dir, { ...PBX, trustPem: ca.rootPem, ...extra });

/** Name, mode and SHA-256 of every file in the folder. */
async function snapshot(folder: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(folder)).sort()) {
    const path = join(folder, name);
    if (!(await stat(path)).isFile()) continue;
    const mode = ((await stat(path)).mode & 0o777).toString(8);
    out[name] = `${mode} ${createHash('sha256')
      .update(await readFile(path))
      .digest('hex')}`;
  }
  return out;
}

/** The LdError a promise rejects with; fails the test on success or on any other kind of failure. */
async function failure(p: Promise<unknown>): Promise<LdError> {
  try {
    await p;
  } catch (e) {
    if (isLdError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal, but it succeeded');
}

/** The install is refused with `code` and the state folder is unchanged. */
async function refused(text: string, code: string, now?: Date): Promise<LdError> {
  const before = await snapshot(dir);
  const e = await failure(installAnswer(dir, text, now));
  expect(e.code).toBe(code);
  expect(await snapshot(dir)).toEqual(before);
  return e;
}

describe('init and install: the happy path', () => {
  it('makes a code, installs its answer and reports the licences', async () => {
    const { code, generation } = await init();
    expect(generation).toBe(1);
    const req = requestOf(code);
    expect(req).toMatchObject({
      serial: 'CTX-1001',
      model: 'comtrexx-vm',
      device: { generation: 1, firmware: '8.4.1' },
    });
    expect(await pbxStatus(dir)).toMatchObject({ state: 'unlicensed', pending: true, generation: 1, licences: [] });
    expect(await pendingCode(dir)).toBe(code);

    const { code: answerCode, leafDer } = answer(code);
    const now = new Date();
    const result = await installAnswer(dir, answerCode, now);
    expect(result).toMatchObject({ serial: 'CTX-1001', state: 'licensed', pending: false, installedGeneration: 1 });
    expect(result.certificate?.issuer).toBe('Test Issuing');
    expect(result.licences).toEqual([
      { number: 11, quantity: 8, notAfter: null, source: 'grant', expired: false, usable: true },
      {
        number: 12,
        quantity: 1,
        notAfter: FEATURES[1]!.notAfter!.toISOString(),
        source: 'grant',
        expired: false,
        usable: true,
      },
    ]);
    expect(await pbxStatus(dir, now)).toEqual(result);
    expect(await pendingCode(dir)).toBeUndefined();
    expect(spkiOf(await currentKey(dir))).toEqual(parseRequest(requestOf(code).der).spkiDer);
    expect(await trustedRootPem(dir)).toBe(ca.rootPem);
    expect(Object.keys(await snapshot(dir))).toEqual([
      'clock.json',
      'key-1.pem',
      'licence-1.pem',
      'pbx.json',
      'trust.pem',
    ]);
    expect(await readFile(join(dir, 'licence-1.pem'), 'utf8')).toBe(
      toPem('CERTIFICATE', leafDer) + toPem('CERTIFICATE', ca.issuingDer),
    );
  });

  it('accepts the answer as PEM too, and creates a missing folder', async () => {
    dir = join(dir, 'nested', 'pbx');
    const { code } = await init();
    const pem = codeToPem(decodeCode(answer(code).code, 'answer'));
    expect((await installAnswer(dir, pem)).state).toBe('licensed');
  });

  it('reports expired certificates and expired features by the given clock', async () => {
    const { code } = await init();
    await installAnswer(dir, answer(code).code);
    const later = await pbxStatus(dir, at(60));
    // Never checked online in 60 days: restricted (docs/device.md), the licence lines still say what ended.
    expect(later.state).toBe('restricted');
    expect(later.licences.map((l) => l.expired)).toEqual([false, true]);
    const end = await pbxStatus(dir, at(400));
    expect(end.state).toBe('expired');
    expect(end.licences.every((l) => l.expired)).toBe(true);
  });

  it('Ed25519 and RSA device keys work', async () => {
    for (const keyType of ['ed25519', 'rsa'] as const) {
      dir = await mkdtemp(join(tmpdir(), `ld-device-${keyType}-`));
      try {
        const { code } = await init({ keyType });
        expect(requestOf(code).key.type).toBe(keyType);
        expect((await installAnswer(dir, answer(code).code)).state).toBe('licensed');
        expect((await currentKey(dir)).asymmetricKeyType).toBe(keyType);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });

  it.skipIf(process.platform === 'win32')('writes key files and pbx.json with mode 0600', async () => {
    const { code } = await init();
    await installAnswer(dir, answer(code).code);
    await init();
    const snap = await snapshot(dir);
    for (const name of ['key-1.pem', 'key-2.pem', 'pbx.json']) expect(snap[name]?.split(' ')[0]).toBe('600');
  });

  it('serialises concurrent installs of one answer: one wins, the other finds nothing waiting', async () => {
    const { code } = await init();
    const text = answer(code).code;
    const results = await Promise.allSettled([installAnswer(dir, text), installAnswer(dir, text)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toMatchObject({ code: 'PBX_NO_PENDING' });
  });
});

describe('initialisation', () => {
  it('counts generations, keeps the trust root and host fingerprint, and retires the older waiting key', async () => {
    const first = requestOf((await init({ hostName: 'pbx-a' })).code);
    const second = await initPbx(dir, PBX);
    expect(second.generation).toBe(2);
    const req = requestOf(second.code);
    expect(req.device).toMatchObject({ generation: 2, hostName: 'pbx-a' });
    expect(req.device!.hostFingerprint).toEqual(first.device!.hostFingerprint);
    expect(req.device!.nonce).not.toEqual(first.device!.nonce);
    expect(req.spkiDer).not.toEqual(first.spkiDer);
    expect(Object.keys(await snapshot(dir))).toEqual(['clock.json', 'key-2.pem', 'pbx.json', 'trust.pem']);
    expect(await trustedRootPem(dir)).toBe(ca.rootPem);
  });

  it('uses a given host fingerprint and firmware', async () => {
    const hostFingerprint = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
    const req = requestOf((await init({ hostFingerprint, firmware: '9.0.0' })).code);
    expect(req.device).toMatchObject({ hostFingerprint, firmware: '9.0.0' });
  });

  it('refuses another identity, a missing or unusable trust root, and writes nothing', async () => {
    expect((await failure(initPbx(dir, PBX))).code).toBe('PBX_TRUST_REQUIRED');
    const leaf = answer((await initPbx(join(dir, 'x'), { ...PBX, trustPem: ca.rootPem })).code).leafDer;
    expect((await failure(initPbx(dir, { ...PBX, trustPem: toPem('CERTIFICATE', leaf) }))).code).toBe(
      'PBX_TRUST_INVALID',
    );
    expect(await readdir(dir)).toEqual(['x']);
    await init();
    const before = await snapshot(dir);
    for (const other of [
      { ...PBX, serial: 'CTX-2002' },
      { ...PBX, model: 'comtrexx-business' },
    ]) {
      const e = await failure(initPbx(dir, other));
      expect(e.code).toBe('PBX_IDENTITY_MISMATCH');
      expect(e.message).toContain('CTX-1001');
    }
    expect((await failure(initPbx(dir, { ...PBX, firmware: 'bad\u0000' }))).code).toBe('DEVICE_INFO_MALFORMED');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('reports a missing or damaged state folder with its path', async () => {
    const missing = join(dir, 'nothing-here');
    const ops = [
      () => pbxStatus(missing),
      () => installAnswer(missing, 'x'),
      () => currentKey(missing),
      () => trustedRootPem(missing),
    ];
    for (const op of ops) {
      expect(await failure(op())).toMatchObject({ code: 'PBX_STATE_MISSING', params: { path: missing } });
    }
    const { code } = await init();
    const saved = await readFile(join(dir, 'pbx.json'), 'utf8');
    for (const broken of ['{not json', JSON.stringify({ ...JSON.parse(saved), generation: -1 })]) {
      await writeFile(join(dir, 'pbx.json'), broken);
      expect(await failure(pbxStatus(dir))).toMatchObject({
        code: 'PBX_STATE_CORRUPT',
        params: { path: join(dir, 'pbx.json') },
      });
    }
    await writeFile(join(dir, 'pbx.json'), saved);
    await rm(join(dir, 'key-1.pem'));
    expect((await failure(installAnswer(dir, answer(code).code))).code).toBe('PBX_STATE_CORRUPT');
  });
});

describe('install refuses, in order, and writes nothing', () => {
  it('PBX_NO_PENDING: nothing waiting, saying so when the answer is already installed', async () => {
    const { code } = await init();
    const first = answer(code);
    await installAnswer(dir, first.code);
    const again = await refused(first.code, 'PBX_NO_PENDING');
    expect(again.message).toContain('already installed');
    const other = await refused(answer(code).code, 'PBX_NO_PENDING');
    expect(other.message).not.toContain('already installed');
  });

  it('CHAIN_UNTRUSTED: an answer from another CA', async () => {
    const { code } = await init();
    await refused(answer(code, { from: otherCa }).code, 'CHAIN_UNTRUSTED');
    await refused(encodeAnswerCode(answer(code).leafDer, []), 'CHAIN_UNTRUSTED');
  });

  it('ANSWER_STALE: an answer to an earlier code, by key or by binding generation', async () => {
    const old = (await init()).code;
    const current = (await init()).code;
    const e = await refused(answer(old).code, 'ANSWER_STALE');
    expect(e.message).toContain(
      'made for an older initialisation code (generation 1); this PBX waits for generation 2',
    );
    const foreignKey = spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
    await refused(answer(current, { spkiDer: foreignKey, binding: { generation: 1 } }).code, 'ANSWER_STALE');
    // The older key alone is enough, even if the binding claims the waiting generation.
    await refused(answer(old, { binding: { generation: 2 } }).code, 'ANSWER_STALE');
    expect((await installAnswer(dir, answer(current).code)).installedGeneration).toBe(2);
  });

  it('ANSWER_STALE: a replayed, once installed answer after a new init; the installed licence stays', async () => {
    const first = answer((await init()).code);
    await installAnswer(dir, first.code);
    await init();
    const e = await refused(first.code, 'ANSWER_STALE');
    expect(e.params).toEqual({ answerGeneration: 1, waitingGeneration: 2 });
    expect(await pbxStatus(dir)).toMatchObject({
      state: 'licensed',
      installedGeneration: 1,
      pending: true,
      generation: 2,
    });
  });

  it('ANSWER_WRONG_KEY: the right binding on a key this PBX never made', async () => {
    const { code } = await init();
    const foreignKey = spkiOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
    await refused(answer(code, { spkiDer: foreignKey }).code, 'ANSWER_WRONG_KEY');
  });

  it('ANSWER_WRONG_DEVICE and ANSWER_WRONG_MODEL; an answer without a model is fine', async () => {
    const { code } = await init();
    const e = await refused(answer(code, { serial: 'CTX-9999' }).code, 'ANSWER_WRONG_DEVICE');
    expect(e.message).toContain('CTX-9999');
    expect(e.message).toContain('CTX-1001');
    await refused(answer(code, { model: 'comtrexx-business' }).code, 'ANSWER_WRONG_MODEL');
    expect((await installAnswer(dir, answer(code, { model: null }).code)).state).toBe('licensed');
  });

  it('ANSWER_NO_LICENCE', async () => {
    const { code } = await init();
    await refused(answer(code, { licence: false }).code, 'ANSWER_NO_LICENCE');
  });

  it('ANSWER_BINDING_MISMATCH names the field that differs', async () => {
    const { code } = await init();
    const cases: [Partial<Binding>, string][] = [
      [{ nonce: new Uint8Array(16) }, 'nonce'],
      [{ generation: 7 }, 'generation'],
      [{ hostFingerprint: new Uint8Array(16).fill(9) }, 'host fingerprint'],
    ];
    for (const [binding, field] of cases) {
      const e = await refused(answer(code, { binding }).code, 'ANSWER_BINDING_MISMATCH');
      expect(e.params).toMatchObject({ fields: [field] });
      expect(e.message).toContain(field);
    }
  });

  it('the validity window: expired, not yet valid, or a PBX clock past the end; checked last', async () => {
    const { code } = await init();
    await refused(answer(code, { notBefore: at(-10), notAfter: at(-1) }).code, 'CERT_EXPIRED');
    await refused(answer(code, { notBefore: at(1), notAfter: at(10) }).code, 'CERT_NOT_YET_VALID');
    await refused(answer(code).code, 'CERT_EXPIRED', at(400));
    // Checked last: an expired answer that is also for another PBX says the more useful thing...
    await refused(
      answer(code, { notAfter: at(-1), notBefore: at(-10), serial: 'CTX-9999' }).code,
      'ANSWER_WRONG_DEVICE',
    );
    // ...but never at the cost of its signature: an expired answer from another CA is still untrusted.
    await refused(answer(code, { notAfter: at(-1), notBefore: at(-10), from: otherCa }).code, 'CHAIN_UNTRUSTED');
  });

  it('one changed byte anywhere in the answer certificate is refused', async () => {
    const { code } = await init();
    const { leafDer } = answer(code);
    const before = await snapshot(dir);
    const codes = new Map<string, number>();
    for (let i = 0; i < leafDer.length; i++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const changed = Buffer.from(leafDer);
        changed[i]! ^= mask;
        const pem = toPem('CERTIFICATE', changed) + toPem('CERTIFICATE', ca.issuingDer);
        const e = await failure(installAnswer(dir, pem)).catch((err: unknown) => {
          throw new Error(`byte ${i} ^ 0x${mask.toString(16)} of ${leafDer.length}: ${String(err)}`);
        });
        codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
      }
    }
    expect(await snapshot(dir)).toEqual(before);
    expect(codes.has('SIGNATURE_INVALID')).toBe(true);
    expect((await installAnswer(dir, answer(code).code)).state).toBe('licensed');
  });
});
