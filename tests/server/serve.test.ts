// `licence-desk serve` as a real process, and the CLI against it over loopback: one line when it
// listens, the first vendor token printed once, remote commands with the same output as embedded,
// a graceful stop on SIGTERM; and the remote CLI's failures: a server that is down, one that
// answers HTML, one that does not answer, and an answer lost on the way (retried, never issued twice).
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authenticate } from '../../src/authority/admin/service';
import { Authority } from '../../src/authority/authority';
import { httpClient } from '../../src/authority/http/client';
import { initPbx, installAnswer } from '../../src/device/simulator';
import { listen } from '../../src/authority/http/server';
import { makeRequest, tempDir } from '../support/fixtures';
import { cli, onCleanup, startServe, tenants, type CliResult } from './support';

const done = (r: CliResult): string => {
  expect(r.stderr, 'stderr').toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
};
const refused = (r: CliResult, code: string): string => {
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toMatch(new RegExp(`^licence-desk: .*\\[${code}\\]\\n$`));
  return r.stderr;
};

/** A loopback HTTP server of our own making (HTML, silence, …) on a free port. */
async function fakeServer(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onCleanup(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe('licence-desk serve (real processes)', () => {
  it('listens with one line, prints the first vendor token once, serves the CLI remotely, and stops gracefully on SIGTERM', async () => {
    const dir = tempDir();
    await Authority.init(dir);
    const server = await startServe(dir);
    expect(server.dialect).toBe('sqlite');
    const vendor = server.token();
    expect(vendor).toMatch(/^ldt_/);
    expect(server.stderr()).toBe(
      `First vendor token of this database (shown only this once; keep it safe): ${vendor}\n`,
    );
    const as = (token: string) => ['--server', server.url, '--token', token];

    // The vendor makes a reseller and its token remotely; meanwhile a vendor token is made embedded,
    // on the server's own database, and works against the server at once.
    const [reseller, embeddedRun] = await Promise.all([
      cli([...as(vendor!), 'reseller', 'create', '--name', 'Acme Telecom']),
      cli([
        '--data',
        dir,
        '--database',
        join(dir, 'authority.db'),
        'token',
        'create',
        '--role',
        'vendor',
        '--label',
        'ops',
      ]),
    ]);
    expect(done(reseller)).toMatch(/^Created reseller "Acme Telecom" \(id \d+\)\n$/);
    const embedded = done(embeddedRun).trim();
    const token = done(
      await cli([
        ...as(embedded),
        'token',
        'create',
        '--role',
        'reseller',
        '--reseller',
        'Acme Telecom',
        '--label',
        'desk 1',
      ]),
    ).trim();
    expect(token).toMatch(/^ldt_[A-Za-z0-9_-]{43}$/);
    const [add, list, root] = await Promise.all([
      cli([...as(token), 'device', 'add', '--serial', 'R-0001', '--model', 'comtrexx-vm', '--name', 'Remote']),
      cli([...as(vendor!), 'token', 'list']),
      cli(['--server', server.url, 'ca', 'export']), // public: no token
    ]);
    expect(done(add)).toBe('Added R-0001 (comtrexx-vm) "Remote"\n');
    expect(done(list)).toMatch(/reseller\s+Acme Telecom\s+desk 1/);
    const pbx = join(dir, 'pbx');
    const [grant, { code: init }] = await Promise.all([
      cli([...as(token), 'licence', 'grant', '--serial', 'R-0001', '--feature', '11', '--quantity', '3']),
      initPbx(pbx, { serial: 'R-0001', model: 'comtrexx-vm', trustPem: done(root) }),
    ]);
    done(grant);
    const answer = done(await cli([...as(token), 'certificate', 'recreate', '--serial', 'R-0001'], {}, init));
    expect(await installAnswer(pbx, answer)).toMatchObject({ serial: 'R-0001', state: 'licensed' });
    // Refusals come back with their code and exit code, exactly as embedded.
    refused(
      await cli([...as(token), 'device', 'add', '--serial', 'R-0001', '--model', 'comtrexx-vm']),
      'DEVICE_EXISTS',
    );
    refused(await cli([...as(token), 'token', 'list']), 'VENDOR_ONLY');
    refused(await cli([...as('ldt_wrong'), 'device', 'list']), 'TOKEN_INVALID');

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stdout().split('\n')).toHaveLength(2); // one line, then nothing
    // Started again: no new first token.
    const again = await startServe(dir);
    expect(again.token()).toBeUndefined();
    again.child.kill('SIGINT');
    expect((await again.exited).code).toBe(0);
  });

  it('the remote CLI tells a server that is down, one that answers HTML, and one that does not answer apart (exit 1)', async () => {
    const html = await fakeServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'),
    );
    let silentHits = 0;
    const silent = await fakeServer(() => void silentHits++); // never answers
    const gone = await fakeServer(() => undefined);
    await new Promise<void>((r) => gone.server.close(() => r()));
    const [down, garbage, slow] = await Promise.all([
      cli(['--server', gone.url, '--token', 'ldt_x', 'device', 'list']),
      cli(['--server', html.url, '--token', 'ldt_x', 'device', 'list']),
      cli(['--server', silent.url, '--token', 'ldt_x', 'device', 'add', '--serial', 'S-1', '--model', 'comtrexx-vm'], {
        LICENCE_DESK_TIMEOUT: '0.3',
      }),
    ]);
    expect(refused(down, 'SERVER_UNREACHABLE')).toContain('cannot be reached');
    expect(refused(garbage, 'SERVER_BAD_RESPONSE')).toContain('is not a Licence Desk authority');
    expect(refused(slow, 'SERVER_TIMEOUT')).toContain('did not answer in time');
    expect(silentHits).toBe(3); // retried twice (same Idempotency-Key), then given up
  });

  it('the client retries a busy server (503) with the same key, and reports a refusal with its code and kind', async () => {
    const keys: string[] = [];
    const flaky = await fakeServer((req, res) => {
      keys.push(String(req.headers['idempotency-key']));
      if (keys.length === 1)
        return void res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
      if (keys.length === 2)
        return void res
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"code":"DATABASE_UNAVAILABLE","message":"down"}');
      res
        .writeHead(422, { 'content-type': 'application/json' })
        .end('{"code":"RESELLER_ONLY","message":"Only a reseller can manage devices."}');
    });
    const client = httpClient({ url: `${flaky.url}/base`, token: 'ldt_x' });
    await expect(client.call('devices.add', { serial: 'S', model: 'comtrexx-vm' })).rejects.toMatchObject({
      code: 'RESELLER_ONLY',
      kind: 'rule',
      message: 'Only a reseller can manage devices. (rejected by the server)',
    });
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(() => httpClient({ url: 'ftp://x' })).toThrow(expect.objectContaining({ code: 'SERVER_URL_INVALID' }));
    expect(() => httpClient({ url: 'not a url' })).toThrow(expect.objectContaining({ code: 'SERVER_URL_INVALID' }));
  });

  it('an answer lost on the way is retried with the same Idempotency-Key and the certificate is issued once', async () => {
    const dir = tempDir();
    await Authority.init(dir);
    const authority = await Authority.open({ dataDir: dir });
    onCleanup(() => authority.close());
    const { a } = await tenants(authority);
    const real = await listen(authority, { port: 0, host: '127.0.0.1' });
    onCleanup(() => real.close());
    // A proxy that passes every request on, but drops the connection instead of the first answer.
    const seen: string[] = [];
    const proxy = await fakeServer((req, res) => {
      const chunks: Buffer[] = [];
      req
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', async () => {
          seen.push(String(req.headers['idempotency-key'] ?? ''));
          const pass = ['content-type', 'authorization', 'idempotency-key']
            .filter((h) => req.headers[h])
            .map((h) => [h, String(req.headers[h])]);
          const upstream = await fetch(`${real.url}${req.url}`, {
            method: 'POST',
            headers: Object.fromEntries(pass),
            body: Buffer.concat(chunks),
          });
          const body = await upstream.text();
          if (req.url === '/v1/certificates.recreate' && seen.filter((k) => k === seen.at(-1)).length === 1)
            return void req.socket.destroy();
          res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(body);
        });
    });
    const client = httpClient({ url: proxy.url, token: a });
    await client.call('devices.add', { serial: 'L-1', model: 'comtrexx-vm' });
    await client.call('licences.grant', { serial: 'L-1', feature: 11 });
    const answer = await client.call('certificates.recreate', {
      serial: 'L-1',
      initCode: makeRequest('L-1', 'comtrexx-vm').code,
    });
    const keys = seen.slice(-2);
    expect(keys[0]).toBe(keys[1]); // the retry carried the same key
    const { certificates } = await authority.call(
      'devices.get',
      { serial: 'L-1' },
      (await authenticate(authority.ctx, a))!,
    );
    expect(certificates.map((c) => c.serialHex)).toEqual([answer.certificateSerial]);
  });
});
