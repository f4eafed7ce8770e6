// Idempotency keys on both stores: a retry gets the first answer and never runs twice, also when
// the retries race; a key reused for another request is refused; a server failure frees the key;
// and the crash window between the change and its stored answer never leads to a second run.
import { expect, it } from 'vitest';
import { authenticate } from '../../src/authority/admin/service';
import { verifyAudit } from '../../src/authority/audit/log';
import { HANDLERS } from '../../src/authority/api/handlers';
import type { Authority } from '../../src/authority/authority';
import {
  idempotencyHook,
  requestHash,
  withIdempotency,
  IDEMPOTENCY_DEFAULTS,
} from '../../src/authority/http/idempotency';
import { makeRequest } from '../support/fixtures';
import { describeStores } from '../support/stores';
import { call, dumpTables, ok, tenants } from './support';

const key = (k: string) => ({ 'idempotency-key': k });
const certificates = async (authority: Authority) =>
  (await authority.ctx.db.read.all(authority.ctx.db.qb.selectFrom('certificates').select('serial_hex'))).length;
const auditEntries = async (authority: Authority) => (await verifyAudit(authority.ctx.db)).entries;
/** Makes the keys' rows look as if their requests began long ago (their server died back then). */
const age = (authority: Authority) =>
  authority.ctx.db.write((tx) =>
    tx.run(authority.ctx.db.qb.updateTable('idempotency_keys').set({ created_at: '2000-01-01T00:00:00.000Z' })),
  );

describeStores('idempotency keys', ({ open }) => {
  it('a retry with the same key and body gets the first answer (status and body) and runs nothing again', async () => {
    const { authority } = await open();
    const { app, a } = await tenants(authority);
    await ok(app, 'devices.add', { serial: 'I-1', model: 'comtrexx-vm' }, a);
    await ok(app, 'licences.grant', { serial: 'I-1', feature: 11, quantity: 2 }, a);
    const body = { serial: 'I-1', initCode: makeRequest('I-1', 'comtrexx-vm').code };
    const first = await call(app, 'certificates.recreate', body, a, key('k-recreate'));
    expect(first.status).toBe(200);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const entries = await auditEntries(authority);
    // Fields in another order are the same request.
    const again = await call(
      app,
      'certificates.recreate',
      { initCode: body.initCode, serial: 'I-1' },
      a,
      key('k-recreate'),
    );
    expect(again).toMatchObject({ status: 200, body: first.body, headers: { 'idempotent-replayed': 'true' } });
    expect(await certificates(authority)).toBe(1);
    expect(await auditEntries(authority)).toBe(entries);
    // A refusal that changed nothing frees its key: the retry runs again and is refused again.
    const dup = await call(app, 'devices.add', { serial: 'I-1', model: 'comtrexx-vm' }, a, key('k-dup'));
    expect(dup).toMatchObject({ status: 409, body: { code: 'DEVICE_EXISTS' } });
    await ok(app, 'devices.retire', { serial: 'I-1' }, a);
    expect(await call(app, 'devices.add', { serial: 'I-1', model: 'comtrexx-vm' }, a, key('k-dup'))).toMatchObject({
      status: 409,
      body: dup.body,
    });
  });

  it('the same key for a different request is IDEMPOTENCY_KEY_REUSED; a malformed key is IDEMPOTENCY_KEY_INVALID; keys are per tenant', async () => {
    const { authority } = await open();
    const { app, a, b } = await tenants(authority);
    await ok(app, 'devices.add', { serial: 'K-1', model: 'comtrexx-vm' }, a, key('k1'));
    expect(await call(app, 'devices.add', { serial: 'K-2', model: 'comtrexx-vm' }, a, key('k1'))).toMatchObject({
      status: 422,
      body: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(await call(app, 'devices.rename', { serial: 'K-1', name: 'x' }, a, key('k1'))).toMatchObject({
      status: 422,
      body: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    for (const bad of ['', 'x'.repeat(201), 'with space', 'ümlaut']) {
      const r = await app.inject({
        method: 'POST',
        url: '/v1/devices.add',
        payload: { serial: 'K-3', model: 'comtrexx-vm' },
        headers: { authorization: `Bearer ${a}`, 'idempotency-key': bad },
      });
      expect([r.statusCode, r.json().code], JSON.stringify(bad)).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
    }
    // Another reseller's identical key is another request: it runs, for that reseller (and finds A holds K-1).
    expect(await call(app, 'devices.add', { serial: 'K-1', model: 'comtrexx-vm' }, b, key('k1'))).toMatchObject({
      status: 409,
      body: { code: 'DEVICE_HELD_ELSEWHERE' },
    });
    expect(await ok<unknown[]>(app, 'devices.list', {}, a)).toHaveLength(1);
  });

  it('the database holds neither the keys nor the answers in the clear (an answer may carry a new token)', async () => {
    const { authority } = await open();
    const { app, vendor } = await tenants(authority);
    const made = await ok<{ token: string }>(
      app,
      'tokens.create',
      { role: 'vendor', label: 'ops' },
      vendor,
      key('secret-key-4f1c9a'),
    );
    const dump = JSON.stringify(await dumpTables(authority.ctx.db));
    expect(dump).not.toContain(made.token);
    expect(dump).not.toContain('secret-key-4f1c9a');
    // …yet the retry gets the token back.
    expect(
      (await call(app, 'tokens.create', { role: 'vendor', label: 'ops' }, vendor, key('secret-key-4f1c9a'))).body,
    ).toEqual(made);
  });

  it('of 20 concurrent requests with one key exactly one runs; every one gets its answer', async () => {
    const { authority } = await open();
    const { app, a } = await tenants(authority);
    await ok(app, 'devices.add', { serial: 'C-1', model: 'comtrexx-vm' }, a);
    await ok(app, 'licences.grant', { serial: 'C-1', feature: 11 }, a);
    const body = { serial: 'C-1', initCode: makeRequest('C-1', 'comtrexx-vm').code };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(app, 'certificates.recreate', body, a, key('race'))),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(await certificates(authority)).toBe(1);
  });

  it('a server failure (5xx) that changed nothing frees the key: the retry runs', async () => {
    const { authority } = await open();
    const { app, a } = await tenants(authority);
    const original = HANDLERS['devices.add'];
    HANDLERS['devices.add'] = async () => {
      throw new Error('out of memory, just this once');
    };
    try {
      expect(await call(app, 'devices.add', { serial: 'F-1', model: 'comtrexx-vm' }, a, key('k-fail'))).toMatchObject({
        status: 500,
        body: { code: 'INTERNAL' },
      });
    } finally {
      HANDLERS['devices.add'] = original;
    }
    expect(await call(app, 'devices.add', { serial: 'F-1', model: 'comtrexx-vm' }, a, key('k-fail'))).toMatchObject({
      status: 200,
      body: { serial: 'F-1' },
    });
  });

  it('a crash after the change committed but before its answer was stored: the retry is IDEMPOTENCY_ANSWER_LOST and the change is not made twice', async () => {
    // Composed as the HTTP server composes it: changes mark the Idempotency-Key.
    const authority = (await open()).authority.withChangeHooks([idempotencyHook]);
    const { a } = await tenants(authority);
    const alpha = (await authenticate(authority.ctx, a))!;
    const opts = { ...IDEMPOTENCY_DEFAULTS, waitMs: 200 };
    const input = { serial: 'X-1', model: 'comtrexx-vm' };
    const req = { scope: alpha.label, key: 'k-crash', hash: requestHash('devices.add', input) };
    // The "crash": the change commits, then the request dies before its answer is stored.
    const crash = async () => {
      await authority.call('devices.add', input, alpha);
      throw new Error('SIGKILL');
    };
    await expect(withIdempotency(authority.ctx, opts, req, crash, () => undefined)).rejects.toThrow('SIGKILL');
    const entries = await auditEntries(authority);
    const retry = () =>
      withIdempotency(
        authority.ctx,
        opts,
        req,
        async () => ({ status: 200, body: await authority.call('devices.add', input, alpha) }),
        () => undefined,
      );
    // While fresh, the first request may still be storing its answer: wait, then "in progress".
    await expect(retry()).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    await age(authority);
    await expect(retry()).rejects.toMatchObject({ code: 'IDEMPOTENCY_ANSWER_LOST' });
    expect(await authority.call('devices.list', {}, alpha)).toHaveLength(1);
    expect(await auditEntries(authority)).toBe(entries);
  });

  it('a crash before the change committed: the key is taken over once it is stale, and the change runs once', async () => {
    // Composed as the HTTP server composes it: changes mark the Idempotency-Key.
    const authority = (await open()).authority.withChangeHooks([idempotencyHook]);
    const { a } = await tenants(authority);
    const alpha = (await authenticate(authority.ctx, a))!;
    const input = { serial: 'Y-1', model: 'comtrexx-vm' };
    const req = { scope: alpha.label, key: 'k-early', hash: requestHash('devices.add', input) };
    const run = async () => ({ status: 200, body: await authority.call('devices.add', input, alpha) });
    await expect(
      withIdempotency(
        authority.ctx,
        IDEMPOTENCY_DEFAULTS,
        req,
        async () => {
          throw new Error('SIGKILL');
        },
        () => undefined,
      ),
    ).rejects.toThrow('SIGKILL');
    // Still fresh: the first request might be running elsewhere, so a retry waits, then is told.
    await expect(
      withIdempotency(authority.ctx, { ...IDEMPOTENCY_DEFAULTS, waitMs: 100 }, req, run, () => undefined),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    // Stale: two retries race for it; exactly one runs, the other gets its answer.
    await age(authority);
    const both = await Promise.all(
      [1, 2].map(() => withIdempotency(authority.ctx, IDEMPOTENCY_DEFAULTS, req, run, () => undefined)),
    );
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(await authority.call('devices.list', {}, alpha)).toHaveLength(1);
  });
});
