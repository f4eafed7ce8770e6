// OpenSSL as the independent judge: our requests and answers must pass its checks, and requests
// it makes must be accepted (or refused for the right reason).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/licensing/certificate';
import { decodeCode } from '../../src/licensing/codes';
import { toPem } from '../../src/licensing/pem';
import { freshAuthority, makeRequest, recreate, tempDir } from '../support/fixtures';

const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

async function registered(serial: string, model = 'comtrexx-vm') {
  const ctx = await freshAuthority();
  await ctx.authority.call('devices.add', { serial, model });
  await ctx.authority.call('licences.grant', { serial: serial, feature: 'user-licence', quantity: 10 });
  return ctx;
}

/** Makes a request with OpenSSL; extra args choose the key and extensions. */
function opensslRequest(dir: string, subj: string, keyArgs: string[], extra: string[] = []): string {
  openssl([...keyArgs, '-out', 'key.pem'], dir);
  openssl(['req', '-new', '-key', 'key.pem', '-subj', subj, '-out', 'req.pem', ...extra], dir);
  return readFileSync(join(dir, 'req.pem'), 'utf8');
}

const EC256 = ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];

describe('OpenSSL interoperability', () => {
  it('our initialisation code passes openssl req -verify', () => {
    const dir = tempDir();
    const req = makeRequest('AB0001', 'comtrexx-vm');
    writeFileSync(join(dir, 'req.pem'), toPem('CERTIFICATE REQUEST', decodeCode(req.code, 'init').ders[0]!));
    // openssl exits non-zero (and execFileSync throws) if the self-signature does not verify.
    openssl(['req', '-verify', '-noout', '-in', 'req.pem'], dir);
    expect(openssl(['req', '-noout', '-subject', '-in', 'req.pem'], dir)).toMatch(
      /serialNumber\s*=\s*AB0001, CN\s*=\s*comtrexx-vm/,
    );
  });

  it('our answer passes openssl verify with the root and the chain', async () => {
    const { authority, dir } = await registered('AB0002');
    const answer = await recreate(authority, makeRequest('AB0002', 'comtrexx-vm').code, 'AB0002');
    const [leaf, ...chain] = decodeCode(answer.code, 'answer').ders;
    writeFileSync(join(dir, 'leaf.pem'), toPem('CERTIFICATE', leaf!));
    writeFileSync(join(dir, 'chain.pem'), chain.map((c) => toPem('CERTIFICATE', c)).join(''));
    expect(openssl(['verify', '-CAfile', 'ca/root.pem', '-untrusted', 'chain.pem', 'leaf.pem'], dir)).toContain(
      'leaf.pem: OK',
    );
    const text = openssl(['x509', '-in', 'leaf.pem', '-noout', '-text'], dir);
    expect(text).toContain('ecdsa-with-SHA256');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).not.toMatch(/sha1/i);
  });

  it('a leaf from another authority fails openssl verify against our root', async () => {
    const a = await registered('AB0003');
    const b = await registered('AB0003');
    const answer = await recreate(b.authority, makeRequest('AB0003', 'comtrexx-vm').code);
    const [leaf, ...chain] = decodeCode(answer.code, 'answer').ders;
    writeFileSync(join(a.dir, 'leaf.pem'), toPem('CERTIFICATE', leaf!));
    writeFileSync(join(a.dir, 'chain.pem'), chain.map((c) => toPem('CERTIFICATE', c)).join(''));
    expect(() => openssl(['verify', '-CAfile', 'ca/root.pem', '-untrusted', 'chain.pem', 'leaf.pem'], a.dir)).toThrow();
  });

  it('a plain openssl req with only serialNumber and CN is accepted and answered', async () => {
    const { authority, dir } = await registered('OSSL42');
    const pem = opensslRequest(dir, '/serialNumber=OSSL42/CN=comtrexx-vm', EC256);
    const answer = await recreate(authority, pem, 'OSSL42');
    const leaf = parseCertificate(decodeCode(answer.code, 'answer').ders[0]!);
    const reqKey = openssl(['req', '-in', 'req.pem', '-noout', '-pubkey'], dir);
    writeFileSync(join(dir, 'leaf.pem'), toPem('CERTIFICATE', leaf.der));
    expect(openssl(['x509', '-in', 'leaf.pem', '-noout', '-pubkey'], dir)).toBe(reqKey);
    expect(leaf.licence?.binding.generation).toBe(1);
  });

  it.each([
    ['Ed25519', ['genpkey', '-algorithm', 'ED25519']],
    ['RSA-2048', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']],
  ])('an openssl request with an %s key is accepted', async (_name, keyArgs) => {
    const { authority, dir } = await registered('KEY01');
    const answer = await recreate(
      authority,
      opensslRequest(dir, '/serialNumber=KEY01/CN=comtrexx-vm', keyArgs),
      'KEY01',
    );
    expect(answer.serial).toBe('KEY01');
  });

  it.each([
    [
      'RSA-1024',
      ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
      [],
      '/serialNumber=R1/CN=comtrexx-vm',
      'KEY_TOO_SMALL',
    ],
    [
      'P-384',
      ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
      [],
      '/serialNumber=R1/CN=comtrexx-vm',
      'KEY_CURVE_UNSUPPORTED',
    ],
    ['no serialNumber', EC256, [], '/CN=comtrexx-vm', 'SUBJECT_NO_SERIAL'],
    [
      'CA:TRUE asked',
      EC256,
      ['-addext', 'basicConstraints=critical,CA:TRUE'],
      '/serialNumber=R1/CN=comtrexx-vm',
      'REQUEST_ASKS_CA',
    ],
    [
      'SHA-1 signature',
      ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
      ['-sha1'],
      '/serialNumber=R1/CN=comtrexx-vm',
      'SIGNATURE_SHA1',
    ],
    ['an extra O attribute', EC256, [], '/serialNumber=R1/O=Evil/CN=comtrexx-vm', 'SUBJECT_UNSUPPORTED'],
  ])('an openssl request with %s is refused with its own error', async (_name, keyArgs, extra, subj, code) => {
    const { authority, dir } = await registered('R1');
    const pem = opensslRequest(dir, subj, keyArgs, extra);
    await expect(recreate(authority, pem, 'R1')).rejects.toMatchObject({ code });
    expect((await authority.call('devices.get', { serial: 'R1' })).certificates).toHaveLength(0);
  });
});
