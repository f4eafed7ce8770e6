// Idempotency that tells the truth: a refusal that changed nothing leaves no key row; rows expire;
// an import is one transaction, so a retry after a failure finishes every row and answers them all.
import { expect, it } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import { expireIdempotencyKeys, IDEMPOTENCY_RETENTION_MS } from '../../src/authority/http/idempotency';
import { describeStores } from '../support/stores';
import { call, ok, tenants } from './support';

const key = (k: string) => ({ 'idempotency-key': k });
const keyRows = async (authority: Authority) =>
  (await authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('idempotency_keys').select('created_at'))).length;

describeStores('idempotency that tells the truth', ({ open }) => {
  it('writes no key row for requests refused before they changed anything; remembers the ones that did', async () => {
    const { authority } = await open();
    const { app, a } = await tenants(authority);
    const before = await keyRows(authority);
    const refused = [
      await call(app, 'devices.add', { serial: 'bad serial', model: 'comtrexx-vm' }, a, key('junk-1')),
      await call(app, 'devices.add', { serial: 'T-1', model: 'no-such-model' }, a, key('junk-2')),
      await call(app, 'verification.check', { request: 'junk' }, undefined, key('junk-3')),
    ];
    expect(refused.map((r) => r.status >= 400 && r.status < 500)).toEqual([true, true, true]);
    expect(await keyRows(authority)).toBe(before);
    await ok(app, 'devices.add', { serial: 'T-1', model: 'comtrexx-vm' }, a, key('real-1'));
    expect(await keyRows(authority)).toBe(before + 1);
    const replay = await call(app, 'devices.add', { serial: 'T-1', model: 'comtrexx-vm' }, a, key('real-1'));
    expect(replay).toMatchObject({ status: 200, headers: { 'idempotent-replayed': 'true' } });
  });

  it('expires key rows after the retention window (24 h by default) and keeps younger ones', async () => {
    const { authority } = await open();
    const { app, a } = await tenants(authority);
    await ok(app, 'devices.add', { serial: 'E-1', model: 'comtrexx-vm' }, a, key('exp-1'));
    expect(IDEMPOTENCY_RETENTION_MS).toBe(24 * 3_600_000);
    const rows = await keyRows(authority);
    expect(await expireIdempotencyKeys(authority.ctx.db, IDEMPOTENCY_RETENTION_MS)).toBe(0);
    expect(await keyRows(authority)).toBe(rows);
    const dayLater = Date.now() + IDEMPOTENCY_RETENTION_MS + 1000;
    expect(await expireIdempotencyKeys(authority.ctx.db, IDEMPOTENCY_RETENTION_MS, dayLater)).toBe(rows);
    expect(await keyRows(authority)).toBe(0);
    // Forgotten: the same key now runs as a new request (and is refused for the existing serial).
    expect(await call(app, 'devices.add', { serial: 'E-1', model: 'comtrexx-vm' }, a, key('exp-1'))).toMatchObject({
      status: 409,
      body: { code: 'DEVICE_EXISTS' },
    });
  });

  it('imports as one transaction: a failure half-way leaves no row; the retry with the same key adds them all', async () => {
    const { authority } = await open();
    const { app, a } = await tenants(authority);
    const rows = Array.from({ length: 1000 }, (_, i) => ({ serial: `IMP-${i}`, model: 'comtrexx-vm' }));
    // The 600th device insert fails as a dying server's would: the whole import rolls back.
    let inserts = 0;
    const write = authority.ctx.db.write;
    authority.ctx.db.write = (fn) =>
      write((tx) =>
        fn({
          ...tx,
          run: async (q) => {
            if (/insert into "devices"/i.test('sql' in q ? q.sql : q.compile().sql) && ++inserts === 600)
              throw new Error('server died');
            return tx.run(q);
          },
        }),
      );
    const failed = await call(app, 'devices.import', { rows }, a, key('import-1'));
    expect(failed.status).toBe(500);
    expect(await ok<unknown[]>(app, 'devices.list', {}, a)).toHaveLength(0);
    authority.ctx.db.write = write;
    const retry = await call(app, 'devices.import', { rows }, a, key('import-1'));
    expect(retry).toMatchObject({ status: 200, body: { added: 1000, errors: [] } });
    const listed = await ok<{ serial: string }[]>(app, 'devices.list', {}, a);
    expect(listed.map((d) => d.serial).sort()).toEqual(rows.map((r) => r.serial).sort());
  });
});
