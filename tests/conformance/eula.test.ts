// Licence agreement (MIKO handbook, issue 3): versions, acceptance recorded (who, when, which
// version, from which host), and no certificate for a registration whose owner has not accepted
// the current version. Every rule on SQLite and PostgreSQL.
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import { makeRequest, recreate } from '../support/fixtures';
import { acceptedRegistration, asServerCaller, hostCode, outcomes } from '../support/offers';
import { describeStores } from '../support/stores';

describeStores('EULA', ({ open }) => {
  it('EULA: an authority always has a current version (1.0, seeded once on first use)', async () => {
    const { authority } = await open();
    const [a, b] = await Promise.all([authority.call('eula.show', {}), authority.call('eula.show', {})]);
    expect(a).toMatchObject({ version: '1.0', text: expect.stringContaining('Licence agreement (EULA), version 1.0') });
    expect(b).toEqual(a);
    const stored = await authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('eula_versions').select('version'));
    expect(stored).toEqual([{ version: '1.0' }]);
    expect(await verifyAudit(authority.ctx.db)).toEqual({ ok: true, entries: 1 });
    expect(authority.ctx.policies.map((p) => p.name)).toContain('eula');
  });

  it('EULA: publishing is for the vendor only (VENDOR_ONLY), and versions only go up (EULA_VERSION_NOT_NEWER, EULA_VERSION_EXISTS)', async () => {
    const { authority } = await open();
    await authority.call('eula.show', {});
    await expect(
      authority.call('eula.publish', { version: '1.1', text: 'x' }, asServerCaller(authority)),
    ).rejects.toMatchObject({ code: 'VENDOR_ONLY' });
    const published = await authority.call('eula.publish', { version: '1.10', text: 'Version 1.10\n\nNew terms.' });
    expect(published).toMatchObject({ version: '1.10', text: 'Version 1.10\n\nNew terms.' });
    expect(await authority.call('eula.show', {})).toMatchObject({ version: '1.10' });
    await expect(authority.call('eula.publish', { version: '1.9', text: 'older' })).rejects.toMatchObject({
      code: 'EULA_VERSION_NOT_NEWER',
      params: { current: '1.10' },
    });
    await expect(authority.call('eula.publish', { version: '1.10', text: 'again' })).rejects.toMatchObject({
      code: 'EULA_VERSION_EXISTS',
    });
    await expect(authority.call('eula.publish', { version: 'v2', text: 'x' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });

  it('EULA: acceptance records who, when, which version and from which host; accepting twice returns the first', async () => {
    const { authority, clock } = await open();
    const { number } = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    const first = await authority.call('eula.accept', { registration: number, host: 'pc-office' });
    expect(first).toEqual({
      registration: number,
      version: '1.0',
      acceptedAt: clock.now.toISOString(),
      acceptedBy: 'local',
      host: 'pc-office',
      alreadyAccepted: false,
    });
    clock.now = new Date(clock.now.getTime() + 60_000);
    const second = await authority.call(
      'eula.accept',
      { registration: number, host: 'pc-home' },
      asServerCaller(authority),
    );
    expect(second).toEqual({ ...first, alreadyAccepted: true });
    const actions = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select('action').orderBy('id'),
    );
    expect(actions.map((a) => a.action)).toEqual(['registration.create', 'eula.publish', 'eula.accept']);
  });

  it('EULA: concurrent acceptances of one version record exactly one', async () => {
    const { authority } = await open();
    const { number } = await authority.call('registrations.create', { company: 'Acme', email: 'it@acme.test' });
    const { ok } = await outcomes(
      Array.from({ length: 10 }, (_, i) => authority.call('eula.accept', { registration: number, host: `pc-${i}` })),
    );
    expect(ok).toHaveLength(10);
    expect(ok.filter((a) => !a.alreadyAccepted)).toHaveLength(1);
    expect(new Set(ok.map((a) => a.host)).size).toBe(1);
    const rows = await authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('eula_acceptances').selectAll());
    expect(rows).toHaveLength(1);
  });

  it('EULA: no certificate for a registration whose owner has not accepted the current version (EULA_NOT_ACCEPTED)', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'K1', model: 'askozia-pbx' });
    const host = Buffer.alloc(16, 7);
    await authority.call('trials.start', {
      registration: number,
      serial: 'K1',
      initCode: hostCode('K1', 'askozia-pbx', host),
    });
    await authority.call('eula.publish', { version: '1.1', text: 'Licence agreement 1.1' });
    // The PBX's next codes (generations 2 and 3): an older one would be REQUEST_STALE_GENERATION.
    const refused = recreate(authority, hostCode('K1', 'askozia-pbx', host, 2));
    await expect(refused).rejects.toMatchObject({
      code: 'EULA_NOT_ACCEPTED',
      kind: 'rule',
      params: { registration: number, version: '1.1' },
    });
    await expect(refused).rejects.toThrow(`The owner of ${number} has not accepted licence agreement 1.1 yet`);
    const before = (await authority.call('devices.get', { serial: 'K1' })).certificates.length;
    expect(await authority.call('eula.accept', { registration: number })).toMatchObject({
      version: '1.1',
      alreadyAccepted: false,
    });
    expect((await recreate(authority, hostCode('K1', 'askozia-pbx', host, 3))).features.map((f) => f.number)).toEqual([
      33,
    ]);
    expect((await authority.call('devices.get', { serial: 'K1' })).certificates).toHaveLength(before + 1);
  });

  it('EULA: devices without a registration are not held back by it', async () => {
    const { authority } = await open();
    await authority.call('eula.publish', { version: '2.0', text: 'Licence agreement 2.0' });
    await authority.call('devices.add', { serial: 'V1', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'V1', feature: 11, quantity: 2 });
    expect((await recreate(authority, makeRequest('V1', 'comtrexx-vm').code)).features).toHaveLength(1);
  });
});
