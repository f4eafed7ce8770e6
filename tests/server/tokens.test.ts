// Resellers and API tokens, on both stores: tokens are stored hashed and shown once, a reseller
// token acts for one reseller, a vendor token for none, revocation works at once and only once,
// and the first vendor token of a database is made exactly once, even by servers starting together.
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { ensureFirstVendorToken } from '../../src/authority/admin/bootstrap';
import { verifyAudit } from '../../src/authority/audit/log';
import { Authority } from '../../src/authority/authority';
import { describeStores } from '../support/stores';
import { call, dumpTables, ok, tenants } from './support';

const TOKEN = /^ldt_[A-Za-z0-9_-]{43}$/;

describeStores('tokens and resellers', ({ open, store }) => {
  it('a token is shown once and stored only as its SHA-256; the audit log never holds it', async () => {
    const { authority } = await open();
    await authority.call('resellers.create', { name: 'Acme' });
    const made = await authority.call('tokens.create', { role: 'reseller', reseller: 'Acme', label: 'front desk' });
    expect(made).toMatchObject({ role: 'reseller', reseller: 'Acme', label: 'front desk', revokedAt: null });
    expect(made.token).toMatch(TOKEN);
    const dump = JSON.stringify(await dumpTables(authority.ctx.db));
    expect(dump).not.toContain(made.token);
    expect(dump).toContain(createHash('sha256').update(made.token).digest('hex'));
    const listed = await authority.call('tokens.list', {});
    expect(listed.find((t) => t.id === made.id)).toEqual({
      id: made.id,
      role: 'reseller',
      reseller: 'Acme',
      label: 'front desk',
      createdAt: made.createdAt,
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect(await verifyAudit(authority.ctx.db)).toMatchObject({ ok: true, entries: 2 });
  });

  it('a reseller token needs its reseller, a vendor token has none, and the reseller must exist (TOKEN_RESELLER_REQUIRED, TOKEN_VENDOR_WITH_RESELLER, RESELLER_NOT_FOUND, RESELLER_EXISTS)', async () => {
    const { authority } = await open();
    await authority.call('resellers.create', { name: 'Acme' });
    await expect(authority.call('tokens.create', { role: 'reseller' })).rejects.toMatchObject({
      code: 'TOKEN_RESELLER_REQUIRED',
      kind: 'input',
    });
    await expect(authority.call('tokens.create', { role: 'vendor', reseller: 'Acme' })).rejects.toMatchObject({
      code: 'TOKEN_VENDOR_WITH_RESELLER',
      kind: 'input',
    });
    await expect(authority.call('tokens.create', { role: 'reseller', reseller: 'Acmee' })).rejects.toMatchObject({
      code: 'RESELLER_NOT_FOUND',
      message: expect.stringContaining('"Acmee"'),
    });
    await expect(authority.call('tokens.create', { role: 'admin' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(authority.call('resellers.create', { name: 'Acme' })).rejects.toMatchObject({
      code: 'RESELLER_EXISTS',
      kind: 'conflict',
    });
    expect(await authority.call('tokens.list', {})).toEqual([]);
  });

  it('only the vendor administers resellers and tokens (VENDOR_ONLY), and a token acts as its own reseller', async () => {
    const { authority } = await open();
    const { app, a, b, vendor } = await tenants(authority);
    for (const [op, input] of [
      ['resellers.create', { name: 'Gamma' }],
      ['tokens.create', { role: 'vendor' }],
      ['tokens.list', {}],
      ['tokens.revoke', { id: 1 }],
    ] as const) {
      expect(await call(app, op, input, a), op).toMatchObject({ status: 403, body: { code: 'VENDOR_ONLY' } });
    }
    await ok(app, 'devices.add', { serial: 'A-1', model: 'comtrexx-vm' }, a);
    await ok(app, 'devices.add', { serial: 'B-1', model: 'comtrexx-vm' }, b);
    expect((await ok<{ serial: string }[]>(app, 'devices.list', {}, a)).map((d) => d.serial)).toEqual(['A-1']);
    expect((await ok<{ serial: string }[]>(app, 'devices.list', {}, b)).map((d) => d.serial)).toEqual(['B-1']);
    // The vendor's token makes tokens over HTTP too; the audit log names who did what.
    const more = await ok<{ token: string }>(
      app,
      'tokens.create',
      { role: 'reseller', reseller: 'Alpha', label: 'second desk' },
      vendor,
    );
    expect((await ok<{ serial: string }[]>(app, 'devices.list', {}, more.token)).map((d) => d.serial)).toEqual(['A-1']);
    const actors = (
      await authority.ctx.db.read.all(
        authority.ctx.db.qb.selectFrom('audit_log').select(['actor', 'action']).orderBy('id'),
      )
    ).map((r) => `${r.actor} ${r.action}`);
    const alpha = (await authority.ctx.db.read.first(
      authority.ctx.db.qb.selectFrom('resellers').select('id').where('name', '=', 'Alpha'),
    ))!.id;
    expect(actors).toContain(`reseller:${alpha} device.add`);
    expect(actors).toContain('vendor token.create');
  });

  it('a revoked token stops working at once; revoking twice is TOKEN_ALREADY_REVOKED, an unknown id TOKEN_NOT_FOUND', async () => {
    const { authority } = await open();
    const { app, a, vendor } = await tenants(authority);
    expect((await call(app, 'devices.list', {}, a)).status).toBe(200);
    const id = (await ok<{ id: number; reseller: string }[]>(app, 'tokens.list', {}, vendor)).find(
      (t) => t.reseller === 'Alpha',
    )!.id;
    expect(await ok(app, 'tokens.revoke', { id }, vendor)).toMatchObject({ id, revokedAt: expect.any(String) });
    expect(await call(app, 'devices.list', {}, a)).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
    expect(await call(app, 'tokens.revoke', { id }, vendor)).toMatchObject({
      status: 422,
      body: { code: 'TOKEN_ALREADY_REVOKED' },
    });
    expect(await call(app, 'tokens.revoke', { id: 999 }, vendor)).toMatchObject({
      status: 404,
      body: { code: 'TOKEN_NOT_FOUND' },
    });
    expect((await ok<unknown[]>(app, 'tokens.list', {}, vendor)).length).toBe(2);
    expect((await ok<unknown[]>(app, 'tokens.list', { includeRevoked: true }, vendor)).length).toBe(3);
  });

  it('of concurrent revocations of one token exactly one succeeds', async () => {
    const { authority } = await open();
    await authority.call('resellers.create', { name: 'Acme' });
    const { id } = await authority.call('tokens.create', { role: 'reseller', reseller: 'Acme' });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => authority.call('tokens.revoke', { id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'TOKEN_ALREADY_REVOKED' });
  });

  it('the first vendor token of a database is made exactly once, also by two authorities starting together on one database', async () => {
    const { authority, dir, database } = await open();
    // On PostgreSQL a second authority on the same database stands in for a second server
    // process. SQLite's writer blocks its thread while another connection holds the lock, so
    // there a second process is tested with real processes (serve.test.ts); here, one authority.
    const other = store === 'postgres' ? await Authority.open({ dataDir: dir, database: database! }) : authority;
    try {
      const made = await Promise.all(
        Array.from({ length: 8 }, (_, i) => ensureFirstVendorToken((i % 2 ? other : authority).ctx)),
      );
      const tokens = made.filter((t) => t !== null);
      expect(tokens).toHaveLength(1);
      expect(tokens[0]).toMatch(TOKEN);
      expect(await ensureFirstVendorToken(authority.ctx)).toBeNull();
      // Once ever: revoking it does not make a new one appear on the next start.
      const [first] = await authority.call('tokens.list', {});
      await authority.call('tokens.revoke', { id: first!.id });
      expect(await ensureFirstVendorToken(other.ctx)).toBeNull();
    } finally {
      if (other !== authority) await other.close();
    }
  });
});
