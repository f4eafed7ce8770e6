// Online verification (DESIGN.md "Trust, verification"): a PBX checks in with a request signed by
// its device key; the authority answers with a receipt signed under the PBX's trusted root (valid /
// revoked / superseded / expired, the current licences, server time, next check-in) and records
// the time per device. The PBX checks the receipt, stays in an explicit grace period when the
// server is unreachable, and notices its own clock running backwards. Both stores.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import type { Actor } from '../../src/authority/context';
import { currentKey, initPbx, installAnswer, pbxStatus } from '../../src/device/simulator';
import { verifyOnline } from '../../src/device/verify';
import { signVerifyRequest } from '../../src/licensing/verification';
import { LdError } from '../../src/shared/errors';
import { recreate, tempDir } from '../support/fixtures';
import { runCli } from '../support/cli';
import { forwarder, inProcess, licensedPbx } from '../support/pbx';
import { describeStores } from '../support/stores';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const later = (d: Date, ms: number) => new Date(d.getTime() + ms);
const nonce = () => randomBytes(16).toString('base64url');
const unreachable = async () => {
  throw new LdError({ code: 'SERVER_UNREACHABLE', kind: 'unavailable', message: 'no route to host' });
};

async function otherReseller(authority: Authority): Promise<Actor> {
  const db = authority.ctx.db;
  const row = await db.write((tx) =>
    tx.first(
      db.qb.insertInto('resellers').values({ name: 'Other', created_at: new Date().toISOString() }).returning('id'),
    ),
  );
  return { resellerId: row!.id, vendor: false, label: `reseller:${row!.id}` };
}

const verificationRows = (authority: Authority) =>
  authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('verifications').selectAll());

describeStores('online verification', ({ open }) => {
  it('valid: a licensed PBX gets a signed receipt with server time, next check-in and its licences, and the PBX verifies it', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-1');
    const r = await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    expect(r).toMatchObject({
      serial: 'V-1',
      outcome: 'verified',
      clockBehind: false,
      online: { state: 'licensed', clockBehind: false },
    });
    expect(r.receipt).toMatchObject({
      status: 'valid',
      serverTime: clock.now.toISOString(),
      nextCheckIn: later(clock.now, 7 * DAY).toISOString(),
      certificateSerial: pbx.certificateSerial,
      licences: [{ number: 11, quantity: 3, notAfter: null }],
    });
    expect(r.online.graceUntil).toBe(later(clock.now, 14 * DAY).toISOString());
    expect((await pbxStatus(pbx.dir, clock.now)).online).toEqual(r.online);
    const rows = await verificationRows(authority);
    expect(rows).toMatchObject([
      {
        certificate_serial: pbx.certificateSerial,
        status: 'valid',
        server_time: clock.now.toISOString(),
        device_time: clock.now.toISOString(),
      },
    ]);
  });

  it('valid for every device key type: ECDSA P-256, Ed25519 and RSA', async () => {
    const { authority, clock } = await open();
    for (const keyType of ['ec-p256', 'ed25519', 'rsa'] as const) {
      const pbx = await licensedPbx(authority, clock, `K-${keyType}`, { keyType });
      expect((await verifyOnline(pbx.dir, inProcess(authority), clock.now)).receipt?.status).toBe('valid');
    }
  });

  it('a PBX of any reseller checks in without a token: it proves itself with its key', async () => {
    const { authority, clock } = await open();
    const other = await otherReseller(authority);
    await authority.call('devices.add', { serial: 'B-1', model: 'comtrexx-vm' }, other);
    await authority.call('licences.grant', { serial: 'B-1', feature: 11 }, other);
    const dir = tempDir('ld-pbx-');
    const { code } = await initPbx(dir, {
      serial: 'B-1',
      model: 'comtrexx-vm',
      trustPem: (await authority.call('ca.root', {})).pem,
    });
    await installAnswer(
      dir,
      (await authority.call('certificates.recreate', { initCode: code }, other)).code,
      clock.now,
    );
    const anonymous: Actor = { resellerId: null, vendor: false, label: 'pbx' };
    const r = await verifyOnline(dir, (req) => authority.call('verification.check', req, anonymous), clock.now);
    expect(r.receipt?.status).toBe('valid');
    await expect(authority.call('verification.history', { serial: 'B-1' })).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
    expect(await authority.call('verification.history', { serial: 'B-1' }, other)).toHaveLength(1);
  });

  it('superseded: after a newer certificate was issued, the old one is reported superseded; the new one is valid', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-2');
    const { code } = await initPbx(pbx.dir, { serial: 'V-2', model: 'comtrexx-vm' });
    const newer = await recreate(authority, code, 'V-2');
    const r = await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    expect(r).toMatchObject({
      outcome: 'verified',
      receipt: { status: 'superseded', certificateSerial: pbx.certificateSerial },
      online: { state: 'superseded' },
    });
    await installAnswer(pbx.dir, newer.code, clock.now);
    const again = await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    expect(again).toMatchObject({
      receipt: { status: 'valid', certificateSerial: newer.certificateSerial },
      online: { state: 'licensed' },
    });
  });

  it('revoked: a certificate revoked by a binding reset is reported revoked, even once superseded', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-3');
    const db = authority.ctx.db;
    await db.write((tx) =>
      tx.run(
        db.qb
          .updateTable('certificates')
          .set({ revoked_at: clock.now.toISOString(), revoked_reason: 'binding reset' })
          .where('serial_hex', '=', pbx.certificateSerial),
      ),
    );
    const r = await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    expect(r).toMatchObject({ receipt: { status: 'revoked' }, online: { state: 'revoked' } });
    await recreate(authority, (await initPbx(pbx.dir, { serial: 'V-3', model: 'comtrexx-vm' })).code, 'V-3');
    expect((await verifyOnline(pbx.dir, inProcess(authority), clock.now)).receipt?.status).toBe('revoked');
  });

  it('expired: past its end date the certificate is reported expired, and its ended licences are gone from the receipt', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-4', { days: 1 });
    clock.now = later(clock.now, 2 * DAY);
    const r = await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    expect(r).toMatchObject({ receipt: { status: 'expired', licences: [] }, online: { state: 'expired' } });
  });

  it('a replayed request is refused (VERIFY_REPLAY), exactly once under concurrency', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-5');
    const request = signVerifyRequest(await currentKey(pbx.dir), {
      certificateSerial: pbx.certificateSerial,
      deviceTime: clock.now.toISOString(),
      nonce: nonce(),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => authority.call('verification.check', request)),
    );
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    for (const x of results.filter((y) => y.status === 'rejected'))
      expect((x as PromiseRejectedResult).reason).toMatchObject({ code: 'VERIFY_REPLAY', kind: 'conflict' });
    expect(await verificationRows(authority)).toHaveLength(1);
  });

  it('check-ins landing together: each fresh nonce is answered once; copies of one request and replays of an answered one are refused', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-5B');
    const key = await currentKey(pbx.dir);
    const signed = () =>
      signVerifyRequest(key, {
        certificateSerial: pbx.certificateSerial,
        deviceTime: clock.now.toISOString(),
        nonce: nonce(),
      });
    const answered = signed();
    await authority.call('verification.check', answered);
    const twice = signed();
    const fresh = Array.from({ length: 20 }, signed);
    // Sent in one turn, so on PostgreSQL they share one batch (check-batch.ts).
    const sent = [answered, twice, ...fresh, twice, answered, twice];
    const results = await Promise.allSettled(sent.map((r) => authority.call('verification.check', r)));
    const answeredNonces = results.flatMap((x) => (x.status === 'fulfilled' ? [x.value.nonce] : []));
    expect(answeredNonces.sort()).toEqual([twice.nonce, ...fresh.map((f) => f.nonce)].sort());
    const refused = results.flatMap((x) => (x.status === 'rejected' ? [x.reason] : []));
    expect(refused).toHaveLength(4);
    for (const reason of refused) expect(reason).toMatchObject({ code: 'VERIFY_REPLAY', kind: 'conflict' });
    expect(await verificationRows(authority)).toHaveLength(22);
  });

  it("a request not signed with the certificate's key is refused (VERIFY_SIGNATURE_INVALID), and nothing is recorded", async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-6');
    const fields = { certificateSerial: pbx.certificateSerial, deviceTime: clock.now.toISOString(), nonce: nonce() };
    const stranger = signVerifyRequest(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, fields);
    await expect(authority.call('verification.check', stranger)).rejects.toMatchObject({
      code: 'VERIFY_SIGNATURE_INVALID',
      kind: 'forbidden',
    });
    const genuine = signVerifyRequest(await currentKey(pbx.dir), fields);
    const changed = { ...genuine, deviceTime: later(clock.now, DAY).toISOString() };
    await expect(authority.call('verification.check', changed)).rejects.toMatchObject({
      code: 'VERIFY_SIGNATURE_INVALID',
    });
    expect(await verificationRows(authority)).toHaveLength(0);
  });

  it('an unknown certificate serial is not found (VERIFY_UNKNOWN_CERTIFICATE)', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-7');
    const request = signVerifyRequest(await currentKey(pbx.dir), {
      certificateSerial: randomBytes(16).toString('hex'),
      deviceTime: clock.now.toISOString(),
      nonce: nonce(),
    });
    await expect(authority.call('verification.check', request)).rejects.toMatchObject({
      code: 'VERIFY_UNKNOWN_CERTIFICATE',
      kind: 'not_found',
    });
  });

  it('malformed requests are refused naming the field', async () => {
    const { authority } = await open();
    const good = {
      certificateSerial: 'ab'.repeat(16),
      deviceTime: '2026-01-01T00:00:00Z',
      nonce: nonce(),
      signature: 'AAAA',
    };
    for (const [field, value] of [
      ['certificateSerial', 'AB'.repeat(16)],
      ['deviceTime', '2026-01-01 00:00'],
      ['nonce', 'x'.repeat(21)],
      ['signature', 'not base64!'],
    ] as const) {
      const e = await authority.call('verification.check', { ...good, [field]: value }).catch((x: LdError) => x);
      expect(e).toMatchObject({ code: 'INPUT_INVALID', kind: 'input', params: { field } });
    }
    await expect(authority.call('verification.check', { ...good, extra: 1 })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    await expect(
      authority.call('verification.check', { ...good, deviceTime: '2026-13-01T00:00:00Z' }),
    ).rejects.toMatchObject({ code: 'VERIFY_REQUEST_INVALID', params: { field: 'deviceTime' } });
  });

  it('grace: unreachable, the PBX stays licensed for 14 days after its last check (or its installation), then lapses', async () => {
    const { authority, clock } = await open();
    const t0 = clock.now;
    const pbx = await licensedPbx(authority, clock, 'V-8');
    const notBefore = new Date((await pbxStatus(pbx.dir, t0)).certificate!.notBefore);
    const first = await verifyOnline(pbx.dir, unreachable, t0);
    expect(first).toMatchObject({
      outcome: 'unreachable',
      error: { code: 'SERVER_UNREACHABLE' },
      online: {
        state: 'grace',
        graceUntil: later(notBefore, 14 * DAY).toISOString(),
        lastAttempt: { ok: false, code: 'SERVER_UNREACHABLE' },
      },
    });
    expect(first.online.lastCheck).toBeUndefined();

    expect((await verifyOnline(pbx.dir, inProcess(authority), t0)).online).toMatchObject({
      state: 'licensed',
      checkDue: later(t0, 7 * DAY).toISOString(),
    });
    const overdue = await verifyOnline(pbx.dir, unreachable, later(t0, 8 * DAY));
    expect(overdue.online).toMatchObject({
      state: 'grace',
      graceUntil: later(t0, 14 * DAY).toISOString(),
      lastCheck: { checkedAt: t0.toISOString() },
    });
    expect((await verifyOnline(pbx.dir, unreachable, later(t0, 15 * DAY))).online.state).toBe('lapsed');
    // The certificate itself is still good, but the PBX is restricted until a check succeeds (docs/device.md).
    expect(await pbxStatus(pbx.dir, later(t0, 15 * DAY))).toMatchObject({
      state: 'restricted',
      online: { state: 'lapsed' },
    });

    clock.now = later(t0, 15 * DAY);
    expect((await verifyOnline(pbx.dir, inProcess(authority), clock.now)).online.state).toBe('licensed');
  });

  it('a server that refuses the check is reported, and the PBX stays in grace', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-9');
    await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    // A relay that changes the request on the way: the authority refuses it, which is not a verdict on the licence.
    const mangling = (req: { deviceTime: string }) =>
      authority.call('verification.check', { ...req, deviceTime: '2000-01-01T00:00:00Z' });
    const r = await verifyOnline(pbx.dir, mangling, later(clock.now, 9 * DAY));
    expect(r).toMatchObject({
      outcome: 'refused',
      error: { code: 'VERIFY_SIGNATURE_INVALID' },
      online: { state: 'grace', lastAttempt: { ok: false, code: 'VERIFY_SIGNATURE_INVALID' } },
    });
  });

  it("clock running backwards: the PBX notices from the receipt's server time, and is not locked out", async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-10');
    const behind = await verifyOnline(pbx.dir, inProcess(authority), later(clock.now, -2 * HOUR));
    expect(behind).toMatchObject({
      outcome: 'verified',
      clockBehind: true,
      clockOffsetMs: 2 * HOUR,
      online: { state: 'licensed', clockBehind: true },
    });
    const history = await authority.call('verification.history', { serial: 'V-10' });
    expect(history[0]).toMatchObject({
      deviceTime: later(clock.now, -2 * HOUR).toISOString(),
      serverTime: clock.now.toISOString(),
    });

    expect((await verifyOnline(pbx.dir, inProcess(authority), later(clock.now, -3 * 60_000))).clockBehind).toBe(false); // within tolerance
    // Later the PBX reboots with its clock a year back: shown, and still licensed.
    expect((await pbxStatus(pbx.dir, later(clock.now, -365 * DAY))).online).toMatchObject({
      clockBehind: true,
      state: 'licensed',
    });
    expect((await pbxStatus(pbx.dir, later(clock.now, HOUR))).online?.clockBehind).toBe(false);
  });

  it("history: every check with its device and server time, newest first, for the device's reseller only", async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-11');
    const t0 = clock.now;
    for (const d of [0, 1, 2]) {
      clock.now = later(t0, d * DAY);
      await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    }
    const history = await authority.call('verification.history', { serial: 'V-11' });
    expect(history.map((h) => h.serverTime)).toEqual([2, 1, 0].map((d) => later(t0, d * DAY).toISOString()));
    expect(await authority.call('verification.history', { serial: 'V-11', limit: 1 })).toHaveLength(1);
    await expect(
      authority.call('verification.history', { serial: 'V-11' }, await otherReseller(authority)),
    ).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
  });

  it('pbx verify --server URL: the CLI checks in over HTTP and exits 1 when the certificate is not valid', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-12');
    clock.now = new Date(); // the CLI process uses the real clock
    const front = await forwarder(authority);
    try {
      const ok = await runCli(['pbx', 'verify', '--state', pbx.dir, '--server', front.url]);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toMatch(/^V-12: verified online, the certificate is valid/);
      expect(ok.stdout).toMatch(/Online: licensed; last check .* grace until/);
      const db = authority.ctx.db;
      await db.write((tx) =>
        tx.run(
          db.qb
            .updateTable('certificates')
            .set({ revoked_at: clock.now.toISOString() })
            .where('serial_hex', '=', pbx.certificateSerial),
        ),
      );
      const revoked = await runCli(['pbx', 'verify', '--state', pbx.dir, '--server', front.url, '--json']);
      expect(revoked.status).toBe(1);
      expect(JSON.parse(revoked.stdout)).toMatchObject({
        outcome: 'verified',
        receipt: { status: 'revoked' },
        online: { state: 'revoked' },
      });
      expect(revoked.stderr).toMatch(/as revoked.*\[PBX_CERTIFICATE_REVOKED\]/);
    } finally {
      await front.close();
    }
    const down = await runCli(['pbx', 'verify', '--state', pbx.dir, '--server', front.url]);
    expect(down.status).toBe(1);
    expect(down.stdout).toMatch(/could not be reached/);
    expect(down.stderr).toMatch(/\[SERVER_UNREACHABLE\]/);
  });
});
