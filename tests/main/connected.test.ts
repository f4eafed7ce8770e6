// Connected mode against a real `licence-desk serve` on loopback: connecting checks everything
// before changing anything; answers from the server are checked against the pinned root; a server
// that is down, slow or not ours gives a clear error and leaves the desktop as it was.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { rootPem } from '../../src/authority/ca';
import { initPbx, installAnswer } from '../../src/device/simulator';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { openServices } from '../../src/main/services/open';
import { keychainError, osKeychain, type Keychain } from '../../src/main/services/keychain';
import { pinnedRootFile } from '../../src/main/services/pins';
import { serverTokens, type ServerTokens } from '../../src/main/services/secrets';
import { cli, startServe } from '../server/support';
import { tempDir } from '../support/fixtures';
import { skipWithoutKeychain, testKeychainService } from '../support/keyring';

const noKeychainHere = await skipWithoutKeychain();
/** The real OS keychain, under a service name of this run's own. */
const realTokens = (): ServerTokens => serverTokens(osKeychain(testKeychainService()));
/** For the tests about something else than the keychain (timeouts, refusals, settings). */
const memoryTokens = (): ServerTokens => {
  const m = new Map<string, string>();
  const keychain: Keychain = {
    get: async (k) => m.get(k),
    set: async (k, v) => void m.set(k, v),
    delete: async (k) => m.delete(k),
  };
  return serverTokens(keychain);
};
/** What the real keychain throws in a process without a Secret Service (keychain.test.ts proves it). */
const absentKeychain = (): ServerTokens => {
  const refuse = async (): Promise<never> => {
    throw keychainError(new Error("Couldn't access platform storage: AccessDenied"), 'linux');
  };
  return serverTokens({ get: refuse, set: refuse, delete: refuse });
};

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A server of ours with one reseller and its token. */
async function authorityServer() {
  const data = tempDir();
  await Authority.init(data);
  const serve = await startServe(data);
  const vendor = serve.token()!;
  const env = { LICENCE_DESK_TOKEN: vendor };
  expect((await cli(['--server', serve.url, 'reseller', 'create', '--name', 'Acme'], env)).status).toBe(0);
  const token = (
    await cli(['--server', serve.url, 'token', 'create', '--role', 'reseller', '--reseller', 'Acme'], env)
  ).stdout
    .trim()
    .split('\n')
    .at(-1)!;
  return { data, url: serve.url, token };
}

async function desktop(tokens: ServerTokens, runtime: 'electron' | 'browser' = 'electron') {
  const dataDir = tempDir();
  const services = await openServices({ dataDir, runtime, name: 'Licence Desk', version: 'test', tokens });
  return { dataDir, services, dispatch: createDispatch(services) };
}

function fakeServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(s.address() as { port: number }).port}`)),
  );
}

describe('connected mode', () => {
  it.skipIf(noKeychainHere).each(['electron', 'browser'] as const)(
    'connects (%s, token in the real keychain), works against the server, and checks every answer against the pinned root',
    async (runtime) => {
      const server = await authorityServer();
      const tokens = realTokens();
      const { dataDir, dispatch, services } = await desktop(tokens, runtime);
      try {
        const connected = await dispatch('connection:connect', { serverUrl: server.url, token: server.token });
        expect(connected).toMatchObject({
          ok: true,
          value: { mode: 'connected', serverUrl: server.url, rootSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        });
        expect(await dispatch('devices:add', { serial: 'CON1', model: 'comtrexx-vm' })).toMatchObject({ ok: true });
        expect(await dispatch('licences:grant', { serial: 'CON1', feature: 11, quantity: 2 })).toMatchObject({
          ok: true,
        });
        const { code } = await initPbx(join(dataDir, 'pbx'), {
          serial: 'CON1',
          model: 'comtrexx-vm',
          trustPem: rootPem(server.data),
        });
        const answer = await dispatch('certificates:recreate', { serial: 'CON1', initCode: code });
        expect(answer).toMatchObject({ ok: true, value: { checkedAgainstRoot: true } });
        expect(
          (await installAnswer(join(dataDir, 'pbx'), (answer as { value: { code: string } }).value.code)).state,
        ).toBe('licensed');
        expect(await dispatch('app:info', {})).toMatchObject({ ok: true, value: { mode: 'connected' } });
        expect(await tokens.get(server.url)).toBe(server.token);
        // The device lives on the server, not in the desktop's own authority.
        expect(await dispatch('connection:disconnect', {})).toMatchObject({ ok: true, value: { mode: 'embedded' } });
        expect(await dispatch('devices:get', { serial: 'CON1' })).toMatchObject({
          ok: false,
          error: { code: 'DEVICE_NOT_FOUND' },
        });
        // Disconnecting removes the token from the keychain and the pin from the folder.
        expect(await tokens.get(server.url)).toBeUndefined();
        expect(existsSync(pinnedRootFile(dataDir, server.url))).toBe(false);
      } finally {
        await services.close();
      }
    },
  );

  it('refuses an answer that does not chain to the pinned root, and shows no answer', async () => {
    const server = await authorityServer();
    const tokens = memoryTokens();
    const first = await desktop(tokens);
    await first.dispatch('connection:connect', { serverUrl: server.url, token: server.token });
    await first.dispatch('devices:add', { serial: 'CON2', model: 'comtrexx-vm' });
    await first.dispatch('licences:grant', { serial: 'CON2', feature: 11 });
    await first.services.close();
    // Someone swapped the server (or its CA) since we pinned: pin another authority's root instead.
    const other = tempDir();
    await Authority.init(other);
    writeFileSync(pinnedRootFile(first.dataDir, server.url), rootPem(other));
    const reopened = await openServices({
      dataDir: first.dataDir,
      runtime: 'electron',
      name: 'Licence Desk',
      version: 'test',
      tokens,
    });
    try {
      const { code } = await initPbx(join(first.dataDir, 'pbx'), {
        serial: 'CON2',
        model: 'comtrexx-vm',
        trustPem: rootPem(server.data),
      });
      const result = await createDispatch(reopened)('certificates:recreate', { serial: 'CON2', initCode: code });
      expect(result).toMatchObject({ ok: false, error: { code: 'ANSWER_SELF_CHECK_FAILED' } });
      expect(JSON.stringify(result)).not.toContain('ANS1-');
    } finally {
      await reopened.close();
    }
  });

  it.each([
    ['electron', 'KEYCHAIN_UNAVAILABLE', 'gnome-keyring'],
    ['browser', 'KEYCHAIN_UNAVAILABLE', 'gnome-keyring'],
  ] as const)('refuses to connect (%s) where no keychain exists, and changes nothing', async (runtime, code, names) => {
    const server = await authorityServer();
    const { dataDir, dispatch, services } = await desktop(absentKeychain(), runtime);
    try {
      expect(await dispatch('connection:connect', { serverUrl: server.url, token: server.token })).toMatchObject({
        ok: false,
        error: { code, message: expect.stringContaining(names) },
      });
      expect(await dispatch('settings:get', {})).toMatchObject({
        ok: true,
        value: { mode: 'embedded', serverUrl: '' },
      });
      expect(existsSync(pinnedRootFile(dataDir, server.url))).toBe(false);
    } finally {
      await services.close();
    }
  });

  it('says "cannot be reached", "not a Licence Desk authority" or "did not answer in time" — and changes nothing', async () => {
    const garbage = await fakeServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>hello</html>'),
    );
    const slow = await fakeServer(() => undefined); // never answers
    const down = await fakeServer(() => undefined);
    servers.at(-1)!.close();
    process.env.LICENCE_DESK_TIMEOUT = '1';
    const { dispatch, services } = await desktop(memoryTokens());
    try {
      for (const [url, code] of [
        [down, 'SERVER_UNREACHABLE'],
        [garbage, 'SERVER_BAD_RESPONSE'],
        [slow, 'SERVER_TIMEOUT'],
      ] as const) {
        expect(await dispatch('connection:connect', { serverUrl: url, token: 'ldt_whatever-token' })).toMatchObject({
          ok: false,
          error: { code },
        });
      }
      expect(await dispatch('settings:get', {})).toMatchObject({ ok: true, value: { mode: 'embedded' } });
    } finally {
      delete process.env.LICENCE_DESK_TIMEOUT;
      await services.close();
    }
  });

  it("reads LICENCE_DESK_TIMEOUT with the CLI's parser: a value that is no number of seconds is refused by name", async () => {
    process.env.LICENCE_DESK_TIMEOUT = 'soon';
    const server = await authorityServer();
    const { dispatch, services } = await desktop(memoryTokens());
    try {
      expect(await dispatch('connection:connect', { serverUrl: server.url, token: server.token })).toMatchObject({
        ok: false,
        error: { code: 'OPTION_INVALID', message: expect.stringContaining('LICENCE_DESK_TIMEOUT') },
      });
      expect(await dispatch('settings:get', {})).toMatchObject({ ok: true, value: { mode: 'embedded' } });
    } finally {
      delete process.env.LICENCE_DESK_TIMEOUT;
      await services.close();
    }
  });

  it.skipIf(noKeychainHere)(
    'says so by name when the keychain entry was deleted, and when the server presents another root',
    async () => {
      const server = await authorityServer();
      const tokens = realTokens();
      const first = await desktop(tokens);
      await first.dispatch('connection:connect', { serverUrl: server.url, token: server.token });
      await first.services.close();
      await tokens.delete(server.url); // someone removed it in the keyring manager
      const open = () =>
        openServices({ dataDir: first.dataDir, runtime: 'browser', name: 'Licence Desk', version: 'test', tokens });
      await expect(open()).rejects.toMatchObject({
        code: 'TOKEN_NOT_IN_KEYCHAIN',
        message: expect.stringContaining('licence-desk login --server'),
      });
      // A root other than the pinned one: connecting again refuses and stores nothing.
      const other = tempDir();
      await Authority.init(other);
      const second = await desktop(tokens);
      mkdirSync(dirname(pinnedRootFile(second.dataDir, server.url)), { recursive: true });
      writeFileSync(pinnedRootFile(second.dataDir, server.url), rootPem(other));
      try {
        expect(
          await second.dispatch('connection:connect', { serverUrl: server.url, token: server.token }),
        ).toMatchObject({ ok: false, error: { code: 'SERVER_ROOT_CHANGED' } });
        expect(await tokens.get(server.url)).toBeUndefined();
        expect(await second.dispatch('settings:get', {})).toMatchObject({ ok: true, value: { mode: 'embedded' } });
      } finally {
        await second.services.close();
      }
    },
  );

  it('refuses a token the server does not accept, and stores nothing', async () => {
    const server = await authorityServer();
    const tokens = memoryTokens();
    const { dispatch, services } = await desktop(tokens);
    try {
      expect(
        await dispatch('connection:connect', { serverUrl: server.url, token: 'ldt_wrong-token-123' }),
      ).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } });
      expect(await tokens.get(server.url)).toBeUndefined();
    } finally {
      await services.close();
    }
  });

  it('refuses to change the server address by a setting: the stored token would follow it', async () => {
    const server = await authorityServer();
    const { dispatch, services } = await desktop(memoryTokens());
    try {
      await dispatch('connection:connect', { serverUrl: server.url, token: server.token });
      expect(await dispatch('settings:set', { serverUrl: 'https://attacker.example' })).toMatchObject({
        ok: false,
        error: { code: 'MODE_CHANGE_NEEDS_CONNECT' },
      });
      expect(await dispatch('settings:get', {})).toMatchObject({ ok: true, value: { serverUrl: server.url } });
    } finally {
      await services.close();
    }
  });
});
