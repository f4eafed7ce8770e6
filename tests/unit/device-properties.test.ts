// Property tests of the PBX's licence state over random sequences of what happens to a PBX:
// time passing, its clock set back or forward, online checks answered by a genuine, changed,
// foreign, replayed or future receipt, the authority revoking (binding reset) or superseding its
// certificate, and a fresh answer installed. Real authority, real state folder, real signatures.
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import { oneOffRequest } from '../../src/device/one-off';
import { initPbx, installAnswer, pbxStatus, type PbxStatus } from '../../src/device/simulator';
import { verifyOnline, type Sender } from '../../src/device/verify';
import { buildCertificate, keyIdentifier, type Issuer } from '../../src/licensing/certificate';
import { signerOf } from '../../src/licensing/signer';
import { caName } from '../../src/licensing/names';
import { toPem } from '../../src/licensing/pem';
import { receiptBytes } from '../../src/licensing/verification';
import type { Receipt } from '../../src/shared/api/verification';
import { linkedToAccepted } from '../support/offers';
import { freshAuthority, recreate, tempDir, type TestClock } from '../support/fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

type ReceiptKind = 'genuine' | 'changed' | 'foreign' | 'wrong-certificate' | 'replayed' | 'future';
type Step =
  | { kind: 'wait'; ms: number }
  | { kind: 'clock'; shiftMs: number }
  | { kind: 'verify'; receipt: ReceiptKind }
  | { kind: 'revoke' }
  | { kind: 'supersede' }
  | { kind: 'install' };

const steps: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(HOUR, DAY, 8 * DAY, 20 * DAY, YEAR) }),
  fc.record({
    kind: fc.constant('clock' as const),
    shiftMs: fc.constantFrom(-HOUR, -DAY, -YEAR, 10 * YEAR, 3 * DAY, -3 * DAY),
  }),
  fc.record({
    kind: fc.constant('verify' as const),
    receipt: fc.constantFrom<ReceiptKind>('genuine', 'changed', 'foreign', 'wrong-certificate', 'replayed', 'future'),
  }),
  fc.constant({ kind: 'revoke' as const }),
  fc.constant({ kind: 'supersede' as const }),
  fc.constant({ kind: 'install' as const }),
);

/** A CA under a root nobody trusts: receipts it signs must change nothing. */
function foreignCa(): { key: Issuer['key']; der: Buffer } {
  const k = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = k.publicKey.export({ type: 'spki', format: 'der' });
  const self: Issuer = { name: caName('Foreign CA'), key: k.privateKey, keyId: keyIdentifier(spki) };
  const now = Date.now();
  const der = buildCertificate({
    issuer: self,
    subject: self.name,
    spkiDer: spki,
    notBefore: new Date(now - 100 * YEAR),
    notAfter: new Date(now + 100 * YEAR),
    ca: { pathLen: 0 },
  });
  return { key: k.privateKey, der };
}
const foreign = foreignCa();
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** What the PBX allows, compared before and after a step that must not change it. */
const verdictOf = (s: PbxStatus) => ({ state: s.state, licences: s.licences });

class Pbx {
  offset = 0;
  revokedUntilInstall = false;
  lastGenuine: Receipt | undefined;
  constructor(
    readonly authority: Authority,
    readonly clock: TestClock,
    readonly dir: string,
    readonly serial: string,
    readonly host: Uint8Array,
  ) {}
  get now(): Date {
    return new Date(this.clock.now.getTime() + this.offset);
  }
  status(): Promise<PbxStatus> {
    return pbxStatus(this.dir, this.now);
  }
  sender(kind: ReceiptKind): Sender {
    const call = (req: Parameters<Sender>[0]) => this.authority.call('verification.check', req);
    switch (kind) {
      case 'genuine':
        return call;
      case 'changed':
        return async (req) => ({ ...(await call(req)), status: 'valid', nextCheckIn: '2999-01-01T00:00:00.000Z' });
      case 'foreign':
        return async (req) => {
          const r = await call(req);
          return { ...r, signature: b64(signerOf(foreign.key).sign(receiptBytes(r))), chain: [b64(foreign.der)] };
        };
      case 'wrong-certificate':
        return async (req) => ({ ...(await call(req)), certificateSerial: 'ee'.repeat(16) });
      case 'replayed':
        return async (req) => {
          const fresh = await call(req);
          return this.lastGenuine ?? { ...fresh, nonce: 'AAAAAAAAAAAAAAAAAAAAAA' };
        };
      case 'future':
        return async (req) => {
          const real = this.clock.now;
          this.clock.now = new Date(real.getTime() + YEAR);
          try {
            return await call(req);
          } finally {
            this.clock.now = real;
          }
        };
    }
  }
}

async function newPbx(authority: Authority, clock: TestClock, serial: string): Promise<Pbx> {
  const dir = tempDir('ld-prop-');
  await authority.call('devices.add', { serial, model: 'askozia-pbx' });
  await linkedToAccepted(authority, serial); // a grant on a host-bound model needs the link and the EULA
  await authority.call('licences.grant', { serial, feature: 33, quantity: 1 });
  const trustPem = toPem('CERTIFICATE', authority.ctx.ca.rootDer);
  const { code } = await initPbx(dir, { serial, model: 'askozia-pbx', trustPem, now: clock.now });
  await installAnswer(dir, (await recreate(authority, code, serial)).code, clock.now);
  const host = Buffer.from((await pbxStatus(dir, clock.now)).hostFingerprint, 'hex');
  return new Pbx(authority, clock, dir, serial, host);
}

/** Runs one step and checks the properties that step must keep. */
async function run(p: Pbx, step: Step): Promise<void> {
  const before = await p.status();
  switch (step.kind) {
    case 'wait':
      p.clock.now = new Date(p.clock.now.getTime() + step.ms);
      break;
    case 'clock': {
      p.offset += step.shiftMs;
      const after = await p.status();
      if (step.shiftMs < 0) expect(verdictOf(after)).toEqual(verdictOf(before)); // set back: exactly nothing changes
      break;
    }
    case 'verify': {
      const r = await verifyOnline(p.dir, p.sender(step.receipt), p.now);
      const genuine = step.receipt === 'genuine' || step.receipt === 'future';
      if (genuine && r.outcome === 'verified') {
        p.lastGenuine = r.receipt;
        if (r.receipt!.status === 'revoked' || r.receipt!.status === 'superseded') p.revokedUntilInstall = true;
      }
      if (!genuine) {
        expect(r.outcome).toBe('bad-receipt');
        const after = await pbxStatus(p.dir, p.now);
        expect({ ...verdictOf(after), last: after.online?.lastCheck }).toEqual({
          ...verdictOf(before),
          last: before.online?.lastCheck,
        });
      }
      break;
    }
    case 'revoke': {
      const bindings = await p.authority.call('bindings.list', {});
      const mine = bindings.find((b) => b.active && b.serial === p.serial);
      if (mine) await p.authority.call('bindings.reset', { id: mine.id, feature: 33 });
      break;
    }
    case 'supersede': {
      const other = oneOffRequest({
        serial: p.serial,
        model: 'askozia-pbx',
        hostFingerprint: p.host,
        generation: 1000,
      });
      await recreate(p.authority, other.code, p.serial).catch(() => undefined); // refused (e.g. no licence): nothing happens
      break;
    }
    case 'install': {
      const { code } = await initPbx(p.dir, { serial: p.serial, model: 'askozia-pbx', now: p.now });
      const answer = await recreate(p.authority, code, p.serial).catch(() => undefined);
      if (answer && (await installAnswer(p.dir, answer.code, p.now).catch(() => undefined))) {
        p.revokedUntilInstall = false;
        p.lastGenuine = undefined;
      }
      break;
    }
  }
  const after = await p.status();
  expect(Date.parse(after.trustedTime)).toBeGreaterThanOrEqual(Date.parse(before.trustedTime)); // never wound back
  if (p.revokedUntilInstall) expect(after.state).toBe('revoked');
  // Past the certificate's end by the trusted time, nothing is licensed, whatever the clock reads.
  if (after.certificate && Date.parse(after.trustedTime) > Date.parse(after.certificate.notAfter))
    expect(['expired', 'revoked']).toContain(after.state);
}

describe('the PBX licence state over random histories', () => {
  it('never more permissive after a clock set-back; revoked until a newer answer; bad receipts change nothing', async () => {
    const { authority, clock } = await freshAuthority();
    const start = clock.now;
    let n = 0;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(steps, { minLength: 3, maxLength: 9 }), async (history) => {
        clock.now = start; // each history starts today (a new serial each), so years of waiting never add up past the CA's validity
        const p = await newPbx(authority, clock, `P-${++n}`);
        for (const step of history) {
          await run(p, step);
          seen.add((await p.status()).state);
        }
      }),
      { numRuns: 14, seed: 20261202 },
    );
    // The histories reached the states the properties are about (a property over nothing proves nothing).
    expect([...seen].sort()).toEqual(expect.arrayContaining(['expired', 'licensed', 'revoked']));
  }, 600_000);
});
