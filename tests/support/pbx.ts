// A licensed simulated PBX against a test authority, and a stand-in HTTP front for the CLI: every
// op at POST /v1/<op>, errors as {code, message} with the statuses the HTTP client expects.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Authority } from '../../src/authority/authority';
import { initPbx, installAnswer } from '../../src/device/simulator';
import type { Sender } from '../../src/device/verify';
import type { KeyType } from '../../src/licensing/keys';
import { toPem } from '../../src/licensing/pem';
import type { OpName } from '../../src/shared/api';
import { KIND_STATUS, toErrorValue } from '../../src/shared/errors';
import { recreate, tempDir, type TestClock } from './fixtures';

export interface LicensedPbx {
  dir: string;
  serial: string;
  certificateSerial: string;
}

/** Adds the device, grants user licences, and walks init → recreate → install. */
export async function licensedPbx(
  authority: Authority,
  clock: TestClock,
  serial: string,
  opts: { days?: number; keyType?: KeyType } = {},
): Promise<LicensedPbx> {
  const dir = tempDir('ld-pbx-');
  await authority.call('devices.add', { serial, model: 'comtrexx-vm' });
  await authority.call('licences.grant', {
    serial,
    feature: 11,
    quantity: 3,
    ...(opts.days ? { days: opts.days } : {}),
  });
  const trustPem = toPem('CERTIFICATE', authority.ctx.ca.rootDer);
  const { code } = await initPbx(dir, {
    serial,
    model: 'comtrexx-vm',
    trustPem,
    now: clock.now, // the PBX's clock is the test's clock: its trusted time must not run ahead of it
    ...(opts.keyType ? { keyType: opts.keyType } : {}),
  });
  const answer = await recreate(authority, code, serial);
  await installAnswer(dir, answer.code, clock.now);
  return { dir, serial, certificateSerial: answer.certificateSerial };
}

/** A PBX's sender that reaches the authority in-process. */
export const inProcess =
  (authority: Authority): Sender =>
  (request) =>
    authority.call('verification.check', request);

export async function forwarder(authority: Authority): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req
      .setEncoding('utf8')
      .on('data', (s: string) => (body += s))
      .on('end', () => {
        const name = (req.url ?? '').replace(/^\/v1\//, '') as OpName;
        void authority.call(name, body ? JSON.parse(body) : {}).then(
          (value) => reply(res, 200, value),
          (e: unknown) => {
            const v = toErrorValue(e);
            reply(res, KIND_STATUS[v.kind], { code: v.code, message: v.message });
          },
        );
      });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) };
}

function reply(res: import('node:http').ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}
