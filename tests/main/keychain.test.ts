// The OS keychain module against the real Secret Service (gnome-keyring in the D-Bus session that
// scripts/with-keyring.sh starts): secrets round-trip and are gone when deleted; a process with no
// Secret Service, or with a locked keyring, is refused with a message that says what to install or
// unlock. Those two run in processes of their own, since a D-Bus connection lasts for the process.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keychainError, osKeychain } from '../../src/main/services/keychain';
import { serverTokens } from '../../src/main/services/secrets';
import { REPO } from '../support/cli';
import { skipWithoutKeychain, testKeychainService } from '../support/keyring';

const skip = await skipWithoutKeychain();
const CHILD = join(REPO, 'tests', 'main', 'keychain-child.ts');
const service = testKeychainService();
const keychain = osKeychain(service);
afterEach(async () => {
  for (const a of ['token', 'server-token http://127.0.0.1:8417', 'server-token https://licences.example/desk'])
    await keychain.delete(a);
});

/** One keychain call in a child process with `env`; `wrap` runs it under another command (a shell line). */
function child(env: NodeJS.ProcessEnv, args: string[], wrap?: (cmd: string) => string[]) {
  const cmd = [process.execPath, '--import', 'tsx', CHILD, service, ...args];
  const quoted = cmd.map((a) => `'${a}'`).join(' ');
  const [file, ...rest] = wrap ? wrap(quoted) : cmd;
  const r = spawnSync(file!, rest, { cwd: REPO, env, encoding: 'utf8', timeout: 50_000 });
  return JSON.parse(r.stdout || `{"spawn":${JSON.stringify(r.stderr)}}`) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: string };
  };
}

describe.skipIf(skip)('the OS keychain (real Secret Service)', () => {
  it('stores, reads back, replaces and deletes a secret', async () => {
    expect(await keychain.get('token')).toBeUndefined();
    await keychain.set('token', 'ldt_first-secret');
    expect(await keychain.get('token')).toBe('ldt_first-secret');
    await keychain.set('token', 'ldt_second-secret');
    expect(await keychain.get('token')).toBe('ldt_second-secret');
    expect(await keychain.delete('token')).toBe(true);
    expect(await keychain.get('token')).toBeUndefined();
    expect(await keychain.delete('token')).toBe(false);
  });

  it('is one store for every process: a token stored here is read by another process', async () => {
    await keychain.set('token', 'ldt_shared-between-processes');
    expect(child(process.env, ['get', 'token'])).toEqual({ ok: true, value: 'ldt_shared-between-processes' });
    expect(child(process.env, ['delete', 'token'])).toEqual({ ok: true, value: true });
    expect(await keychain.get('token')).toBeUndefined();
  });

  it('keeps one token per server, however its address is typed', async () => {
    const tokens = serverTokens(keychain);
    await tokens.set('http://127.0.0.1:8417/', 'ldt_local');
    await tokens.set('https://licences.example/desk/', 'ldt_remote');
    expect(await tokens.get('http://127.0.0.1:8417')).toBe('ldt_local');
    expect(await tokens.get('HTTPS://licences.example/desk')).toBe('ldt_remote');
    expect(await tokens.get('http://127.0.0.1:8418')).toBeUndefined();
    expect(await tokens.delete('http://127.0.0.1:8417')).toBe(true);
    expect(await tokens.get('https://licences.example/desk')).toBe('ldt_remote');
    await expect(tokens.get('ftp://x')).rejects.toMatchObject({ code: 'SERVER_URL_INVALID' });
  });

  it('refuses, saying what to install, in a process without a Secret Service', () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    const r = child(env, ['set', 'token', 'ldt_nowhere-to-go']);
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(r.error!.message).toContain('apt-get install gnome-keyring');
  });

  it('refuses, saying to unlock it, where the keyring is locked', () => {
    const env = { ...process.env };
    delete env.DBUS_SESSION_BUS_ADDRESS;
    // A fresh session whose gnome-keyring was started but never unlocked (nobody types the password).
    const locked = (cmd: string) => [
      'dbus-run-session',
      '--',
      'bash',
      '-c',
      `eval "$(gnome-keyring-daemon --start --components=secrets </dev/null)" >/dev/null 2>&1; ${cmd} 2>/dev/null`,
    ];
    const r = child(env, ['set', 'token', 'ldt_locked-out'], locked);
    expect(r).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(r.error!.message).toMatch(/locked/);
    expect(r.error!.message).toContain('unlock');
  });
});

describe('keychain errors', () => {
  it('tells an unreachable keychain from another failure, per platform', () => {
    expect(keychainError(new Error("Couldn't access platform storage: AccessDenied"), 'darwin')).toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      kind: 'unavailable',
      message: expect.stringContaining('Keychain Access'),
    });
    expect(keychainError(new Error('Attribute too long'), 'linux')).toMatchObject({
      code: 'KEYCHAIN_FAILED',
      message: expect.stringContaining('Attribute too long'),
    });
  });
});
