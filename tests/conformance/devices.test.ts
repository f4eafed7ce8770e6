// Devices, licences and issuance behave the same on SQLite and PostgreSQL.
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/authority/audit/log';
import { makeRequest, recreate } from '../support/fixtures';
import { describeStores } from '../support/stores';

describeStores('devices and certificates', ({ open }) => {
  it('adds, renames, moves and retires a device, each audited', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'C1', model: 'comtrexx-vm', name: 'Front desk', customer: 'Acme' });
    await authority.call('devices.rename', { serial: 'C1', name: 'Reception' });
    await authority.call('devices.move', { serial: 'C1', customer: 'Globex' });
    const retired = await authority.call('devices.retire', { serial: 'C1' });
    expect(retired).toMatchObject({ serial: 'C1', name: 'Reception', customer: 'Globex' });
    expect(await authority.call('devices.list', {})).toEqual([]);
    expect(await authority.call('devices.list', { includeRetired: true })).toHaveLength(1);
    expect(await authority.call('customers.list', {})).toEqual([
      { name: 'Acme', devices: 0 },
      { name: 'Globex', devices: 1 },
    ]);
    const audit = await verifyAudit(authority.ctx.db);
    expect(audit).toEqual({ ok: true, entries: 4 });
  });

  it('refuses a duplicate serial and certificates for a retired device', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'C2', model: 'comtrexx-vm' });
    await expect(authority.call('devices.add', { serial: 'C2', model: 'comtrexx-vm' })).rejects.toMatchObject({
      code: 'DEVICE_EXISTS',
    });
    await authority.call('licences.grant', { serial: 'C2', feature: 11 });
    await authority.call('devices.retire', { serial: 'C2' });
    await expect(recreate(authority, makeRequest('C2', 'comtrexx-vm').code)).rejects.toMatchObject({
      code: 'DEVICE_RETIRED',
    });
  });

  it('issues concurrently and leaves exactly one current certificate', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'C3', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'C3', feature: 11, quantity: 4 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => recreate(authority, makeRequest('C3', 'comtrexx-vm').code)),
    );
    const { certificates } = await authority.call('devices.get', { serial: 'C3' });
    expect(new Set(certificates.map((c) => c.serialHex))).toEqual(new Set(answers.map((a) => a.certificateSerial)));
    expect(certificates.filter((c) => c.supersededBy === null)).toHaveLength(1);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true, entries: 2 + 20 });
  });

  it('lists every device with its status, licence summary and end date', async () => {
    const { authority, clock } = await open();
    await authority.call('devices.add', { serial: 'L1', model: 'comtrexx-vm' });
    await authority.call('devices.add', { serial: 'L2', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'L2', feature: 11, quantity: 3 });
    await authority.call('licences.grant', { serial: 'L2', feature: 11, quantity: 2 });
    await authority.call('licences.grant', { serial: 'L2', feature: 12, days: 10 });
    const list = await authority.call('devices.list', {});
    expect(list.map((d) => [d.serial, d.summary?.status, d.summary?.licences])).toEqual([
      ['L1', 'unlicensed', ''],
      ['L2', 'expiring', '11×5, 12'],
    ]);
    expect(list[1]!.summary!.endDate).toBe(new Date(clock.now.getTime() + 10 * 86_400_000).toISOString());
  });

  it('lists only the serials asked for, with the same summaries (a changed row refreshed in place)', async () => {
    const { authority } = await open();
    for (const serial of ['S1', 'S2', 'S3']) await authority.call('devices.add', { serial, model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'S2', feature: 11, quantity: 4 });
    const some = await authority.call('devices.list', { serials: ['S2', 'S3', 'NOPE'] });
    expect(some.map((d) => [d.serial, d.summary?.status, d.summary?.licences])).toEqual([
      ['S2', 'licensed', '11×4'],
      ['S3', 'unlicensed', ''],
    ]);
    const all = await authority.call('devices.list', {});
    expect(some).toEqual(all.filter((d) => d.serial !== 'S1'));
  });

  it('lists the first rows by serial, with their summaries', async () => {
    const { authority } = await open();
    for (const serial of ['F3', 'F1', 'F2']) await authority.call('devices.add', { serial, model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'F2', feature: 11, quantity: 2 });
    const all = await authority.call('devices.list', {});
    expect(await authority.call('devices.list', { limit: 2 })).toEqual(all.slice(0, 2));
    expect((await authority.call('devices.list', { limit: 2 }))[1]?.summary?.licences).toBe('11×2');
  });
});

describeStores('device import', ({ open }) => {
  it('imports rows independently: good rows land, each bad row gets its own error', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'DUP1', model: 'comtrexx-vm' });
    const result = await authority.call('devices.import', {
      rows: [
        { serial: 'IMP1', model: 'comtrexx-vm', name: 'One', customer: 'Acme' },
        { serial: 'DUP1', model: 'comtrexx-vm' },
        { serial: 'bad serial', model: 'comtrexx-vm' },
        { serial: 'IMP2', model: 'no-such-model' },
        { serial: 'IMP3', model: 'askozia-pbx' },
      ],
    });
    expect(result.added).toBe(2);
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'DEVICE_EXISTS'],
      [3, 'INPUT_INVALID'],
      [4, 'UNKNOWN_MODEL'],
    ]);
    expect((await authority.call('devices.list', {})).map((d) => d.serial)).toEqual(['DUP1', 'IMP1', 'IMP3']);
  });
});
