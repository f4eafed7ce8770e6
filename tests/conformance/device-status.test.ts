// The status My devices and the detail show follow the rules the PBX enforces (issue 9 item 10):
// a reset binding is not "Trial" but needs a new host, revoked and superseded certificates say
// so, an expired licence is expired, and a tryout past day 14 / a trial past day 30 is over.
import { expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import type { TestClock } from '../support/fixtures';
import { makeRequest, recreate } from '../support/fixtures';
import { acceptedRegistration, hostCode } from '../support/offers';
import { describeStores } from '../support/stores';

const DAY = 86_400_000;
const HOST_A = Buffer.alloc(16, 0x0a);
const HOST_B = Buffer.alloc(16, 0x0b);
const later = (clock: TestClock, days: number) => (clock.now = new Date(clock.now.getTime() + days * DAY));

/** The status in the list and in the detail, which must agree. */
async function status(authority: Authority, serial: string): Promise<string> {
  const listed = (await authority.call('devices.list', {})).find((d) => d.serial === serial)?.summary?.status;
  const detail = (await authority.call('devices.get', { serial })).device.summary?.status;
  expect(detail).toBe(listed);
  return listed!;
}

describeStores('device status', ({ open }) => {
  it('Status: a trial whose binding was reset is unbound, not Trial; re-linked on a new host it is Trial again', async () => {
    const { authority } = await open();
    const registration = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'S1', model: 'askozia-pbx' });
    await authority.call('trials.start', {
      registration,
      serial: 'S1',
      initCode: hostCode('S1', 'askozia-pbx', HOST_A),
    });
    expect(await status(authority, 'S1')).toBe('trial');
    const [binding] = await authority.call('bindings.list', { serial: 'S1' });
    await authority.call('bindings.reset', { id: binding!.id, feature: 33 });
    expect(await status(authority, 'S1')).toBe('unbound');
    const certs = (await authority.call('devices.get', { serial: 'S1' })).certificates;
    expect(certs.map((c) => c.status)).toEqual(['revoked']);
    await recreate(authority, hostCode('S1', 'askozia-pbx', HOST_B));
    expect(await status(authority, 'S1')).toBe('trial');
  });

  it('Status: certificates show superseded and revoked; a revoked current certificate makes the device revoked', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'S2', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'S2', feature: 11, quantity: 5 });
    const first = await recreate(authority, makeRequest('S2', 'comtrexx-vm').code);
    const current = await recreate(authority, makeRequest('S2', 'comtrexx-vm').code);
    const statuses = async () =>
      Object.fromEntries(
        (await authority.call('devices.get', { serial: 'S2' })).certificates.map((c) => [c.serialHex, c.status]),
      );
    expect(await statuses()).toEqual({ [first.certificateSerial]: 'superseded', [current.certificateSerial]: 'valid' });
    expect(await status(authority, 'S2')).toBe('licensed');
    // Revoked for another reason than a binding reset (e.g. by an operator in the database).
    await authority.ctx.db.write((tx) =>
      tx.run(
        authority.ctx.db.qb
          .updateTable('certificates')
          .set({ revoked_at: new Date().toISOString(), revoked_reason: 'compromised key' })
          .where('serial_hex', '=', current.certificateSerial),
      ),
    );
    expect(await status(authority, 'S2')).toBe('revoked');
  });

  it('Status: a dated licence past its end is expired; its certificate shows expired', async () => {
    const { authority, clock } = await open();
    await authority.call('devices.add', { serial: 'S3', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'S3', feature: 12, days: 10 });
    await recreate(authority, makeRequest('S3', 'comtrexx-vm').code);
    expect(await status(authority, 'S3')).toBe('expiring');
    later(clock, 11);
    expect(await status(authority, 'S3')).toBe('expired');
    expect((await authority.call('devices.get', { serial: 'S3' })).certificates.map((c) => c.status)).toEqual([
      'expired',
    ]);
  });

  it('Status: a tryout past day 14 and a trial past day 30 are over', async () => {
    const { authority, clock } = await open();
    const registration = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'S4', model: 'comtrexx-vm' });
    await authority.call('devices.add', { serial: 'S5', model: 'askozia-pbx' });
    await authority.call('tryout.start', { serial: 'S4', initCode: hostCode('S4', 'comtrexx-vm') });
    await authority.call('trials.start', { registration, serial: 'S5', initCode: hostCode('S5', 'askozia-pbx') });
    later(clock, 13.9);
    expect(await status(authority, 'S4')).toBe('tryout');
    expect(await status(authority, 'S5')).toBe('trial');
    later(clock, 0.2);
    expect(await status(authority, 'S4')).toBe('tryout_over');
    later(clock, 16);
    expect(await status(authority, 'S5')).toBe('trial_over');
  });
});
