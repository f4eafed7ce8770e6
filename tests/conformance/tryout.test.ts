// Tryout (COMtrexx manual): COMtrexx VM only, 14 days with 3 test user licences, once per PBX,
// ever; buying ends it; after expiry or leaving it never starts again; Business and Advanced are
// refused with the reason. Every rule on SQLite and PostgreSQL, the one-time start under races.
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import { insertLicence } from '../../src/authority/certificates/licences';
import { installAnswer, pbxStatus } from '../../src/device/simulator';
import { makeRequest, recreate } from '../support/fixtures';
import { otherReseller, outcomes, simulatedPbx } from '../support/offers';
import { describeStores } from '../support/stores';

const DAY = 24 * 3600 * 1000;
const vm = 'comtrexx-vm';

describeStores('tryout', ({ open }) => {
  it('Tryout (COMtrexx VM only): 14 days with 3 test user licences, carried by the next certificate', async () => {
    const { authority, clock } = await open();
    await authority.call('devices.add', { serial: 'T1', model: vm });
    const started = await authority.call('tryout.start', { serial: 'T1' });
    expect(started).toMatchObject({
      serial: 'T1',
      state: 'active',
      daysLeft: 14,
      testUsers: 3,
      answer: null,
      available: false,
    });
    expect(new Date(started.endsAt!).getTime() - clock.now.getTime()).toBe(14 * DAY);
    const { licences } = await authority.call('devices.get', { serial: 'T1' });
    expect(licences.map((l) => [l.feature, l.quantity, l.source, l.notAfter])).toEqual([
      [11, 3, 'tryout', started.endsAt],
    ]);
    const answer = await recreate(authority, makeRequest('T1', vm).code);
    expect(answer.features).toEqual([{ number: 11, quantity: 3, notAfter: started.endsAt, source: 'tryout' }]);
    clock.now = new Date(clock.now.getTime() + 13.5 * DAY);
    expect(await authority.call('tryout.status', { serial: 'T1' })).toMatchObject({ state: 'active', daysLeft: 1 });
    const audit = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select('action').orderBy('id'),
    );
    expect(audit.map((a) => a.action)).toEqual(['device.add', 'tryout.start', 'certificate.issue']);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });

  it('Tryout: more than 3 users is not possible in tryout (the test licence is exactly 3)', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T2', model: vm });
    await authority.call('tryout.start', { serial: 'T2' });
    const answer = await recreate(authority, makeRequest('T2', vm).code);
    expect(answer.features.reduce((n, f) => n + (f.number === 11 ? f.quantity : 0), 0)).toBe(3);
  });

  it('Tryout: Business and Advanced have no tryout: they always need bought licences (TRYOUT_NOT_AVAILABLE)', async () => {
    const { authority } = await open();
    for (const [serial, model, name] of [
      ['B1', 'comtrexx-business', 'COMtrexx Business'],
      ['A1', 'comtrexx-advanced', 'COMtrexx Advanced'],
    ] as const) {
      await authority.call('devices.add', { serial, model });
      const refused = authority.call('tryout.start', { serial });
      await expect(refused).rejects.toMatchObject({ code: 'TRYOUT_NOT_AVAILABLE', kind: 'rule' });
      await expect(refused).rejects.toThrow(`${name} has no tryout: it always needs bought licences`);
      expect(await authority.call('tryout.status', { serial })).toMatchObject({
        state: 'never',
        available: false,
        reason: `${name} has no tryout: it always needs bought licences`,
      });
    }
    await authority.call('devices.add', { serial: 'K1', model: 'askozia-pbx' });
    await expect(authority.call('tryout.start', { serial: 'K1' })).rejects.toThrow(
      'Askozia PBX has no tryout: registering it starts a 30-day trial instead',
    );
    expect((await authority.call('devices.get', { serial: 'B1' })).licences).toEqual([]);
  });

  it('Tryout: once per device, ever (a second start is refused with when it started)', async () => {
    const { authority, clock } = await open();
    await authority.call('devices.add', { serial: 'T3', model: vm });
    await authority.call('tryout.start', { serial: 'T3' });
    const again = authority.call('tryout.start', { serial: 'T3' });
    await expect(again).rejects.toMatchObject({
      code: 'TRYOUT_ALREADY_USED',
      params: { startedAt: clock.now.toISOString(), state: 'active' },
    });
    await expect(again).rejects.toThrow(`it started on ${clock.now.toISOString().slice(0, 10)}`);
    expect((await authority.call('devices.get', { serial: 'T3' })).licences).toHaveLength(1);
  });

  it('Tryout: a PBX that already has bought licences gets no tryout (TRYOUT_NOT_AVAILABLE)', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T4', model: vm });
    await authority.call('licences.grant', { serial: 'T4', feature: 11, quantity: 2 });
    await expect(authority.call('tryout.start', { serial: 'T4' })).rejects.toMatchObject({
      code: 'TRYOUT_NOT_AVAILABLE',
      params: { reason: 'licensed' },
    });
    expect(await authority.call('tryout.status', { serial: 'T4' })).toMatchObject({
      state: 'never',
      available: false,
      reason: 'T4 already has bought licences',
    });
  });

  it('Tryout: buying licences ends it; the next certificate carries only the bought licences; it never starts again', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T5', model: vm });
    await authority.call('tryout.start', { serial: 'T5' });
    await authority.call('licences.grant', { serial: 'T5', feature: 11, quantity: 5 });
    expect(await authority.call('tryout.status', { serial: 'T5' })).toMatchObject({
      state: 'ended',
      endReason: 'bought',
      daysLeft: 0,
      testUsers: 0,
    });
    const answer = await recreate(authority, makeRequest('T5', vm).code);
    expect(answer.features).toEqual([{ number: 11, quantity: 5, notAfter: null, source: 'grant' }]);
    const { licences } = await authority.call('devices.get', { serial: 'T5' });
    expect(licences.find((l) => l.source === 'tryout')?.endedAt).not.toBeNull();
    await expect(authority.call('tryout.start', { serial: 'T5' })).rejects.toThrow(/because licences were bought/);
  });

  it('Tryout: a coupon purchase ends it too (insertLicence with source coupon)', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T6', model: vm });
    await authority.call('tryout.start', { serial: 'T6' });
    const { ctx } = authority;
    await ctx.db.write(async (tx) => {
      const d = (await tx.first(ctx.db.qb.selectFrom('devices').select('id').where('serial', '=', 'T6')))!;
      await insertLicence(ctx, tx, { device_id: d.id, feature: 12, quantity: 1, source: 'coupon', not_after: null });
    });
    expect(await authority.call('tryout.status', { serial: 'T6' })).toMatchObject({
      state: 'ended',
      endReason: 'bought',
    });
    expect((await recreate(authority, makeRequest('T6', vm).code)).features.map((f) => [f.number, f.source])).toEqual([
      [12, 'coupon'],
    ]);
  });

  it('Tryout: after expiry it can never start again, and its licences are gone from certificates', async () => {
    const { authority, clock } = await open();
    await authority.call('devices.add', { serial: 'T7', model: vm });
    await authority.call('tryout.start', { serial: 'T7' });
    clock.now = new Date(clock.now.getTime() + 14 * DAY + 1000);
    expect(await authority.call('tryout.status', { serial: 'T7' })).toMatchObject({
      state: 'expired',
      daysLeft: 0,
      available: false,
    });
    await expect(authority.call('tryout.start', { serial: 'T7' })).rejects.toMatchObject({
      code: 'TRYOUT_ALREADY_USED',
      params: { state: 'expired' },
    });
    await expect(recreate(authority, makeRequest('T7', vm).code)).rejects.toMatchObject({ code: 'NO_LICENCES' });
    await expect(authority.call('tryout.end', { serial: 'T7' })).rejects.toMatchObject({ code: 'TRYOUT_NOT_ACTIVE' });
  });

  it('Tryout: after leaving tryout mode it can never start again (TRYOUT_NOT_ACTIVE when not in tryout)', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T8', model: vm });
    await expect(authority.call('tryout.end', { serial: 'T8' })).rejects.toMatchObject({
      code: 'TRYOUT_NOT_ACTIVE',
      params: { state: 'never' },
    });
    await authority.call('tryout.start', { serial: 'T8' });
    expect(await authority.call('tryout.end', { serial: 'T8' })).toMatchObject({ state: 'ended', endReason: 'left' });
    await expect(authority.call('tryout.start', { serial: 'T8' })).rejects.toThrow(/because it was left/);
    await expect(recreate(authority, makeRequest('T8', vm).code)).rejects.toMatchObject({ code: 'NO_LICENCES' });
  });

  it('Tryout: with an init code the answer is issued at once, and the PBX simulator installs it', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T9', model: vm });
    const pbx = await simulatedPbx(authority, 'T9', vm);
    const started = await authority.call('tryout.start', { serial: 'T9', initCode: pbx.code });
    expect(started.answer?.features).toEqual([{ number: 11, quantity: 3, notAfter: started.endsAt, source: 'tryout' }]);
    const installed = await installAnswer(pbx.dir, started.answer!.code);
    expect(installed.state).toBe('tryout');
    // Certificates carry whole seconds (GeneralizedTime).
    const endsAt = started.endsAt!.replace(/\.\d{3}Z$/, '.000Z');
    expect((await pbxStatus(pbx.dir)).licences).toEqual([
      { number: 11, quantity: 3, notAfter: endsAt, source: 'tryout', expired: false, usable: true },
    ]);
  });

  it('Tryout: a broken or foreign init code is refused before the tryout is used up', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T10', model: vm });
    await expect(
      authority.call('tryout.start', { serial: 'T10', initCode: makeRequest('OTHER', vm).code }),
    ).rejects.toMatchObject({ code: 'REQUEST_OTHER_DEVICE' });
    await expect(authority.call('tryout.start', { serial: 'T10', initCode: 'REQ1-NOTACODE' })).rejects.toMatchObject({
      kind: 'input',
    });
    expect(await authority.call('tryout.status', { serial: 'T10' })).toMatchObject({
      state: 'never',
      available: true,
      reason: null,
    });
  });

  it("Tryout: another reseller's device answers not found, nothing changed", async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T11', model: vm });
    const other = await otherReseller(authority);
    await expect(authority.call('tryout.start', { serial: 'T11' }, other)).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
    await expect(authority.call('tryout.status', { serial: 'T11' }, other)).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
    expect(await authority.call('tryout.status', { serial: 'T11' })).toMatchObject({ state: 'never' });
  });

  it('Tryout: concurrent starts give exactly one success, the rest TRYOUT_ALREADY_USED', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'T12', model: vm });
    const { ok, codes } = await outcomes(
      Array.from({ length: 20 }, () => authority.call('tryout.start', { serial: 'T12' })),
    );
    expect(ok).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('TRYOUT_ALREADY_USED'));
    expect((await authority.call('devices.get', { serial: 'T12' })).licences).toHaveLength(1);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true, entries: 2 });
  });

  it('Tryout: a purchase racing a tryout start never leaves a running tryout beside bought licences', async () => {
    const { authority } = await open();
    const serials = Array.from({ length: 8 }, (_, i) => `R${i}`);
    for (const serial of serials) await authority.call('devices.add', { serial, model: vm });
    await Promise.all(
      serials.flatMap((serial) => [
        authority.call('tryout.start', { serial }).catch(() => undefined),
        authority.call('licences.grant', { serial, feature: 11, quantity: 4 }),
      ]),
    );
    for (const serial of serials) {
      const status = await authority.call('tryout.status', { serial });
      expect(['never', 'ended']).toContain(status.state);
      const answer = await recreate(authority, makeRequest(serial, vm).code);
      expect(answer.features).toEqual([{ number: 11, quantity: 4, notAfter: null, source: 'grant' }]);
    }
  });
});
