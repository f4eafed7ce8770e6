// The server's issuing key in a hardware module, against a real SoftHSM2 token the test creates:
// `ca hsm-issue` makes the key inside the token, `serve --issuing-key pkcs11:…` signs every answer
// and receipt through PKCS#11, the simulated PBX installs the answer and accepts the receipt, and
// `openssl verify` accepts the chain. Then every way the URI or the token can be wrong.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { initPbx, installAnswer } from '../../src/device/simulator';
import { decodeCode } from '../../src/licensing/codes';
import { fromPem, toPem } from '../../src/licensing/pem';
import { tempDir } from '../support/fixtures';
import { freshPgDatabase, pgAvailable } from '../support/postgres';
import { cli, startServe, type CliResult } from '../server/support';
import { createSoftTokens, softhsmMissing, type SoftToken } from '../support/softhsm';

const missing = softhsmMissing();
if (missing && process.env.CI) throw new Error(`SoftHSM2 is required in CI: ${missing}`);
if (missing) console.warn(`hsm.test.ts skipped: ${missing}`);

const done = (r: CliResult): string => {
  expect(r.stderr, 'stderr').toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};
const failed = (r: CliResult, status: number, code: string): string => {
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(new RegExp(`^licence-desk: .*\\[${code}\\]\\n$`));
  expect(r.status, r.stderr).toBe(status);
  return r.stderr;
};
const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

describe.skipIf(!!missing)('the issuing key in an HSM (SoftHSM2, PKCS#11)', () => {
  let token: SoftToken;
  let other: SoftToken;
  let dir: string;
  const kept: string[] = [];
  afterAll(() => kept.forEach((d) => rmSync(d, { recursive: true, force: true })));

  beforeAll(async () => {
    const soft = createSoftTokens(['LD-Issuing', 'LD-Other']);
    [token, other] = soft.tokens as [SoftToken, SoftToken];
    // One authority for the whole file (tempDir's folders go after each test); removed in afterAll.
    dir = mkdtempSync(join(tmpdir(), 'ld-hsm-'));
    kept.push(dir, soft.dir);
    await Authority.init(dir);
    const issued = done(
      await cli(['--data', dir, 'ca', 'hsm-issue', '--issuing-key', token.uri('issuing')], token.env),
    );
    expect(issued).toContain('-----BEGIN CERTIFICATE-----');
    // A second key in the same token: a real key, but not the one the stored certificate names.
    const elsewhere = mkdtempSync(join(tmpdir(), 'ld-hsm-'));
    kept.push(elsewhere);
    await Authority.init(elsewhere);
    done(await cli(['--data', elsewhere, 'ca', 'hsm-issue', '--issuing-key', token.uri('stray')], token.env));
  });

  it('hsm-issue stores an issuing CA the root signed, and refuses to make the same key twice', async () => {
    expect(openssl(['verify', '-CAfile', 'ca/root.pem', 'ca/issuing-hsm.pem'], dir)).toContain('OK');
    const text = openssl(['x509', '-in', 'ca/issuing-hsm.pem', '-noout', '-text'], dir);
    expect(text).toContain('Licence Desk HSM Issuing CA');
    expect(text).toMatch(/CA:TRUE, pathlen:1/);
    expect(text).toContain('prime256v1');
    const before = readFileSync(join(dir, 'ca', 'issuing-hsm.pem'), 'utf8');
    failed(
      await cli(['--data', dir, 'ca', 'hsm-issue', '--issuing-key', token.uri('issuing')], token.env),
      1,
      'HSM_KEY_EXISTS',
    );
    expect(readFileSync(join(dir, 'ca', 'issuing-hsm.pem'), 'utf8')).toBe(before);
  });

  it.each(['sqlite', 'postgres'])(
    'serve --issuing-key on %s signs answers and receipts in the token: the PBX installs and verifies, openssl agrees',
    async (store) => {
      if (store === 'postgres' && !pgAvailable()) return void console.warn('PostgreSQL part skipped: not installed');
      const database = store === 'postgres' ? ['--database', await freshPgDatabase()] : [];
      const server = await startServe(dir, ['--issuing-key', token.uri('issuing'), ...database], token.env);
      expect(server.dialect).toBe(store);
      // Scratch files (PBX state, PEM copies) outside the data folder, which is owner-only and checked.
      const work = tempDir(`ld-hsm-${store}-`);
      const vendor = ['--server', server.url, '--token', server.token()!];
      done(await cli([...vendor, 'reseller', 'create', '--name', 'HSM Telecom']));
      const reseller = done(
        await cli([...vendor, 'token', 'create', '--role', 'reseller', '--reseller', 'HSM Telecom', '--label', 'desk']),
      ).trim();
      const as = ['--server', server.url, '--token', reseller];
      done(await cli([...as, 'device', 'add', '--serial', 'HSM-0001', '--model', 'comtrexx-vm']));
      done(await cli([...as, 'licence', 'grant', '--serial', 'HSM-0001', '--feature', '11', '--quantity', '5']));
      const pbx = join(work, 'pbx');
      const rootPem = done(await cli(['--server', server.url, 'ca', 'export']));
      const { code: init } = await initPbx(pbx, { serial: 'HSM-0001', model: 'comtrexx-vm', trustPem: rootPem });
      const answer = done(await cli([...as, 'certificate', 'recreate', '--serial', 'HSM-0001'], {}, init)).trim();
      expect(await installAnswer(pbx, answer)).toMatchObject({ serial: 'HSM-0001', state: 'licensed' });

      const [leaf, ...chain] = decodeCode(answer, 'answer').ders;
      const hsmCa = fromPem(readFileSync(join(dir, 'ca', 'issuing-hsm.pem'), 'utf8'))[0]!.der;
      expect(chain.map((c) => Buffer.from(c).toString('hex'))).toEqual([Buffer.from(hsmCa).toString('hex')]);
      writeFileSync(join(work, 'leaf.pem'), toPem('CERTIFICATE', leaf!));
      writeFileSync(join(work, 'chain.pem'), chain.map((c) => toPem('CERTIFICATE', c)).join(''));
      const root = join(dir, 'ca', 'root.pem');
      expect(openssl(['verify', '-CAfile', root, '-untrusted', 'chain.pem', 'leaf.pem'], work)).toBe('leaf.pem: OK\n');
      // The file-based issuing CA did not sign it: the chain check fails with it instead.
      expect(() =>
        openssl(['verify', '-CAfile', root, '-untrusted', join(dir, 'ca', 'issuing.pem'), 'leaf.pem'], work),
      ).toThrow();

      // The online check's receipt is signed in the token too, and the PBX accepts it.
      const verified = JSON.parse(done(await cli(['--server', server.url, 'pbx', 'verify', '--state', pbx, '--json'])));
      expect(verified).toMatchObject({ outcome: 'verified', receipt: { status: 'valid' } });
      expect(verified.receipt.chain).toEqual([Buffer.from(hsmCa).toString('base64')]);

      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    },
  );

  const serve = (uri: string, env: NodeJS.ProcessEnv = token.env, data = dir) =>
    cli(['--data', data, 'serve', '--port', '0', '--issuing-key', uri], env);

  it('a wrong PIN, an unset PIN variable, and a bad URI are bad input (exit 2), each with its own code', async () => {
    const uri = token.uri('issuing');
    const runs = await Promise.all([
      serve(uri, { ...token.env, LD_TEST_HSM_PIN: '000000' }),
      serve(uri, { SOFTHSM2_CONF: token.env.SOFTHSM2_CONF! }),
      serve(uri.replace('token=', 'tokn=')),
      serve(uri.replace('type=private', 'type=cert')),
      serve(uri.replace('module-path=', 'module-path=lib')),
      serve(uri.replace('/usr/lib/softhsm/', '/nowhere/')),
    ]);
    const codes = ['HSM_PIN_INCORRECT', 'HSM_PIN_MISSING', 'PKCS11_URI_INVALID', 'PKCS11_URI_INVALID'];
    const [, , tokn, type, relative, nowhere] = runs.map((r, i) =>
      failed(r, 2, [...codes, 'PKCS11_URI_INVALID', 'HSM_MODULE_UNAVAILABLE'][i]!),
    );
    expect(tokn).toContain('"tokn" is not a path attribute');
    expect(type).toContain('type must be "private"');
    expect(relative).toContain('module-path is missing or not absolute');
    expect(nowhere).toContain('/nowhere/libsofthsm2.so cannot be loaded');
  });

  it('an unknown token, a missing key, another key, and a folder without the HSM certificate are refused (exit 1 or 2)', async () => {
    const bare = tempDir();
    await Authority.init(bare);
    const [unknown, noKey, otherToken, stray, noCert] = await Promise.all([
      serve(token.uri('issuing').replace('LD-Issuing', 'LD-Nowhere')),
      serve(token.uri('no-such-key')),
      serve(other.uri('issuing')),
      serve(token.uri('stray')),
      serve(token.uri('issuing'), token.env, bare),
    ]);
    const tokens = /\(tokens there: (.*)\)\./.exec(failed(unknown!, 1, 'HSM_TOKEN_NOT_FOUND'))?.[1]?.split(', ');
    expect(tokens?.sort()).toEqual(['"LD-Issuing"', '"LD-Other"']); // the initialised tokens, to spot a typo
    expect(failed(noKey!, 1, 'HSM_KEY_NOT_FOUND')).toContain('object="no-such-key"');
    failed(otherToken!, 1, 'HSM_KEY_NOT_FOUND');
    failed(stray!, 2, 'HSM_KEY_MISMATCH');
    failed(noCert!, 1, 'HSM_CERTIFICATE_MISSING');
  });
});
