// The root offline and `ca rotate`, through the real CLI on real files: init writes the root key
// only sealed (with its own passphrase) to a file outside the data folder; rotate, given that
// file, makes a new issuing CA; a PBX that trusted the root before the rotation installs an
// answer of the new issuing CA, and openssl verifies the chain to the root.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { rootPem } from '../../src/authority/ca';
import { initPbx, installAnswer } from '../../src/device/simulator';
import { decodeCode } from '../../src/licensing/codes';
import { toPem } from '../../src/licensing/pem';
import { tempDir } from '../support/fixtures';
import { cli, type CliResult } from '../server/support';

const ROOT_ENV = { LICENCE_DESK_ROOT_PASSPHRASE: 'root passphrase kept offline' };
const ok = (r: CliResult): string => {
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
};
/** Bad input exits 2, something absent 1 (src/cli/main.ts). */
const refused = (r: CliResult, code: string, status = 2): void => {
  expect(r.stderr).toMatch(new RegExp(`^licence-desk: .*\\[${code}\\]\\n$`));
  expect(r.status).toBe(status);
};
const openssl = (args: string[], cwd: string) =>
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

describe('the root offline and ca rotate', () => {
  it('init seals the root to the kept file; rotate with it makes a new issuing CA the old PBX accepts', async () => {
    const dir = join(tempDir(), 'data');
    const work = tempDir('ld-rotate-');
    const rootFile = join(work, 'root.key.sealed');
    const said = ok(await cli(['--data', dir, 'init', '--root-out', rootFile], ROOT_ENV));
    expect(said).toContain(`The root key is sealed in ${rootFile}. Move it offline`);
    expect(existsSync(join(dir, 'ca', 'root.key.sealed'))).toBe(false);
    expect(JSON.parse(readFileSync(rootFile, 'utf8'))).toMatchObject({ kdf: 'scrypt' });

    // A PBX trusting the root, before the rotation; its initialisation code is answered after it.
    const a = await Authority.open({ dataDir: dir });
    await a.call('devices.add', { serial: 'ROT-0001', model: 'comtrexx-vm' });
    await a.call('licences.grant', { serial: 'ROT-0001', feature: 11, quantity: 2 });
    await a.close();
    const pbx = join(work, 'pbx');
    const { code } = await initPbx(pbx, { serial: 'ROT-0001', model: 'comtrexx-vm', trustPem: rootPem(dir) });
    const before = readFileSync(join(dir, 'ca', 'issuing.pem'), 'utf8');

    refused(await cli(['--data', dir, 'ca', 'rotate']), 'ROOT_KEY_MISSING', 1);
    refused(
      await cli(['--data', dir, 'ca', 'rotate', '--root', rootFile], { LICENCE_DESK_ROOT_PASSPHRASE: 'wrong' }),
      'KEY_PASSPHRASE_WRONG',
    );
    const stranger = join(tempDir(), 'other');
    ok(await cli(['--data', stranger, 'init', '--root-out', join(work, 'other-root')], ROOT_ENV));
    refused(
      await cli(['--data', dir, 'ca', 'rotate', '--root', join(work, 'other-root')], ROOT_ENV),
      'ROOT_KEY_MISMATCH',
    );
    expect(readFileSync(join(dir, 'ca', 'issuing.pem'), 'utf8')).toBe(before); // nothing changed

    ok(await cli(['--data', dir, 'ca', 'rotate', '--root', rootFile], ROOT_ENV));
    const after = readFileSync(join(dir, 'ca', 'issuing.pem'), 'utf8');
    expect(after).not.toBe(before);
    expect(openssl(['x509', '-in', 'ca/issuing.pem', '-noout', '-subject'], dir)).toContain('Issuing CA 2');
    expect(openssl(['verify', '-CAfile', 'ca/root.pem', 'ca/issuing.pem'], dir)).toBe('ca/issuing.pem: OK\n');
    expect(existsSync(join(dir, 'ca.next'))).toBe(false);

    const b = await Authority.open({ dataDir: dir });
    const answer = await b.call('certificates.recreate', { serial: 'ROT-0001', initCode: code });
    await b.close();
    expect(await installAnswer(pbx, answer.code)).toMatchObject({ serial: 'ROT-0001', state: 'licensed' });
    const [leaf, ...chain] = decodeCode(answer.code, 'answer').ders;
    expect(toPem('CERTIFICATE', chain[0]!)).toBe(after);
    writeFileSync(join(work, 'leaf.pem'), toPem('CERTIFICATE', leaf!));
    writeFileSync(join(work, 'chain.pem'), after);
    expect(
      openssl(['verify', '-CAfile', join(dir, 'ca', 'root.pem'), '-untrusted', 'chain.pem', 'leaf.pem'], work),
    ).toBe('leaf.pem: OK\n');
    // The audit log still verifies: its signer's certificate was re-issued for the same key.
    ok(await cli(['--data', dir, 'audit', 'verify']));
  });
});
