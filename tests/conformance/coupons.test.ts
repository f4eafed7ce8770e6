// Coupons (DESIGN.md, MIKO handbook): minted with ≥ 80 bits and a check character, each a bundle
// of features; redeemed exactly once — also under 50 concurrent requests — for perpetual
// licences; a registration first; stable refusals. Every rule runs on SQLite and PostgreSQL.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import type { Authority } from '../../src/authority/authority';
import { COUPON_DATA_CHARS, newCouponCode, parseCouponCode } from '../../src/authority/coupons/code';
import type { Actor } from '../../src/authority/context';
import { makeRequest, recreate } from '../support/fixtures';
import { linkedToAccepted } from '../support/offers';
import { describeStores } from '../support/stores';

const FORMAT = /^LDC-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Links a device to a registration whose owner accepted the EULA, through the real operations. */
async function register(authority: Authority, serial: string, actor?: Actor): Promise<void> {
  await linkedToAccepted(authority, serial, actor);
}

async function otherReseller(authority: Authority): Promise<Actor> {
  const db = authority.ctx.db;
  const row = await db.write((tx) =>
    tx.first(
      db.qb.insertInto('resellers').values({ name: 'Other', created_at: new Date().toISOString() }).returning('id'),
    ),
  );
  return { resellerId: row!.id, vendor: false, label: `reseller:${row!.id}` };
}

async function askozia(authority: Authority, serial: string, opts: { registered?: boolean } = {}): Promise<void> {
  await authority.call('devices.add', { serial, model: 'askozia-pbx' });
  if (opts.registered ?? true) await register(authority, serial);
}

const mintOne = async (authority: Authority, input: Record<string, unknown> = { feature: 33 }) =>
  (await authority.call('coupons.mint', input)).codes[0]!;

/** The same code with one character changed at `at` (0..19 over the characters after LDC-). */
function withChar(code: string, at: number, ch: string): string {
  const chars = code.slice(4).replace(/-/g, '').split('');
  chars[at] = ch;
  return `LDC-${chars.join('')}`;
}

describe('Coupon codes', () => {
  it('Coupon: minted with ≥ 80 bits of entropy (95 random bits) and a check character, never twice the same', () => {
    expect(COUPON_DATA_CHARS * 5).toBeGreaterThanOrEqual(80);
    const codes = Array.from({ length: 2000 }, () => newCouponCode());
    for (const c of codes) expect(c).toMatch(FORMAT);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('Coupon: every single wrong character and every swap is caught by the check character (COUPON_TYPO)', () => {
    const code = newCouponCode();
    for (let at = 0; at < 20; at++) {
      for (const ch of ALPHABET) {
        const typo = withChar(code, at, ch);
        if (typo.replace(/-/g, '') === code.replace(/-/g, '')) continue;
        expect(() => parseCouponCode(typo), `${typo}`).toThrow(
          expect.objectContaining({ code: 'COUPON_TYPO', kind: 'input' }),
        );
      }
    }
    const chars = code.slice(4).replace(/-/g, '');
    for (let a = 0; a < 20; a++) {
      for (let b = a + 1; b < 20; b++) {
        if (chars[a] === chars[b]) continue;
        const swapped = withChar(withChar(code, a, chars[b]!), b, chars[a]!);
        expect(() => parseCouponCode(swapped)).toThrow(expect.objectContaining({ code: 'COUPON_TYPO' }));
      }
    }
  });

  it('Coupon: read the way people type it — case, spaces, no hyphens, O for 0, I and L for 1', () => {
    const code = newCouponCode();
    const loose = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(parseCouponCode(loose)).toBe(code);
    expect(parseCouponCode(`  “${code.slice(4).replace(/-/g, '')}”. `)).toBe(code);
    expect(parseCouponCode(code.replace(/-/g, ' – '))).toBe(code);
  });

  it('Coupon: a malformed code says what is wrong (COUPON_MALFORMED)', () => {
    const code = newCouponCode();
    expect(() => parseCouponCode(code.slice(0, -1))).toThrow(/has 19 characters after LDC-/);
    expect(() => parseCouponCode(withChar(code, 7, 'U'))).toThrow(
      expect.objectContaining({
        code: 'COUPON_MALFORMED',
        message: expect.stringContaining('"U" in group 2, position 3'),
      }),
    );
    expect(() => parseCouponCode('x'.repeat(500))).toThrow(expect.objectContaining({ code: 'COUPON_MALFORMED' }));
  });
});

describeStores('coupons', ({ open }) => {
  it('Coupon: each a bundle of features, redeemed for perpetual licences (source coupon), audited without the code', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'B1', model: 'comtrexx-business' });
    const minted = await authority.call('coupons.mint', {
      features: [{ feature: 10 }, { feature: 'user-licence', quantity: 8 }, { feature: 12 }],
    });
    expect(minted.features).toEqual([
      { feature: 10, featureName: 'System activation', quantity: 1 },
      { feature: 11, featureName: 'User licence (floating)', quantity: 8 },
      { feature: 12, featureName: 'PBX Call Assist V1', quantity: 1 },
    ]);
    const redeemed = await authority.call('coupons.redeem', { code: minted.codes[0]!, serial: 'B1' });
    expect(redeemed.licences.map((l) => [l.feature, l.quantity, l.source, l.notAfter])).toEqual([
      [10, 1, 'coupon', null],
      [11, 8, 'coupon', null],
      [12, 1, 'coupon', null],
    ]);
    // The licences are real: a COMtrexx Business certificate with its system activation follows.
    const answer = await recreate(authority, makeRequest('B1', 'comtrexx-business').code);
    expect(answer.features.map((f) => f.number)).toEqual([10, 11, 12]);
    const audit = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select(['action', 'data']),
    );
    expect(audit.map((a) => a.action)).toEqual(['device.add', 'coupon.mint', 'coupon.redeem', 'certificate.issue']);
    expect(JSON.stringify(audit)).not.toContain(minted.codes[0]!.slice(4, 9));
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });

  it('Coupon: only the SHA-256 hash of a code is stored', async () => {
    const { authority } = await open();
    const { codes } = await authority.call('coupons.mint', { feature: 33, count: 3 });
    const rows = await authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('coupons').select('code_hash'));
    const hashes = codes.map((c) => createHash('sha256').update(c).digest('hex'));
    expect(rows.map((r) => r.code_hash).sort()).toEqual(hashes.sort());
  });

  it('Coupon: needs a registration first (COUPON_NO_REGISTRATION), and nothing is used up', async () => {
    const { authority } = await open();
    await askozia(authority, 'A1', { registered: false });
    const code = await mintOne(authority);
    await expect(authority.call('coupons.redeem', { code, serial: 'A1' })).rejects.toMatchObject({
      code: 'COUPON_NO_REGISTRATION',
      message: expect.stringContaining('is not linked to a registration yet: link it'),
    });
    await register(authority, 'A1');
    const r = await authority.call('coupons.redeem', { code, serial: 'A1' });
    expect(r.licences).toMatchObject([{ feature: 33, source: 'coupon', notAfter: null }]);
  });

  it('Coupon: serial-bound COMtrexx PBXs have no registration numbers, so need none', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'V1', model: 'comtrexx-vm' });
    const code = await mintOne(authority, { feature: 11, quantity: 5 });
    expect((await authority.call('coupons.redeem', { code, serial: 'V1' })).licences).toMatchObject([
      { feature: 11, quantity: 5 },
    ]);
  });

  it('Coupon: a typo is refused before any lookup (COUPON_TYPO)', async () => {
    const { authority } = await open();
    await askozia(authority, 'A2');
    const code = await mintOne(authority);
    const last = code.at(-1)!;
    const typo = code.slice(0, -1) + (last === 'Z' ? 'Y' : 'Z');
    await expect(authority.call('coupons.redeem', { code: typo, serial: 'A2' })).rejects.toMatchObject({
      code: 'COUPON_TYPO',
      kind: 'input',
    });
  });

  it('Coupon: an unknown coupon is refused (COUPON_UNKNOWN)', async () => {
    const { authority } = await open();
    await askozia(authority, 'A3');
    await expect(authority.call('coupons.redeem', { code: newCouponCode(), serial: 'A3' })).rejects.toMatchObject({
      code: 'COUPON_UNKNOWN',
      kind: 'not_found',
    });
  });

  it('Coupon: already redeemed (COUPON_ALREADY_REDEEMED) says when, and by which device only to its owner', async () => {
    const { authority, clock } = await open();
    clock.now = new Date('2026-03-04T05:06:07Z');
    const other = await otherReseller(authority);
    await askozia(authority, 'A4');
    await askozia(authority, 'A5');
    await authority.call('devices.add', { serial: 'X1', model: 'askozia-pbx' }, other);
    await register(authority, 'X1', other);
    const code = await mintOne(authority);
    await authority.call('coupons.redeem', { code, serial: 'A4' });
    const own = authority.call('coupons.redeem', { code, serial: 'A5' });
    await expect(own).rejects.toMatchObject({
      code: 'COUPON_ALREADY_REDEEMED',
      params: { redeemedAt: '2026-03-04T05:06:07.000Z', serial: 'A4' },
    });
    await expect(own).rejects.toThrow(/redeemed on 2026-03-04 05:06 UTC for your device A4/);
    const theirs = await authority.call('coupons.redeem', { code, serial: 'X1' }, other).catch((e: unknown) => e);
    expect(theirs).toMatchObject({
      code: 'COUPON_ALREADY_REDEEMED',
      params: { redeemedAt: '2026-03-04T05:06:07.000Z' },
    });
    // The serial as a word: the masked coupon code shown in the message is random and may contain "A4".
    expect(JSON.stringify(theirs)).not.toMatch(/\bA4\b/);
    expect((theirs as Error).message).not.toMatch(/\bA4\b/);
  });

  it('Coupon: blocked by the vendor (COUPON_BLOCKED); blocking twice changes nothing; a redeemed coupon cannot be blocked', async () => {
    const { authority } = await open();
    await askozia(authority, 'A6');
    const [a, b] = (await authority.call('coupons.mint', { feature: 33, count: 2 })).codes;
    expect(await authority.call('coupons.block', { code: a! })).toMatchObject({ alreadyBlocked: false });
    expect(await authority.call('coupons.block', { code: a!.toLowerCase() })).toMatchObject({ alreadyBlocked: true });
    await expect(authority.call('coupons.redeem', { code: a!, serial: 'A6' })).rejects.toMatchObject({
      code: 'COUPON_BLOCKED',
    });
    await authority.call('coupons.redeem', { code: b!, serial: 'A6' });
    await expect(authority.call('coupons.block', { code: b! })).rejects.toMatchObject({
      code: 'COUPON_ALREADY_REDEEMED',
    });
    await expect(authority.call('coupons.block', { code: newCouponCode() })).rejects.toMatchObject({
      code: 'COUPON_UNKNOWN',
    });
    expect((await authority.call('devices.get', { serial: 'A6' })).licences).toHaveLength(1);
  });

  it('Coupon: a feature the PBX model cannot carry is refused (COUPON_FEATURE_NOT_FOR_MODEL), nothing redeemed', async () => {
    const { authority } = await open();
    await askozia(authority, 'A7');
    const code = await mintOne(authority, { feature: 34 });
    await expect(authority.call('coupons.redeem', { code, serial: 'A7' })).rejects.toMatchObject({
      code: 'COUPON_FEATURE_NOT_FOR_MODEL',
      message: expect.stringContaining('34 (Askozia CFE)'),
    });
    await authority.call('devices.add', { serial: 'C7', model: 'askozia-cfe' });
    await register(authority, 'C7');
    expect((await authority.call('coupons.redeem', { code, serial: 'C7' })).licences).toMatchObject([{ feature: 34 }]);
  });

  it('Coupon: only the vendor mints and blocks (VENDOR_ONLY)', async () => {
    const { authority } = await open();
    const other = await otherReseller(authority);
    await expect(authority.call('coupons.mint', { feature: 33 }, other)).rejects.toMatchObject({
      code: 'VENDOR_ONLY',
      kind: 'forbidden',
    });
    const code = await mintOne(authority);
    await expect(authority.call('coupons.block', { code }, other)).rejects.toMatchObject({ code: 'VENDOR_ONLY' });
  });

  it('Coupon: what may be minted is checked (count 1..1000, one of feature/features, quantities, bundles a model can carry)', async () => {
    const { authority } = await open();
    const refused = (input: Record<string, unknown>) => authority.call('coupons.mint', input);
    await expect(refused({ feature: 33, count: 0 })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(refused({ feature: 33, count: 1001 })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(refused({})).rejects.toMatchObject({ code: 'COUPON_FEATURES_REQUIRED' });
    await expect(refused({ feature: 33, features: [{ feature: 33 }] })).rejects.toMatchObject({
      code: 'COUPON_FEATURES_REQUIRED',
    });
    await expect(refused({ feature: 99 })).rejects.toMatchObject({ code: 'UNKNOWN_FEATURE' });
    await expect(refused({ feature: 12, quantity: 2 })).rejects.toMatchObject({ code: 'QUANTITY_INVALID' });
    await expect(refused({ features: [{ feature: 11 }, { feature: 'user-licence' }] })).rejects.toMatchObject({
      code: 'COUPON_FEATURE_TWICE',
    });
    await expect(refused({ features: [{ feature: 10 }, { feature: 33 }] })).rejects.toMatchObject({
      code: 'COUPON_BUNDLE_NO_MODEL',
    });
    const many = await authority.call('coupons.mint', { feature: 11, quantity: 3, count: 1000 });
    expect(new Set(many.codes).size).toBe(1000);
    expect(
      await authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('coupon_features').select('coupon_id')),
    ).toHaveLength(1000);
  });

  it("Coupon: another reseller's serial is not found, and the coupon stays redeemable", async () => {
    const { authority } = await open();
    const other = await otherReseller(authority);
    await askozia(authority, 'A8');
    const code = await mintOne(authority);
    await expect(authority.call('coupons.redeem', { code, serial: 'A8' }, other)).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
    await authority.call('coupons.redeem', { code, serial: 'A8' });
  });

  it('Coupon: exactly once under 50 concurrent redemptions — 1 success, 49 COUPON_ALREADY_REDEEMED', async () => {
    const { authority } = await open();
    const serials = Array.from({ length: 50 }, (_, i) => `R${i}`);
    for (const s of serials) await askozia(authority, s);
    const code = await mintOne(authority);
    const results = await Promise.allSettled(
      serials.map((serial) => authority.call('coupons.redeem', { code, serial })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    expect(ok).toHaveLength(1);
    expect(refused).toEqual(Array(49).fill('COUPON_ALREADY_REDEEMED'));
    const licences = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('licences').select('device_id').where('source', '=', 'coupon'),
    );
    expect(licences).toHaveLength(1);
    const audit = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select('action').where('action', '=', 'coupon.redeem'),
    );
    expect(audit).toHaveLength(1);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });
});
