// Browser mode (fastify) over real HTTP on loopback: the token, Host and Origin guards, the same
// dispatcher as IPC behind /api, the security headers, and static files that cannot leave their folder.
import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { startBrowserServer, type BrowserServer } from '../../src/main/browser-mode/server';
import { checkCaller } from '../../src/main/browser-mode/guard';
import { CSP } from '../../src/main/policy/csp';
import { counted, makeTempDir, openTestServices, type CountedServices } from './support';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let temp: ReturnType<typeof makeTempDir>;
let counter: CountedServices;
let server: BrowserServer;

/** Raw node:http, so Host and Origin can be set to anything (fetch would not allow it). */
function send(
  path: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: o.method ?? 'GET',
        headers: { host: `127.0.0.1:${server.port}`, ...o.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

const api = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${channel}`, {
    method: 'POST',
    body: JSON.stringify(input),
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${server.token}`,
      origin: `http://127.0.0.1:${server.port}`,
      ...headers,
    },
  });

beforeAll(async () => {
  temp = makeTempDir();
  const rendererDir = join(temp.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Licence Desk</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(temp.dir, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  counter = counted(await openTestServices(join(temp.dir, 'data')));
  server = await startBrowserServer({ dispatch: createDispatch(counter.services), rendererDir });
});
afterAll(async () => {
  await server.close();
  await counter.services.close();
  temp.remove();
});

describe('browser mode: who may call', () => {
  it('prints an address on 127.0.0.1 with a 32-byte base64url token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it("answers a good request with the dispatcher's envelope", async () => {
    const r = await api('app:info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { runtime: 'browser', mode: 'embedded' } });
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses a call without the token (401) and with a wrong token (403)', async () => {
    counter.calls.length = 0;
    const missing = await api('devices:list', {}, { authorization: '' });
    expect([missing.status, JSON.parse(missing.body).error.code]).toEqual([401, 'TOKEN_MISSING']);
    const wrong = await api('devices:list', {}, { authorization: `Bearer ${'A'.repeat(43)}` });
    expect([wrong.status, JSON.parse(wrong.body).error.code]).toEqual([403, 'TOKEN_WRONG']);
    const basic = await api('devices:list', {}, { authorization: `Basic ${server.token}` });
    expect(basic.status).toBe(401);
    expect(counter.calls).toEqual([]);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { host: 'attacker.example:80' }, 'HOST_REFUSED'],
    ['a Host with the wrong port', { host: '127.0.0.1:1' }, 'HOST_REFUSED'],
    ["another site's Origin", { origin: 'http://attacker.example' }, 'ORIGIN_REFUSED'],
    ['a null Origin (sandboxed frame)', { origin: 'null' }, 'ORIGIN_REFUSED'],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }, 'ORIGIN_REFUSED'],
  ])('refuses %s with 403, token or not', async (_what, headers, code) => {
    counter.calls.length = 0;
    const r = await api('devices:list', {}, headers);
    expect([r.status, JSON.parse(r.body).error.code]).toEqual([403, code]);
    expect(counter.calls).toEqual([]);
  });

  it('accepts localhost:<port> as Host with its own Origin', async () => {
    const host = `localhost:${server.port}`;
    const r = await api('settings:get', {}, { host, origin: `http://${host}` });
    expect(r.status).toBe(200);
  });

  it('refuses anything but JSON POSTs, unknown channels, oversized and non-JSON bodies', async () => {
    expect(
      (await send('/api/devices:list', { method: 'GET', headers: { authorization: `Bearer ${server.token}` } })).status,
    ).toBe(405);
    expect((await api('devices:list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await api('devices:drop', {})).status).toBe(404);
    const big = await api('codes:inspect', { code: 'a'.repeat(10 * 1024 * 1024) });
    expect([big.status, JSON.parse(big.body).error.code]).toEqual([413, 'INPUT_TOO_LARGE']);
    const notJson = await send('/api/devices:list', {
      method: 'POST',
      body: '{oops',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    });
    expect([notJson.status, JSON.parse(notJson.body).error.code]).toEqual([400, 'INPUT_INVALID']);
  });

  it('validates API input exactly as IPC does (pollution refused, nothing done)', async () => {
    counter.calls.length = 0;
    const r = await send('/api/settings:set', {
      method: 'POST',
      body: '{"__proto__":{"polluted":1},"language":"ru"}',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INPUT_FORBIDDEN_KEY' } });
    expect(counter.calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses requests from non-loopback addresses (checked per request, not only by the bind address)', () => {
    const facts = { host: '127.0.0.1:8080', origin: undefined, secFetchSite: undefined };
    expect(checkCaller({ ...facts, remoteAddress: '192.168.1.20' }, 8080)).toMatchObject({
      status: 403,
      code: 'NOT_LOOPBACK',
    });
    expect(checkCaller({ ...facts, remoteAddress: undefined }, 8080)).toMatchObject({ code: 'NOT_LOOPBACK' });
    expect(checkCaller({ ...facts, remoteAddress: '::ffff:127.0.0.1' }, 8080)).toBeUndefined();
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'localhost']) {
      await expect(
        startBrowserServer({ dispatch: createDispatch(counter.services), rendererDir: temp.dir, host }),
      ).rejects.toMatchObject({ code: 'BIND_REFUSED' });
    }
  });
});

describe('browser mode: the page', () => {
  it('serves index.html with the CSP and the other security headers', async () => {
    const r = await send('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Licence Desk</title>');
    expect(r.headers['content-security-policy']).toBe(CSP);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
  });

  it('serves assets with their content type', async () => {
    const r = await send('/assets/app.js');
    expect([r.status, r.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%2f%2e%2e%2fpackage.json',
    '/index.html%00.js',
    '/%E0%A4%A',
    '//etc/passwd',
    '/assets/../../secret.txt',
  ])('refuses to leave the renderer folder: %s', async (path) => {
    const r = await send(path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain('SECRET-OUTSIDE-ROOT');
    expect(r.body).not.toContain('root:');
  });

  it.each(['/no-such-page', '/%E0%A4%A', '/../secret.txt'])(
    'refuses %s with the JSON envelope and the security headers',
    async (path) => {
      const r = await send(path);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: expect.any(String) } });
      expect(r.headers['content-security-policy']).toBe(CSP);
    },
  );

  it('applies the Host check to static files too (a rebinding page cannot read them)', async () => {
    expect((await send('/', { headers: { host: 'attacker.example' } })).status).toBe(403);
  });
});
