// `licence-desk login` / `logout` as real processes against a real `serve`, with the token in the
// real Secret Service (scripts/with-keyring.sh): the token is read from standard input, checked
// against the server, kept in the keychain, and used by later `--server` commands without --token;
// every way it can go wrong has its own code, and leaves the keychain and the pins as they were.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { rootPem } from '../../src/authority/ca';
import { osKeychain } from '../../src/main/services/keychain';
import { pinnedRootFile } from '../../src/main/services/pins';
import { serverTokens } from '../../src/main/services/secrets';
import { cli, startServe } from '../server/support';
import { tempDir } from '../support/fixtures';
import { skipWithoutKeychain } from '../support/keyring';

const skip = await skipWithoutKeychain();
// The CLI's own entries (service "Licence Desk"): with-keyring.sh gives every run a throwaway keyring.
const tokens = serverTokens(osKeychain());

async function server() {
  const data = tempDir();
  await Authority.init(data);
  const serve = await startServe(data);
  const env = { LICENCE_DESK_TOKEN: serve.token()! };
  expect((await cli(['--server', serve.url, 'reseller', 'create', '--name', 'Acme'], env)).status).toBe(0);
  const made = await cli(['--server', serve.url, 'token', 'create', '--role', 'reseller', '--reseller', 'Acme'], env);
  return { data, url: serve.url, token: made.stdout.trim().split('\n').at(-1)! };
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.skipIf(skip)('licence-desk login / logout (real keychain, real server)', () => {
  it('logs in from standard input, then --server needs no --token; logout removes the token', async () => {
    const s = await server();
    const data = tempDir();
    const login = await cli(['--data', data, 'login', '--server', s.url], {}, `${s.token}\n`);
    expect(login.stderr).toBe('');
    expect(login.status).toBe(0);
    expect(login.stdout).toMatch(/Logged in to http:\/\/127\.0\.0\.1:\d+; the token is in the OS keychain/);
    expect(login.stdout).toMatch(/root SHA-256 \(pinned\): [0-9a-f]{64}/);
    expect(login.stdout).not.toContain(s.token);
    expect(await tokens.get(s.url)).toBe(s.token);

    expect(
      (await cli(['--data', data, '--server', s.url, 'device', 'add', '--serial', 'LOG1', '--model', 'comtrexx-vm']))
        .status,
    ).toBe(0);
    const list = await cli(['--data', data, '--server', s.url, 'device', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('LOG1');

    const logout = await cli(['--data', data, 'logout', '--server', s.url]);
    expect(logout).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('its token is gone from the OS keychain'),
    });
    expect(await tokens.get(s.url)).toBeUndefined();
    // Entry gone: the server now refuses by name, and a second logout says there was nothing.
    expect((await cli(['--data', data, '--server', s.url, 'device', 'list'])).stderr).toContain('[TOKEN_MISSING]');
    expect((await cli(['--data', data, 'logout', '--server', s.url])).stdout).toContain('nothing to remove');
  });

  it('keeps --token and LICENCE_DESK_TOKEN working, and they win over the stored token', async () => {
    const s = await server();
    await tokens.set(s.url, 'ldt_a-stale-token-nobody-accepts');
    try {
      expect((await cli(['--server', s.url, '--token', s.token, 'device', 'list'])).status).toBe(0);
      expect((await cli(['--server', s.url, 'device', 'list'], { LICENCE_DESK_TOKEN: s.token })).status).toBe(0);
      expect((await cli(['--server', s.url, 'device', 'list'])).stderr).toContain('[TOKEN_INVALID]');
    } finally {
      await tokens.delete(s.url);
    }
  });

  it('refuses a wrong token, a server that is down, bad input — and stores nothing', async () => {
    const s = await server();
    const data = tempDir();
    const down = `http://127.0.0.1:${await freePort()}`;
    for (const [url, input, code, exit] of [
      [s.url, 'ldt_wrong-token-not-issued\n', 'TOKEN_INVALID', 1],
      [down, `${s.token}\n`, 'SERVER_UNREACHABLE', 1],
      [s.url, '\n', 'LOGIN_TOKEN_EMPTY', 2],
      [s.url, 'two words here\n', 'LOGIN_TOKEN_MALFORMED', 2],
      ['ftp://example.org', `${s.token}\n`, 'SERVER_URL_INVALID', 2],
    ] as const) {
      const r = await cli(['--data', data, 'login', '--server', url], { LICENCE_DESK_TIMEOUT: '2' }, input);
      expect([r.status, r.stderr]).toEqual([exit, expect.stringContaining(`[${code}]`)]);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    expect(await tokens.get(s.url)).toBeUndefined();
    expect((await cli(['--data', data, 'login'], {}, `${s.token}\n`)).stderr).toContain('[OPTION_MISSING]');
  });

  it('refuses a server whose root differs from the pinned one, at login and on every command', async () => {
    const s = await server();
    const data = tempDir();
    expect((await cli(['--data', data, 'login', '--server', s.url], {}, `${s.token}\n`)).status).toBe(0);
    // The server (or its CA) was swapped since: pin another authority's root in its place.
    const other = tempDir();
    await Authority.init(other);
    mkdirSync(dirname(pinnedRootFile(data, s.url)), { recursive: true });
    writeFileSync(pinnedRootFile(data, s.url), rootPem(other));
    const use = await cli(['--data', data, '--server', s.url, 'device', 'list']);
    expect([use.status, use.stderr]).toEqual([1, expect.stringContaining('[SERVER_ROOT_CHANGED]')]);
    await tokens.delete(s.url);
    const again = await cli(['--data', data, 'login', '--server', s.url], {}, `${s.token}\n`);
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('[SERVER_ROOT_CHANGED]')]);
    expect(await tokens.get(s.url)).toBeUndefined();
  });

  it('refuses, saying what to install, where there is no keychain (no D-Bus session)', async () => {
    const s = await server();
    const r = await cli(
      ['--data', tempDir(), 'login', '--server', s.url],
      { DBUS_SESSION_BUS_ADDRESS: '' },
      `${s.token}\n`,
    );
    expect([r.status, r.stderr]).toEqual([1, expect.stringContaining('[KEYCHAIN_UNAVAILABLE]')]);
    expect(r.stderr).toContain('apt-get install gnome-keyring');
    const use = await cli(['--server', s.url, 'device', 'list'], { DBUS_SESSION_BUS_ADDRESS: '' });
    expect(use.stderr).toContain('[KEYCHAIN_UNAVAILABLE]');
  });
});
