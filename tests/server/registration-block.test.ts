// Blocking a registration number over HTTP (routes registrations.block / .unblock): vendor
// tokens only (403 for a reseller, which changes nothing); the reseller that owns the number then
// gets 422 REGISTRATION_BLOCKED on the link, and after the unblock the link goes through.
import { expect, it } from 'vitest';
import { describeStores } from '../support/stores';
import { call, dumpTables, ok, tenants } from './support';

describeStores('registration block over HTTP', ({ open }) => {
  it('vendor only; a blocked number answers 422 REGISTRATION_BLOCKED to its reseller; unblocked, the link works', async () => {
    const { authority } = await open();
    const { app, a, vendor } = await tenants(authority);
    const { number } = await ok<{ number: string }>(
      app,
      'registrations.create',
      { company: 'Alpha GmbH', email: 'it@alpha.example' },
      a,
    );
    await ok(app, 'devices.add', { serial: 'A-0100', model: 'askozia-pbx' }, a);
    const before = await dumpTables(authority.ctx.db);
    expect(await call(app, 'registrations.block', { registration: number }, a)).toMatchObject({
      status: 403,
      body: { code: 'VENDOR_ONLY' },
    });
    expect(await dumpTables(authority.ctx.db)).toEqual(before);
    expect(await ok(app, 'registrations.block', { registration: number, reason: 'fraud' }, vendor)).toMatchObject({
      registration: number,
      blocked: true,
      changed: true,
    });
    const refused = await call(app, 'registrations.link', { registration: number, serial: 'A-0100' }, a);
    expect(refused).toMatchObject({ status: 422, body: { code: 'REGISTRATION_BLOCKED' } });
    expect(refused.body.message).toContain('(fraud)');
    expect(await ok(app, 'registrations.unblock', { registration: number }, vendor)).toMatchObject({ changed: true });
    expect(await ok(app, 'registrations.link', { registration: number, serial: 'A-0100' }, a)).toMatchObject({
      alreadyLinked: false,
    });
  });
});
