// The PBX side of online verification: the exact signed bytes, the receipt checks (each refusal
// made by changing a genuine receipt in exactly one way), the grace rules as a pure function, and
// the record the PBX keeps. Genuine receipts come from an in-process authority.
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import { highWater, type TrustedClock } from '../../src/device/clock';
import { GRACE_DAYS, onlineStatus } from '../../src/device/grace';
import { currentKey, initPbx, pbxStatus } from '../../src/device/simulator';
import type { OnlineRecord } from '../../src/device/state';
import { verifyOnline, type Sender } from '../../src/device/verify';
import { buildCertificate, keyIdentifier, type Issuer } from '../../src/licensing/certificate';
import { inspectPublicKey } from '../../src/licensing/keys';
import { signerOf, type Signer } from '../../src/licensing/signer';
import { caName } from '../../src/licensing/names';
import { receiptBytes, requestBytes, verifyWithKey } from '../../src/licensing/verification';
import type { Receipt } from '../../src/shared/api/verification';
import { LdError } from '../../src/shared/errors';
import { freshAuthority, tempDir } from '../support/fixtures';
import { inProcess, licensedPbx } from '../support/pbx';

const DAY = 86_400_000;
const T0 = new Date('2026-03-01T12:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const spki = (k: KeyObject) => createPublicKey(k).export({ type: 'spki', format: 'der' });
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function setup(): Promise<{ authority: Authority; dir: string; serial: string }> {
  const { authority, clock } = await freshAuthority();
  const pbx = await licensedPbx(authority, clock, 'U-1');
  return { authority, dir: pbx.dir, serial: pbx.certificateSerial };
}

/** A sender that passes the request on and changes the genuine receipt on the way back. */
const relay =
  (authority: Authority, change: (r: Receipt) => unknown): Sender =>
  async (req) =>
    change(await authority.call('verification.check', req));
const signedBy = (key: KeyObject | Signer, r: Receipt, chain: Uint8Array[]): Receipt => ({
  ...r,
  signature: b64(signerOf(key).sign(receiptBytes(r))),
  chain: chain.map(b64),
});

function ca(name: string, issuer?: Issuer, pathLen = 0): { issuer: Issuer; der: Buffer } {
  const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const self: Issuer = { name: caName(name), key: k.privateKey, keyId: keyIdentifier(spki(k.privateKey)) };
  const der = buildCertificate({
    issuer: issuer ?? self,
    subject: self.name,
    spkiDer: spki(k.privateKey),
    notBefore: at(-3650),
    notAfter: at(3650),
    ca: { pathLen },
  });
  return { issuer: self, der };
}

async function refusedReceipt(sender: Sender, dir: string, code: string): Promise<void> {
  const before = (await pbxStatus(dir)).online?.lastCheck;
  const r = await verifyOnline(dir, sender);
  expect(r).toMatchObject({ outcome: 'bad-receipt', error: { code }, online: { lastAttempt: { ok: false, code } } });
  expect(r.online.lastCheck).toEqual(before); // a receipt that is not believed never counts as a check
}

describe('the signed bytes', () => {
  it('request: LD-VERIFY-1, serial, device time, nonce, one per line; signed with the device key', async () => {
    const fields = {
      certificateSerial: '0a1b',
      deviceTime: '2026-03-01T12:00:00.000Z',
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
    };
    expect(requestBytes(fields).toString()).toBe('LD-VERIFY-1\n0a1b\n2026-03-01T12:00:00.000Z\nAAAAAAAAAAAAAAAAAAAAAA');
    const { authority, dir } = await setup();
    let seen: { signature: string; certificateSerial: string; deviceTime: string; nonce: string } | undefined;
    await verifyOnline(dir, async (req) => {
      seen = req;
      return authority.call('verification.check', req);
    });
    const key = inspectPublicKey(spki(await currentKey(dir)));
    expect(() =>
      verifyWithKey(key, requestBytes(seen!), Buffer.from(seen!.signature, 'base64'), 'request'),
    ).not.toThrow();
  });

  it('receipt: LD-RECEIPT-1, serial, nonce, status, server time, next check-in, licences', () => {
    const body = {
      certificateSerial: '0a',
      nonce: 'n',
      status: 'valid' as const,
      serverTime: 's',
      nextCheckIn: 'c',
      licences: [
        { number: 10, quantity: 1, notAfter: null },
        { number: 11, quantity: 5, notAfter: '2027-01-01T00:00:00.000Z' },
      ],
    };
    expect(receiptBytes(body).toString()).toBe(
      'LD-RECEIPT-1\n0a\nn\nvalid\ns\nc\n10:1:-,11:5:2027-01-01T00:00:00.000Z',
    );
  });
});

describe('the PBX believes a receipt only when it must', () => {
  it('refuses a receipt changed on the way (RECEIPT_SIGNATURE_INVALID)', async () => {
    const { authority, dir } = await setup();
    await verifyOnline(dir, inProcess(authority));
    await refusedReceipt(
      relay(authority, (r) => ({ ...r, status: 'valid', nextCheckIn: '2099-01-01T00:00:00.000Z' })),
      dir,
      'RECEIPT_SIGNATURE_INVALID',
    );
    await refusedReceipt(
      relay(authority, (r) => ({ ...r, licences: [{ number: 11, quantity: 500, notAfter: null }] })),
      dir,
      'RECEIPT_SIGNATURE_INVALID',
    );
  });

  it('refuses an old receipt replayed for a new request (RECEIPT_NONCE_MISMATCH)', async () => {
    const { authority, dir } = await setup();
    let old: Receipt | undefined;
    await verifyOnline(
      dir,
      relay(authority, (r) => (old = r)),
    );
    await refusedReceipt(
      async (req) => {
        await authority.call('verification.check', req);
        return old;
      },
      dir,
      'RECEIPT_NONCE_MISMATCH',
    );
  });

  it('refuses a receipt about another certificate (RECEIPT_WRONG_CERTIFICATE)', async () => {
    const { authority, dir } = await setup();
    await refusedReceipt(
      relay(authority, (r) => ({ ...r, certificateSerial: 'ff'.repeat(16) })),
      dir,
      'RECEIPT_WRONG_CERTIFICATE',
    );
  });

  it('refuses a receipt signed under another root (RECEIPT_UNTRUSTED)', async () => {
    const { authority, dir } = await setup();
    const foreignRoot = ca('Foreign Root', undefined, 1);
    const foreign = ca('Foreign Issuing', foreignRoot.issuer);
    await refusedReceipt(
      relay(authority, (r) => signedBy(foreign.issuer.key, r, [foreign.der])),
      dir,
      'RECEIPT_UNTRUSTED',
    );
    // The genuine issuing CA's certificate with a foreign key's signature: the signature check catches it.
    await refusedReceipt(
      relay(authority, (r) => signedBy(foreign.issuer.key, r, [authority.ctx.ca.issuingDer])),
      dir,
      'RECEIPT_SIGNATURE_INVALID',
    );
  });

  it('refuses a receipt signed by a PBX certificate rather than a CA (RECEIPT_SIGNER_NOT_CA)', async () => {
    const { authority, dir } = await setup();
    const leaf = (await readFile(join(dir, 'licence-1.pem'), 'utf8'))
      .split('-----END CERTIFICATE-----')[0]!
      .replace(/-----BEGIN CERTIFICATE-----|\s/g, '');
    const key = await currentKey(dir);
    await refusedReceipt(
      relay(authority, (r) => ({ ...signedBy(key, r, []), chain: [leaf] })),
      dir,
      'RECEIPT_SIGNER_NOT_CA',
    );
  });

  it('refuses an answer that is no receipt at all (RECEIPT_MALFORMED)', async () => {
    const { authority, dir } = await setup();
    await refusedReceipt(
      relay(authority, () => ({ ok: true })),
      dir,
      'RECEIPT_MALFORMED',
    );
    await refusedReceipt(
      relay(authority, (r) => ({ ...r, chain: [] })),
      dir,
      'RECEIPT_MALFORMED',
    );
  });

  it("accepts a receipt signed by a CA delegated below the issuing CA: the signer need not be the vendor's own CA", async () => {
    const { authority, dir } = await setup();
    const delegated = ca('Reseller Desk CA', authority.ctx.ca.issuer);
    const r = await verifyOnline(
      dir,
      relay(authority, (x) => signedBy(delegated.issuer.key, x, [delegated.der, authority.ctx.ca.issuingDer])),
    );
    expect(r).toMatchObject({ outcome: 'verified', online: { state: 'licensed' } });
  });
});

describe('reaching the server', () => {
  it('a sender that throws is "unreachable"; an authority that answers with an error is "refused"', async () => {
    const { dir } = await setup();
    expect(
      await verifyOnline(dir, async () => {
        throw new Error('socket hang up');
      }),
    ).toMatchObject({ outcome: 'unreachable', error: { message: expect.stringContaining('socket hang up') } });
    expect(
      await verifyOnline(dir, async () => {
        throw new LdError({ code: 'SERVER_TIMEOUT', kind: 'unavailable', message: 'late' });
      }),
    ).toMatchObject({ outcome: 'unreachable' });
    expect(
      await verifyOnline(dir, async () => {
        throw new LdError({ code: 'VERIFY_REPLAY', kind: 'conflict', message: 'again' });
      }),
    ).toMatchObject({ outcome: 'refused', error: { code: 'VERIFY_REPLAY' } });
  });

  it('a PBX without an installed certificate has nothing to verify (PBX_NOT_LICENSED)', async () => {
    const { authority } = await freshAuthority();
    const dir = tempDir('ld-pbx-');
    await initPbx(dir, { serial: 'U-2', model: 'comtrexx-vm', trustPem: (await authority.call('ca.root', {})).pem });
    await expect(verifyOnline(dir, inProcess(authority))).rejects.toMatchObject({ code: 'PBX_NOT_LICENSED' });
  });

  it('a damaged online record is reported by status and replaced by the next check', async () => {
    const { authority, dir } = await setup();
    await writeFile(join(dir, 'online.json'), '{"version":1,"lastReceipt":7}');
    await expect(pbxStatus(dir)).rejects.toMatchObject({
      code: 'PBX_STATE_CORRUPT',
      params: { path: join(dir, 'online.json') },
    });
    expect((await verifyOnline(dir, inProcess(authority))).online.state).toBe('licensed');
    expect((await pbxStatus(dir)).online?.state).toBe('licensed');
  });
});

describe('grace and clock (pure)', () => {
  const leaf = { serialHex: 'aa', notBefore: T0 };
  /** The clock reads `now`; the trusted time is the newest of it and the receipt's server time. */
  const seen = (now: Date, record?: OnlineRecord): TrustedClock => ({
    clock: now,
    trustedTime: highWater(now, record?.lastReceipt ? new Date(record.lastReceipt.serverTime) : undefined),
  });
  const checked = (
    status: 'valid' | 'revoked' | 'superseded' | 'expired',
    serial = 'aa',
    serverShiftMs = 0,
  ): OnlineRecord => ({
    version: 1,
    lastReceipt: {
      certificateSerial: serial,
      status,
      serverTime: new Date(T0.getTime() + serverShiftMs).toISOString(),
      nextCheckIn: new Date(T0.getTime() + serverShiftMs + 7 * DAY).toISOString(),
      checkedAt: T0.toISOString(),
    },
  });

  it.each<[string, OnlineRecord | undefined, Date, string]>([
    ['never checked: grace from installation', undefined, at(1), 'grace'],
    ['never checked, 14 days on: lapsed', undefined, at(GRACE_DAYS + 0.01), 'lapsed'],
    ['checked valid, check not yet due: licensed', checked('valid'), at(6.9), 'licensed'],
    ['check due but within grace: grace', checked('valid'), at(10), 'grace'],
    ['exactly at the end of grace: still grace', checked('valid'), at(GRACE_DAYS), 'grace'],
    ['past grace: lapsed', checked('valid'), at(GRACE_DAYS + 0.01), 'lapsed'],
    ['a clock far behind never lapses on time alone', checked('valid'), at(-400), 'licensed'],
    ['revoked by the server stays revoked', checked('revoked'), at(1), 'revoked'],
    ['superseded by the server', checked('superseded'), at(1), 'superseded'],
    ['a receipt for an earlier certificate does not count', checked('revoked', 'bb'), at(1), 'grace'],
  ])('%s', (_name, record, now, state) => {
    expect(onlineStatus(record, leaf, seen(now, record)).state).toBe(state);
  });

  it("measures the due date on the PBX's clock, so a constant offset from the server cancels out", () => {
    // The server's clock ran 3 hours ahead of this PBX's at the check; an hour later the PBX is still 2 hours behind.
    const record = checked('valid', 'aa', 3 * 3_600_000);
    const s = onlineStatus(record, leaf, seen(new Date(T0.getTime() + 3_600_000), record));
    expect(s).toMatchObject({
      state: 'licensed',
      checkDue: at(7).toISOString(),
      graceUntil: at(GRACE_DAYS).toISOString(),
      clockBehind: true,
    });
  });

  it('calls the clock behind only beyond a 5-minute tolerance of the last server time', () => {
    expect(
      onlineStatus(checked('valid'), leaf, seen(new Date(T0.getTime() - 4 * 60_000), checked('valid'))).clockBehind,
    ).toBe(false);
    expect(
      onlineStatus(checked('valid'), leaf, seen(new Date(T0.getTime() - 6 * 60_000), checked('valid'))).clockBehind,
    ).toBe(true);
    expect(onlineStatus(undefined, leaf, seen(at(-1), undefined)).clockBehind).toBe(false);
  });
});
