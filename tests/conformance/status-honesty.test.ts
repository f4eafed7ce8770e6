// Issue 10 item 6, on SQLite and PostgreSQL: a trial next to a bought perpetual licence of its
// feature does not make a device "expiring", and "last verification" counts only checks the
// authority answered valid (a check answered revoked confirmed nothing).
import { expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import { verifyOnline } from '../../src/device/verify';
import { acceptedRegistration, hostCode } from '../support/offers';
import { inProcess, licensedPbx } from '../support/pbx';
import { describeStores } from '../support/stores';

const summaryOf = async (authority: Authority, serial: string) =>
  (await authority.call('devices.list', {})).find((d) => d.serial === serial)!.summary!;

describeStores('status honesty', ({ open }) => {
  it('a trial plus a perpetual coupon licence of the same feature is licensed, not expiring; a dated grant still is', async () => {
    const { authority } = await open();
    const number = await acceptedRegistration(authority);
    await authority.call('devices.add', { serial: 'S1', model: 'askozia-pbx' });
    await authority.call('trials.start', {
      registration: number,
      serial: 'S1',
      initCode: hostCode('S1', 'askozia-pbx'),
    });
    const [code] = (await authority.call('coupons.mint', { feature: 33 })).codes;
    await authority.call('coupons.redeem', { code: code!, serial: 'S1' });
    expect(await summaryOf(authority, 'S1')).toMatchObject({ status: 'licensed', endDate: null });
    await authority.call('devices.add', { serial: 'V1', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'V1', feature: 11, quantity: 2, days: 10 });
    expect((await summaryOf(authority, 'V1')).status).toBe('expiring');
  });

  it('lastVerifiedAt moves only with checks answered valid', async () => {
    const { authority, clock } = await open();
    const pbx = await licensedPbx(authority, clock, 'V-9');
    await verifyOnline(pbx.dir, inProcess(authority), clock.now);
    const valid = (await summaryOf(authority, 'V-9')).lastVerifiedAt;
    expect(valid).toBe(clock.now.toISOString());
    const db = authority.ctx.db;
    await db.write((tx) =>
      tx.run(
        db.qb
          .updateTable('certificates')
          .set({ revoked_at: clock.now.toISOString() })
          .where('serial_hex', '=', pbx.certificateSerial),
      ),
    );
    clock.now = new Date(clock.now.getTime() + 3_600_000);
    expect((await verifyOnline(pbx.dir, inProcess(authority), clock.now)).receipt?.status).toBe('revoked');
    expect((await summaryOf(authority, 'V-9')).lastVerifiedAt).toBe(valid);
  });
});
