// Licence bindings to hosts (DESIGN.md, MIKO handbook): activation binds each host licence to the
// request's host; another host is refused with where and since; a reinstall on the same host
// rebinds; reset is confirmed with the feature number and revokes the certificates that relied on
// the binding; then the licence moves to a new PC. Every rule runs on SQLite and PostgreSQL.
import { expect, it } from 'vitest';
import { oneOffRequest } from '../../src/device/one-off';
import { verifyAudit } from '../../src/authority/audit/log';
import type { Authority } from '../../src/authority/authority';
import { ISSUANCE_POLICIES } from '../../src/authority/compose';
import type { Actor } from '../../src/authority/context';
import { initPbx, installAnswer } from '../../src/device/simulator';
import { makeRequest, recreate, tempDir } from '../support/fixtures';
import { linkedToAccepted } from '../support/offers';
import { describeStores } from '../support/stores';

const HOST_A = Buffer.from('a1'.repeat(16), 'hex');
const HOST_B = Buffer.from('b2'.repeat(16), 'hex');
const hex = (b: Buffer) => b.toString('hex');

/** An initialisation code from a given host (the fixture's makeRequest picks a random one). */
function hostCode(
  serial: string,
  host: Buffer,
  opts: { hostName?: string; model?: string; generation?: number; firmware?: string } = {},
): string {
  return oneOffRequest({
    serial,
    model: opts.model ?? 'askozia-pbx',
    hostFingerprint: host,
    firmware: opts.firmware ?? '2024.1',
    ...(opts.hostName ? { hostName: opts.hostName } : {}),
    ...(opts.generation ? { generation: opts.generation } : {}),
  }).code;
}

async function askozia(authority: Authority, serial: string, model = 'askozia-pbx', actor?: Actor): Promise<void> {
  await authority.call('devices.add', { serial, model }, actor);
  await linkedToAccepted(authority, serial, actor);
  await authority.call('licences.grant', { serial, feature: model === 'askozia-cfe' ? 34 : 33 }, actor);
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

const certificates = async (authority: Authority, serial: string) =>
  (await authority.call('devices.get', { serial })).certificates;

describeStores('host bindings', ({ open }) => {
  it("Host binding: activation binds each host licence to the request's host (feature, product, host name, firmware, first/last seen)", async () => {
    const { authority, clock } = await open();
    clock.now = new Date('2026-02-01T10:00:00Z');
    await askozia(authority, 'K1');
    const answer = await recreate(authority, hostCode('K1', HOST_A, { hostName: 'pc-a', firmware: '2024.1' }));
    const [b, ...rest] = await authority.call('bindings.list', {});
    expect(rest).toEqual([]);
    expect(b).toMatchObject({
      serial: 'K1',
      feature: 33,
      productName: 'Askozia PBX',
      hostFingerprint: hex(HOST_A),
      hostName: 'pc-a',
      firmware: '2024.1',
      firstSeen: '2026-02-01T10:00:00.000Z',
      lastSeen: '2026-02-01T10:00:00.000Z',
      active: true,
      resetAt: null,
      hostBindings: 1,
    });
    const shown = await authority.call('bindings.show', { id: b!.id });
    expect(shown.certificates.map((c) => c.serialHex)).toEqual([answer.certificateSerial]);
  });

  it('Host binding: serial-bound COMtrexx activations bind nothing', async () => {
    const { authority } = await open();
    await authority.call('devices.add', { serial: 'V1', model: 'comtrexx-vm' });
    await authority.call('licences.grant', { serial: 'V1', feature: 11 });
    await recreate(authority, makeRequest('V1', 'comtrexx-vm').code);
    expect(await authority.call('bindings.list', {})).toEqual([]);
  });

  it('Host binding: activating on another host while bound is refused with where and since (BINDING_ELSEWHERE), nothing recorded', async () => {
    const { authority, clock } = await open();
    clock.now = new Date('2026-02-01T10:00:00Z');
    await askozia(authority, 'K2');
    await recreate(authority, hostCode('K2', HOST_A, { hostName: 'pc-a' }));
    clock.now = new Date('2026-02-03T08:00:00Z');
    const refused = recreate(authority, hostCode('K2', HOST_B, { hostName: 'pc-b' }));
    await expect(refused).rejects.toMatchObject({
      code: 'BINDING_ELSEWHERE',
      kind: 'rule',
      params: { feature: 33, host: hex(HOST_A), since: '2026-02-01T10:00:00.000Z' },
    });
    await expect(refused).rejects.toThrow(
      /Licence 33 \(Askozia PBX\) of K2 is bound to host a1a1a1a1a1a1… \(pc-a\) since 2026-02-01 10:00 UTC; reset that binding first/,
    );
    expect(await certificates(authority, 'K2')).toHaveLength(1);
    expect(await authority.call('bindings.list', { serial: 'K2' })).toHaveLength(1);
  });

  it('Host binding: a reinstall with the same serial on the same host rebinds (last seen moves, one binding)', async () => {
    const { authority, clock } = await open();
    clock.now = new Date('2026-02-01T10:00:00Z');
    await askozia(authority, 'K3');
    await recreate(authority, hostCode('K3', HOST_A, { hostName: 'pc-a', firmware: '2024.1' }));
    clock.now = new Date('2026-04-01T10:00:00Z');
    await recreate(authority, hostCode('K3', HOST_A, { hostName: 'pc-a-new', firmware: '2024.2', generation: 2 }));
    const list = await authority.call('bindings.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      firstSeen: '2026-02-01T10:00:00.000Z',
      lastSeen: '2026-04-01T10:00:00.000Z',
      hostName: 'pc-a-new',
      firmware: '2024.2',
      active: true,
    });
    const shown = await authority.call('bindings.show', { id: list[0]!.id });
    expect(shown.certificates).toHaveLength(2);
    expect(shown.certificates.filter((c) => c.supersededBy === null)).toHaveLength(1);
  });

  it('Host binding: bindings are counted per host', async () => {
    const { authority } = await open();
    await askozia(authority, 'K4');
    await askozia(authority, 'K5', 'askozia-cfe');
    await askozia(authority, 'K6');
    await recreate(authority, hostCode('K4', HOST_A));
    await recreate(authority, hostCode('K5', HOST_A, { model: 'askozia-cfe' }));
    await recreate(authority, hostCode('K6', HOST_B));
    const counts = Object.fromEntries(
      (await authority.call('bindings.list', {})).map((b) => [b.serial, b.hostBindings]),
    );
    expect(counts).toEqual({ K4: 2, K5: 2, K6: 1 });
  });

  it('Host binding: reset must be confirmed with the feature number (BINDING_FEATURE_MISMATCH); nothing changes', async () => {
    const { authority } = await open();
    await askozia(authority, 'K7');
    await recreate(authority, hostCode('K7', HOST_A));
    const [b] = await authority.call('bindings.list', {});
    const wrong = authority.call('bindings.reset', { id: b!.id, feature: 34 });
    await expect(wrong).rejects.toMatchObject({ code: 'BINDING_FEATURE_MISMATCH' });
    await expect(wrong).rejects.toThrow(
      `Binding ${b!.id} is feature 33 (Askozia PBX), not 34 (Askozia CFE); nothing was reset.`,
    );
    expect((await authority.call('bindings.show', { id: b!.id })).binding.active).toBe(true);
    expect((await certificates(authority, 'K7')).every((c) => c.revokedAt === null)).toBe(true);
    await expect(authority.call('bindings.reset', { id: b!.id, feature: '33' })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
  });

  it('Host binding: reset revokes the certificates that relied on it, audited; a second reset is refused (BINDING_ALREADY_RESET)', async () => {
    const { authority } = await open();
    await askozia(authority, 'K8');
    await askozia(authority, 'K9');
    const first = await recreate(authority, hostCode('K8', HOST_A));
    const second = await recreate(authority, hostCode('K8', HOST_A, { generation: 2 }));
    const unrelated = await recreate(authority, hostCode('K9', HOST_A));
    const b = (await authority.call('bindings.list', { serial: 'K8' }))[0]!;
    const reset = await authority.call('bindings.reset', { id: b.id, feature: 33 });
    expect(reset.revoked).toEqual([first.certificateSerial, second.certificateSerial].sort());
    expect(reset.binding).toMatchObject({ active: false, resetBy: 'local', hostBindings: 1 });
    expect((await certificates(authority, 'K8')).map((c) => c.revokedReason)).toEqual([
      'binding reset',
      'binding reset',
    ]);
    expect((await certificates(authority, 'K9'))[0]).toMatchObject({
      serialHex: unrelated.certificateSerial,
      revokedAt: null,
    });
    await expect(authority.call('bindings.reset', { id: b.id, feature: 33 })).rejects.toMatchObject({
      code: 'BINDING_ALREADY_RESET',
    });
    const audit = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select(['action', 'data']).where('action', '=', 'binding.reset'),
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      binding: b.id,
      feature: 33,
      host: hex(HOST_A),
      revoked: reset.revoked,
    });
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });

  it("Host binding: another reseller's binding ids answer not found (BINDING_NOT_FOUND), nothing changed", async () => {
    const { authority } = await open();
    const other = await otherReseller(authority);
    await askozia(authority, 'K10', 'askozia-pbx', other);
    await recreate(authority, hostCode('K10', HOST_A)).catch(() => undefined); // the local reseller cannot see K10 either
    await authority.call('certificates.recreate', { initCode: hostCode('K10', HOST_A) }, other);
    const [theirs] = await authority.call('bindings.list', {}, other);
    expect(await authority.call('bindings.list', {})).toEqual([]);
    await expect(authority.call('bindings.show', { id: theirs!.id })).rejects.toMatchObject({
      code: 'BINDING_NOT_FOUND',
    });
    await expect(authority.call('bindings.reset', { id: theirs!.id, feature: 33 })).rejects.toMatchObject({
      code: 'BINDING_NOT_FOUND',
    });
    await expect(authority.call('bindings.show', { id: 999_999 })).rejects.toMatchObject({ code: 'BINDING_NOT_FOUND' });
    await expect(authority.call('bindings.list', { serial: 'K10' })).rejects.toMatchObject({
      code: 'DEVICE_NOT_FOUND',
    });
    expect((await authority.call('bindings.show', { id: theirs!.id }, other)).binding.active).toBe(true);
  });

  it('Host binding: concurrent first activations from two hosts bind exactly one host; the rest are refused with where', async () => {
    // The race between hosts alone: ten codes of one host answered in any order would otherwise
    // also meet the generation rule (tested in generation.test.ts).
    const { authority } = await open({ policies: ISSUANCE_POLICIES.filter((p) => p.name !== 'generation') });
    await askozia(authority, 'K11');
    const codes = Array.from({ length: 20 }, (_, i) => hostCode('K11', i % 2 ? HOST_B : HOST_A));
    const results = await Promise.allSettled(codes.map((c) => recreate(authority, c)));
    const active = (await authority.call('bindings.list', {})).filter((b) => b.active);
    expect(active).toHaveLength(1);
    const winner = active[0]!.hostFingerprint;
    const certs = await certificates(authority, 'K11');
    expect(certs.length).toBe(results.filter((r) => r.status === 'fulfilled').length);
    expect(certs.every((c) => c.hostFingerprint === winner)).toBe(true);
    for (const r of results)
      if (r.status === 'rejected')
        expect(r.reason).toMatchObject({ code: 'BINDING_ELSEWHERE', params: { host: winner } });
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(10);
  });

  it('Host binding: concurrent resets of one binding — exactly one resets, the rest are told (BINDING_ALREADY_RESET)', async () => {
    const { authority } = await open();
    await askozia(authority, 'K12');
    await recreate(authority, hostCode('K12', HOST_A));
    const [b] = await authority.call('bindings.list', {});
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => authority.call('bindings.reset', { id: b!.id, feature: 33 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'BINDING_ALREADY_RESET' });
    const audit = await authority.ctx.db.read.all(
      authority.ctx.db.qb.selectFrom('audit_log').select('id').where('action', '=', 'binding.reset'),
    );
    expect(audit).toHaveLength(1);
  });

  it('Host binding: moving to another PC end to end — bound on host A, refused on B, wrong-feature reset refused, reset, B activates', async () => {
    const { authority } = await open();
    const trustPem = (await authority.call('ca.root', {})).pem;
    await askozia(authority, 'ASK-1');
    const [pcA, pcB] = [tempDir('ld-pc-a-'), tempDir('ld-pc-b-')];
    const pbx = { serial: 'ASK-1', model: 'askozia-pbx', trustPem };
    const onA = await recreate(
      authority,
      (await initPbx(pcA, { ...pbx, hostName: 'pc-a', hostFingerprint: HOST_A })).code,
    );
    expect((await installAnswer(pcA, onA.code)).state).toBe('licensed');

    const codeB = (await initPbx(pcB, { ...pbx, hostName: 'pc-b', hostFingerprint: HOST_B })).code;
    await expect(recreate(authority, codeB)).rejects.toThrow(
      /bound to host a1a1a1a1a1a1… \(pc-a\) since \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
    );

    const [binding] = await authority.call('bindings.list', { serial: 'ASK-1' });
    await expect(authority.call('bindings.reset', { id: binding!.id, feature: 34 })).rejects.toMatchObject({
      code: 'BINDING_FEATURE_MISMATCH',
    });
    expect(await authority.call('bindings.list', { serial: 'ASK-1' })).toEqual([binding]);
    expect((await certificates(authority, 'ASK-1'))[0]!.revokedAt).toBeNull();

    const reset = await authority.call('bindings.reset', { id: binding!.id, feature: 33 });
    expect(reset.revoked).toEqual([onA.certificateSerial]);
    const onB = await recreate(authority, codeB);
    expect((await installAnswer(pcB, onB.code)).state).toBe('licensed');
    const after = await authority.call('bindings.list', { serial: 'ASK-1' });
    expect(after.map((b) => [b.hostName, b.active])).toEqual([
      ['pc-b', true],
      ['pc-a', false],
    ]);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true });
  });
});
