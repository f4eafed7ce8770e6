// The audit log (DESIGN.md: "every change the authority makes goes into an append-only,
// hash-chained audit log"; issue: "`audit verify` proves the chain is intact and names the first
// broken entry if not"). Both stores; the CLI runs against each through an HTTP front.
import { expect, it } from 'vitest';
import { entryHash } from '../../src/authority/audit/log';
import type { Authority } from '../../src/authority/authority';
import type { Actor } from '../../src/authority/context';
import { runCli } from '../support/cli';
import { forwarder } from '../support/pbx';
import { describeStores } from '../support/stores';

/** Five audited changes: two devices added, a licence, a rename, a retirement. */
async function someChanges(authority: Authority): Promise<void> {
  await authority.call('devices.add', { serial: 'A-1', model: 'comtrexx-vm' });
  await authority.call('devices.add', { serial: 'A-2', model: 'comtrexx-vm' });
  await authority.call('licences.grant', { serial: 'A-1', feature: 11, quantity: 2 });
  await authority.call('devices.rename', { serial: 'A-1', name: 'Reception' });
  await authority.call('devices.retire', { serial: 'A-2' });
}

async function withCli<T>(
  authority: Authority,
  fn: (cli: (...args: string[]) => ReturnType<typeof runCli>) => Promise<T>,
): Promise<T> {
  const front = await forwarder(authority);
  try {
    return await fn((...args) => runCli(['--server', front.url, ...args]));
  } finally {
    await front.close();
  }
}

describeStores('audit log', ({ open }) => {
  it('every change is in the audit log, newest first, and the chain verifies ("Audit log intact: N entries")', async () => {
    const { authority } = await open();
    await someChanges(authority);
    const entries = await authority.call('audit.list', {});
    expect(entries.map((e) => [e.id, e.action, e.subject])).toEqual([
      [5, 'device.retire', 'A-2'],
      [4, 'device.rename', 'A-1'],
      [3, 'licence.grant', 'A-1'],
      [2, 'device.add', 'A-2'],
      [1, 'device.add', 'A-1'],
    ]);
    expect(entries[2]).toMatchObject({ actor: 'local', data: { feature: 11, quantity: 2 } });
    const at = (await authority.call('audit.head', {})).at;
    expect(await authority.call('audit.verify', {})).toEqual({ ok: true, entries: 5, checkpoint: { id: 5, at } });
    expect((await authority.call('audit.list', { subject: 'A-1' })).map((e) => e.id)).toEqual([4, 3, 1]);
    expect((await authority.call('audit.list', { action: 'device.add' })).map((e) => e.id)).toEqual([2, 1]);
    expect((await authority.call('audit.list', { limit: 2, beforeId: 4 })).map((e) => e.id)).toEqual([3, 2]);
    await withCli(authority, async (cli) => {
      const [verify, list, text] = await Promise.all([
        cli('audit', 'verify'),
        cli('audit', 'list', '--json', '--limit', '2'),
        cli('audit', 'list'),
      ]);
      expect([verify.status, verify.stdout, verify.stderr]).toEqual([
        0,
        `Audit log intact: 5 entries, as the checkpoint signed at ${at} says\n`,
        '',
      ]);
      expect(JSON.parse(list.stdout).map((e: { id: number }) => e.id)).toEqual([5, 4]);
      expect(text.stdout).toMatch(
        /ID\s+AT \(UTC\)\s+ACTOR\s+ACTION\s+SUBJECT\s+DATA\n\s+5\s+\S+ \S+\s+local\s+device\.retire\s+A-2/,
      );
    });
  });

  it("tampering with one entry's data: audit verify names that entry and exits 1", async () => {
    const { authority } = await open();
    await someChanges(authority);
    const db = authority.ctx.db;
    await db.write((tx) =>
      tx.run(
        db.qb
          .updateTable('audit_log')
          .set({ data: JSON.stringify({ feature: 11, quantity: 200 }) })
          .where('id', '=', 3),
      ),
    );
    expect(await authority.call('audit.verify', {})).toEqual({
      ok: false,
      entries: 5,
      firstBroken: { id: 3, reason: 'its content does not match its hash' },
    });
    await withCli(authority, async (cli) => {
      const [r, json] = await Promise.all([cli('audit', 'verify'), cli('audit', 'verify', '--json')]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'licence-desk: Audit log broken at entry 3: its content does not match its hash. Entries from 3 on cannot be trusted (5 entries in the log). [AUDIT_BROKEN]\n',
      );
      expect(json.status).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, firstBroken: { id: 3 } });
    });
  });

  it("re-chaining a tampered entry does not hide it: the next entry's link breaks", async () => {
    const { authority } = await open();
    await someChanges(authority);
    const db = authority.ctx.db;
    const row = (await db.read.first(db.qb.selectFrom('audit_log').selectAll().where('id', '=', 2)))!;
    const forged = { ...row, subject: 'A-9' };
    await db.write((tx) =>
      tx.run(
        db.qb
          .updateTable('audit_log')
          .set({ subject: 'A-9', hash: entryHash(row.prev_hash, forged) })
          .where('id', '=', 2),
      ),
    );
    expect((await authority.call('audit.verify', {})).firstBroken).toEqual({
      id: 3,
      reason: 'its link to the previous entry does not match',
    });
  });

  it('deleting an entry: audit verify names where the chain breaks', async () => {
    const { authority } = await open();
    await someChanges(authority);
    const db = authority.ctx.db;
    await db.write((tx) => tx.run(db.qb.deleteFrom('audit_log').where('id', '=', 2)));
    expect(await authority.call('audit.verify', {})).toEqual({
      ok: false,
      entries: 4,
      firstBroken: { id: 3, reason: 'entry 2 is missing' },
    });
    await withCli(authority, async (cli) => {
      const r = await cli('audit', 'verify');
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^licence-desk: Audit log broken at entry 3: entry 2 is missing\. .*\[AUDIT_BROKEN\]\n$/,
      );
    });
  });

  it('a reseller reads only the entries it made; only the vendor verifies the whole chain', async () => {
    const { authority } = await open();
    await someChanges(authority);
    const db = authority.ctx.db;
    const row = await db.write((tx) =>
      tx.first(
        db.qb.insertInto('resellers').values({ name: 'Other', created_at: new Date().toISOString() }).returning('id'),
      ),
    );
    const other: Actor = { resellerId: row!.id, vendor: false, label: `reseller:${row!.id}` };
    await authority.call('devices.add', { serial: 'B-1', model: 'comtrexx-vm' }, other);
    expect((await authority.call('audit.list', {}, other)).map((e) => [e.action, e.subject])).toEqual([
      ['device.add', 'B-1'],
    ]);
    expect(await authority.call('audit.list', {})).toHaveLength(6);
    await expect(authority.call('audit.verify', {}, other)).rejects.toMatchObject({
      code: 'VENDOR_ONLY',
      kind: 'forbidden',
    });
  });

  it('refuses bad list options naming the field', async () => {
    const { authority } = await open();
    await expect(authority.call('audit.list', { limit: 0 })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      params: { field: 'limit' },
    });
    await expect(authority.call('audit.list', { limit: 1001 })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      params: { field: 'limit' },
    });
    await expect(authority.call('audit.list', { who: 'x' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});
