// Serials are one per PBX, whatever their case, and move between resellers only by a transfer the vendor decides.
import { expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import type { Actor } from '../../src/authority/context';
import { verifyAudit } from '../../src/authority/audit/log';
import { makeRequest } from '../support/fixtures';
import { describeStores } from '../support/stores';

const vendor: Actor = { resellerId: null, vendor: true, label: 'vendor' };

async function reseller(authority: Authority, name: string): Promise<Actor> {
  const db = authority.ctx.db;
  const row = await db.write((tx) =>
    tx.first(db.qb.insertInto('resellers').values({ name, created_at: new Date().toISOString() }).returning('id')),
  );
  return { resellerId: row!.id, vendor: false, label: `reseller:${row!.id}` };
}

const auditActions = async (authority: Authority) =>
  (
    await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select(['action', 'subject', 'data']).orderBy('id'),
    )
  ).map((r) => [r.action, r.subject, JSON.parse(r.data) as Record<string, unknown>] as const);

describeStores('serial ownership and transfers', ({ open }) => {
  it('compares serials ignoring case, keeps them as first written, finds them in any case', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'VM-0001', model: 'comtrexx-vm' });
    await expect(authority.call('devices.add', { serial: 'vm-0001', model: 'comtrexx-vm' })).rejects.toMatchObject({
      code: 'DEVICE_EXISTS',
      message: expect.stringContaining('as VM-0001'),
    });
    await authority.call('devices.rename', { serial: 'vm-0001', name: 'Lobby' });
    expect((await authority.call('devices.get', { serial: 'Vm-0001' })).device).toMatchObject({
      serial: 'VM-0001',
      name: 'Lobby',
    });
    expect((await authority.call('devices.list', { serials: ['vm-0001'] })).map((d) => d.serial)).toEqual(['VM-0001']);
    const imported = await authority.call('devices.import', {
      rows: [
        { serial: 'vm-0001', model: 'comtrexx-vm' },
        { serial: 'VM-0002', model: 'comtrexx-vm' },
        { serial: 'vm-0002', model: 'comtrexx-vm' },
      ],
    });
    expect(imported.added).toBe(1);
    expect(imported.errors.map((e) => e.code)).toEqual(['DEVICE_EXISTS', 'DEVICE_EXISTS']);
    expect((await authority.call('devices.list', {})).map((d) => d.serial)).toEqual(['VM-0001', 'VM-0002']);
  });

  it("answers DEVICE_HELD_ELSEWHERE for another reseller's serial, naming the way forward but not the holder", async () => {
    const { authority } = await open();
    const squatter = await reseller(authority, 'Squatter GmbH');
    const seller = await reseller(authority, 'Real Seller');
    await authority.call('devices.add', { serial: 'ASK-0100', model: 'comtrexx-vm' }, squatter);
    const refusal = authority.call('devices.add', { serial: 'ask-0100', model: 'comtrexx-vm' }, seller);
    await expect(refusal).rejects.toMatchObject({
      code: 'DEVICE_HELD_ELSEWHERE',
      message: expect.stringContaining('device transfer request ask-0100'),
    });
    await expect(refusal).rejects.not.toMatchObject({ message: expect.stringContaining('Squatter') });
    await expect(authority.call('devices.get', { serial: 'ASK-0100' }, seller)).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
  });

  it('moves a device only when the vendor approves, with its licences, audited on both sides', async () => {
    const { authority } = await open();
    const holder = await reseller(authority, 'Holder');
    const asker = await reseller(authority, 'Asker');
    await authority.call('devices.add', { serial: 'PBX-7', model: 'comtrexx-vm', customer: 'Acme' }, holder);
    await authority.call('licences.grant', { serial: 'PBX-7', feature: 11, quantity: 3 }, holder);

    const request = await authority.call('transfers.request', { serial: 'pbx-7', note: 'sold by us' }, asker);
    expect(request).toMatchObject({ serial: 'PBX-7', status: 'pending', direction: 'outgoing', note: 'sold by us' });
    expect(request).not.toHaveProperty('from');
    // Until the vendor decides, the holder keeps it and sees that someone asked (not who).
    expect((await authority.call('devices.get', { serial: 'PBX-7' }, holder)).device.customer).toBe('Acme');
    expect(await authority.call('transfers.list', {}, holder)).toEqual([
      expect.objectContaining({ id: request.id, direction: 'incoming', status: 'pending' }),
    ]);
    await expect(authority.call('transfers.approve', { id: request.id }, asker)).rejects.toMatchObject({
      code: 'VENDOR_ONLY',
    });
    expect(await authority.call('transfers.list', { pendingOnly: true }, vendor)).toEqual([
      expect.objectContaining({ id: request.id, from: 'Holder', to: 'Asker' }),
    ]);

    const approved = await authority.call('transfers.approve', { id: request.id }, vendor);
    expect(approved).toMatchObject({ status: 'approved', from: 'Holder', to: 'Asker' });
    const moved = await authority.call('devices.get', { serial: 'PBX-7' }, asker);
    expect(moved.device).toMatchObject({ serial: 'PBX-7', customer: null, registration: null });
    expect(moved.licences.map((l) => [l.feature, l.quantity])).toEqual([[11, 3]]);
    await expect(authority.call('devices.get', { serial: 'PBX-7' }, holder)).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
    await expect(authority.call('transfers.refuse', { id: request.id }, vendor)).rejects.toMatchObject({
      code: 'TRANSFER_DECIDED',
    });

    const sides = { transfer: request.id, fromReseller: holder.resellerId, toReseller: asker.resellerId };
    expect((await auditActions(authority)).filter(([a]) => a.startsWith('device.transfer'))).toEqual([
      ['device.transfer.request', 'PBX-7', sides],
      ['device.transfer.approve', 'PBX-7', sides],
      ['device.transfer.out', 'PBX-7', sides],
      ['device.transfer.in', 'PBX-7', sides],
    ]);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });

  it('a refused request leaves the device with its holder; the asker may ask again', async () => {
    const { authority } = await open();
    const holder = await reseller(authority, 'Holder');
    const asker = await reseller(authority, 'Asker');
    await authority.call('devices.add', { serial: 'PBX-8', model: 'comtrexx-vm' }, holder);
    const first = await authority.call('transfers.request', { serial: 'PBX-8' }, asker);
    const refused = await authority.call('transfers.refuse', { id: first.id, note: 'no proof' }, vendor);
    expect(refused).toMatchObject({ status: 'refused', note: 'no proof' });
    expect((await authority.call('devices.get', { serial: 'PBX-8' }, holder)).device.serial).toBe('PBX-8');
    const again = await authority.call('transfers.request', { serial: 'PBX-8' }, asker);
    expect(again.id).not.toBe(first.id);
    expect((await authority.call('transfers.list', {}, asker)).map((t) => [t.id, t.status])).toEqual([
      [first.id, 'refused'],
      [again.id, 'pending'],
    ]);
  });

  it('refuses transfer requests for unknown serials, own serials, repeats and unknown ids, writing nothing', async () => {
    const { authority } = await open();
    const holder = await reseller(authority, 'Holder');
    const asker = await reseller(authority, 'Asker');
    await authority.call('devices.add', { serial: 'PBX-9', model: 'comtrexx-vm' }, holder);
    await authority.call('transfers.request', { serial: 'PBX-9' }, asker);
    const before = await auditActions(authority);
    await expect(authority.call('transfers.request', { serial: 'NOPE-1' }, asker)).rejects.toMatchObject({
      code: 'TRANSFER_UNKNOWN_SERIAL',
    });
    await expect(authority.call('transfers.request', { serial: 'pbx-9' }, holder)).rejects.toMatchObject({
      code: 'TRANSFER_OWN_DEVICE',
    });
    await expect(authority.call('transfers.request', { serial: 'PBX-9' }, asker)).rejects.toMatchObject({
      code: 'TRANSFER_ALREADY_REQUESTED',
    });
    await expect(authority.call('transfers.request', { serial: 'PBX-9' }, vendor)).rejects.toMatchObject({
      code: 'RESELLER_ONLY',
    });
    await expect(authority.call('transfers.approve', { id: 9999 }, vendor)).rejects.toMatchObject({
      code: 'TRANSFER_NOT_FOUND',
    });
    expect(await auditActions(authority)).toEqual(before);
    expect(await authority.call('transfers.list', {}, vendor)).toHaveLength(1);
  });

  it('proof of physical access does not bypass the vendor: a fresh initialisation code moves nothing (docs/server.md)', async () => {
    const { authority } = await open();
    const holder = await reseller(authority, 'Holder');
    const asker = await reseller(authority, 'Asker');
    await authority.call('devices.add', { serial: 'PBX-11', model: 'comtrexx-vm' }, holder);
    const fresh = makeRequest('PBX-11', 'comtrexx-vm', { generation: 2 }).code;
    // The request takes a serial and a note, never a code: the evidence can only be quoted.
    await expect(
      authority.call('transfers.request', { serial: 'PBX-11', initCode: fresh }, asker),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(
      authority.call('certificates.recreate', { serial: 'PBX-11', initCode: fresh }, asker),
    ).rejects.toMatchObject({ code: 'DEVICE_NOT_FOUND' });
    const t = await authority.call('transfers.request', { serial: 'PBX-11', note: 'fresh code from the PBX' }, asker);
    expect(t).toMatchObject({ status: 'pending', note: 'fresh code from the PBX' });
    expect((await authority.call('devices.get', { serial: 'PBX-11' }, holder)).device.serial).toBe('PBX-11');
    await expect(authority.call('devices.get', { serial: 'PBX-11' }, asker)).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
  });

  it('approving one request refuses the others for the same device', async () => {
    const { authority } = await open();
    const holder = await reseller(authority, 'Holder');
    const one = await reseller(authority, 'One');
    const two = await reseller(authority, 'Two');
    await authority.call('devices.add', { serial: 'PBX-10', model: 'comtrexx-vm' }, holder);
    const a = await authority.call('transfers.request', { serial: 'PBX-10' }, one);
    const b = await authority.call('transfers.request', { serial: 'PBX-10' }, two);
    await authority.call('transfers.approve', { id: b.id }, vendor);
    expect((await authority.call('transfers.list', {}, vendor)).map((t) => [t.id, t.status, t.to])).toEqual([
      [a.id, 'refused', 'One'],
      [b.id, 'approved', 'Two'],
    ]);
    await expect(authority.call('transfers.approve', { id: a.id }, vendor)).rejects.toMatchObject({
      code: 'TRANSFER_DECIDED',
    });
  });
});
