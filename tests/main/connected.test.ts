// Connected mode against a real `licence-desk serve` on loopback: connecting checks everything
// before changing anything; answers from the server are checked against the pinned root; a server
// that is down, slow or not ours gives a clear error and leaves the desktop as it was.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { rootPem } from '../../src/authority/ca';
import { initPbx, installAnswer } from '../../src/device/simulator';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { openServices } from '../../src/main/services/open';
import { SafeStorageSecretStore, type SecretStore } from '../../src/main/services/secrets';
import { cli, startServe } from '../server/support';
import { tempDir } from '../support/fixtures';

const memorySecrets = (): SecretStore => {
  const m = new Map<string, string>();
  return { set: (k, v) => void m.set(k, v), get: (k) => m.get(k), delete: (k) => void m.delete(k) };
};
const plainTextOnly = () =>
  new SafeStorageSecretStore(
    {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (s) => Buffer.from(s),
      decryptString: (b) => b.toString(),
    },
    tempDir(),
    'linux',
  );

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

async function desktop(secrets: SecretStore | undefined) {
  const dataDir = tempDir();
  const services = await openServices({
    dataDir,
    runtime: 'electron',
    name: 'Licence Desk',
    version: 'test',
    ...(secrets ? { secrets } : {}),
  });
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
  it('connects, works against the server, and checks every answer against the pinned root', async () => {
    const server = await authorityServer();
    const { dataDir, dispatch, services } = await desktop(memorySecrets());
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
      // The device lives on the server, not in the desktop's own authority.
      expect(await dispatch('connection:disconnect', {})).toMatchObject({ ok: true, value: { mode: 'embedded' } });
      expect(await dispatch('devices:get', { serial: 'CON1' })).toMatchObject({
        ok: false,
        error: { code: 'DEVICE_NOT_FOUND' },
      });
    } finally {
      await services.close();
    }
  });

  it('refuses an answer that does not chain to the pinned root, and shows no answer', async () => {
    const server = await authorityServer();
    const secrets = memorySecrets();
    const first = await desktop(secrets);
    await first.dispatch('connection:connect', { serverUrl: server.url, token: server.token });
    await first.dispatch('devices:add', { serial: 'CON2', model: 'comtrexx-vm' });
    await first.dispatch('licences:grant', { serial: 'CON2', feature: 11 });
    await first.services.close();
    // Someone swapped the server (or its CA) since we pinned: pin another authority's root instead.
    const other = tempDir();
    await Authority.init(other);
    writeFileSync(join(first.dataDir, 'connected-root.pem'), rootPem(other));
    const reopened = await openServices({
      dataDir: first.dataDir,
      runtime: 'electron',
      name: 'Licence Desk',
      version: 'test',
      secrets,
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
    ['browser mode (no keychain)', undefined, 'SECRET_STORAGE_UNAVAILABLE', 'server token'],
    [
      'a keychain that only offers plain text (basic_text)',
      plainTextOnly(),
      'SECRET_STORAGE_UNSAFE',
      'the server token:',
    ],
  ])('refuses to connect from %s and changes nothing', async (_name, secrets, code, names) => {
    const server = await authorityServer();
    const { dataDir, dispatch, services } = await desktop(secrets);
    try {
      expect(await dispatch('connection:connect', { serverUrl: server.url, token: server.token })).toMatchObject({
        ok: false,
        error: { code, message: expect.stringContaining(names) },
      });
      expect(await dispatch('settings:get', {})).toMatchObject({
        ok: true,
        value: { mode: 'embedded', serverUrl: '' },
      });
      expect(existsSync(join(dataDir, 'connected-root.pem'))).toBe(false);
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
    const { dispatch, services } = await desktop(memorySecrets());
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
    const { dispatch, services } = await desktop(memorySecrets());
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

  it('refuses a token the server does not accept, and stores nothing', async () => {
    const server = await authorityServer();
    const secrets = memorySecrets();
    const { dispatch, services } = await desktop(secrets);
    try {
      expect(
        await dispatch('connection:connect', { serverUrl: server.url, token: 'ldt_wrong-token-123' }),
      ).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } });
      expect(secrets.get('server.token')).toBeUndefined();
    } finally {
      await services.close();
    }
  });

  it('refuses to change the server address by a setting: the stored token would follow it', async () => {
    const server = await authorityServer();
    const { dispatch, services } = await desktop(memorySecrets());
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
