// Faults with real server processes: two `serve` processes on one PostgreSQL database behave as
// one, and a server killed with SIGKILL in the middle of a loop of 1,000 certificate requests
// leaves every answer it gave recorded, no half-written rows and an intact audit chain, on
// SQLite and on PostgreSQL; retrying the interrupted requests with their keys issues nothing twice.
import { describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { verifyAudit } from '../../src/authority/audit/log';
import { COMMITTED } from '../../src/authority/http/idempotency';
import { keyId, unseal } from '../../src/authority/http/sealed';
import { makeRequest, tempDir } from '../support/fixtures';
import { freshPgDatabase, pgAvailable } from '../support/postgres';
import { onCleanup, startServe, type ServeProcess } from './support';

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function post(
  server: ServeProcess | string,
  op: string,
  body: unknown,
  token?: string,
  key?: string,
): Promise<Reply> {
  const url = typeof server === 'string' ? server : server.url;
  const res = await fetch(`${url}/v1/${op}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A reseller token on a fresh authority, made in-process (the local actor is the vendor). */
async function prepare(database?: string): Promise<{ dir: string; token: string; scope: string }> {
  const dir = tempDir();
  await Authority.init(dir, database);
  const authority = await Authority.open({ dataDir: dir, ...(database ? { database } : {}) });
  try {
    const { id } = await authority.call('resellers.create', { name: 'Acme' });
    const { token } = await authority.call('tokens.create', { role: 'reseller', reseller: 'Acme' });
    return { dir, token, scope: `reseller:${id}` };
  } finally {
    await authority.close();
  }
}

const describePg = pgAvailable() ? describe : describe.skip;

describePg('two serve processes on one PostgreSQL database', () => {
  it('behave as one: the first token is made once, 50 concurrent adds all land, one serial is taken exactly once, one key runs once', async () => {
    const database = await freshPgDatabase();
    const dir = tempDir();
    await Authority.init(dir, database);
    const servers = await Promise.all([
      startServe(dir, ['--database', database]),
      startServe(dir, ['--database', database]),
    ]);
    const vendors = servers.map((s) => s.token()).filter((t) => t !== undefined);
    expect(vendors).toHaveLength(1);
    const vendor = vendors[0]!;
    const [one, two] = servers as [ServeProcess, ServeProcess];
    expect((await post(two, 'resellers.create', { name: 'Acme' }, vendor)).status).toBe(200);
    const token = (await post(one, 'tokens.create', { role: 'reseller', reseller: 'Acme' }, vendor)).body
      .token as string;

    const adds = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        post(
          servers[i % 2]!,
          'devices.add',
          { serial: `P-${String(i).padStart(3, '0')}`, model: 'comtrexx-vm' },
          token,
        ),
      ),
    );
    expect(adds.map((r) => r.status)).toEqual(Array(50).fill(200));
    for (const s of servers)
      expect(((await post(s, 'devices.list', {}, token)).body as unknown as unknown[]).length).toBe(50);

    const same = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(servers[i % 2]!, 'devices.add', { serial: 'ONE', model: 'comtrexx-vm' }, token),
      ),
    );
    expect(same.filter((r) => r.status === 200)).toHaveLength(1);
    expect(same.filter((r) => r.status === 409 && r.body.code === 'DEVICE_EXISTS')).toHaveLength(19);

    const keyed = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(servers[i % 2]!, 'devices.add', { serial: 'KEYED', model: 'comtrexx-vm' }, token, 'one-key'),
      ),
    );
    expect(keyed.map((r) => r.status)).toEqual(Array(10).fill(200));

    const authority = await Authority.open({ dataDir: dir, database });
    onCleanup(() => authority.close());
    expect(await verifyAudit(authority.ctx.db)).toEqual({ ok: true, entries: 1 + 2 + 50 + 1 + 1 });
  });
});

const N = 1_000;
const WORKERS = 4;

/** Sends certificate requests until N are sent or the server dies; records every answer received. */
async function recreateLoop(url: string, token: string, onAnswer: (count: number) => void) {
  const received = new Map<string, string>(); // idempotency key → certificate serial
  const sent = new Map<string, unknown>(); // idempotency key → request body
  let next = 0;
  const worker = async (w: number) => {
    const serial = `K-${w}`;
    while (next < N) {
      const key = `loop-${next++}`;
      const body = { serial, initCode: makeRequest(serial, 'comtrexx-vm').code };
      sent.set(key, body);
      let reply: Reply;
      try {
        reply = await post(url, 'certificates.recreate', body, token, key);
      } catch {
        return; // the server is gone
      }
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      received.set(key, reply.body.certificateSerial as string);
      onAnswer(received.size);
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  return { received, sent };
}

for (const store of ['sqlite', 'postgres'] as const) {
  const skip = store === 'postgres' && !pgAvailable();
  (skip ? describe.skip : describe)(`serve killed with SIGKILL during a loop of ${N} certificates [${store}]`, () => {
    it('after restart every answer received has its certificate, nothing is half-written, the audit chain verifies, and retries issue nothing twice', async () => {
      const database = store === 'postgres' ? await freshPgDatabase() : undefined;
      const { dir, token, scope } = await prepare(database);
      const args = database ? ['--database', database] : [];
      const first = await startServe(dir, args);
      for (let w = 0; w < WORKERS; w++) {
        expect((await post(first, 'devices.add', { serial: `K-${w}`, model: 'comtrexx-vm' }, token)).status).toBe(200);
        expect(
          (await post(first, 'licences.grant', { serial: `K-${w}`, feature: 11, quantity: 2 }, token)).status,
        ).toBe(200);
      }
      const killAt = 100 + Math.floor(Math.random() * 200);
      const { received, sent } = await recreateLoop(
        first.url,
        token,
        (n) => void (n === killAt && first.child.kill('SIGKILL')),
      );
      expect((await first.exited).signal).toBe('SIGKILL');
      expect(received.size).toBeGreaterThanOrEqual(killAt);
      expect(received.size).toBeLessThan(N);

      const second = await startServe(dir, args);
      expect(second.token()).toBeUndefined();
      const authority = await Authority.open({ dataDir: dir, ...(database ? { database } : {}) });
      onCleanup(() => authority.close());
      const { db } = authority.ctx;
      const certs = await db.read.all(
        db.qb.selectFrom('certificates').select(['serial_hex', 'device_id', 'superseded_by']),
      );
      const serials = new Set(certs.map((c) => c.serial_hex));
      for (const [key, serial] of received) expect(serials.has(serial), `answer of ${key}`).toBe(true);
      // Every certificate has its audit entry and every issue entry its certificate.
      const issued = (
        await db.read.all(db.qb.selectFrom('audit_log').select('data').where('action', '=', 'certificate.issue'))
      ).map((r) => (JSON.parse(r.data) as { certificate: string }).certificate);
      expect(new Set(issued)).toEqual(serials);
      expect(issued).toHaveLength(serials.size);
      expect(await verifyAudit(db)).toMatchObject({ ok: true });
      // Exactly one current certificate per device: the supersede chain is whole.
      for (const deviceId of new Set(certs.map((c) => c.device_id))) {
        expect(certs.filter((c) => c.device_id === deviceId && c.superseded_by === null)).toHaveLength(1);
      }
      // Every certificate's request marked its key in the same transaction, and no key without one.
      const rows = new Map(
        (await db.read.all(db.qb.selectFrom('idempotency_keys').select(['key', 'response']))).map((r) => [
          r.key,
          r.response,
        ]),
      );
      expect([...rows.values()].filter((r) => r !== null)).toHaveLength(certs.length);
      const stored = (key: string) => {
        const sealed = rows.get(keyId(scope, key));
        return sealed && sealed !== COMMITTED ? (JSON.parse(unseal(scope, key, sealed)!) as Reply) : sealed;
      };
      for (const [key, serial] of received)
        expect(stored(key)).toMatchObject({ status: 200, body: { certificateSerial: serial } });

      // The requests in flight at the kill, retried with their keys once a minute has passed (their
      // rows are aged): a stored answer comes back as it was, a change that committed without its
      // answer is IDEMPOTENCY_ANSWER_LOST, and only a request that never committed runs now.
      await db.write((tx) =>
        tx.run(db.qb.updateTable('idempotency_keys').set({ created_at: '2000-01-01T00:00:00.000Z' })),
      );
      let ranNow = 0;
      for (const [key, body] of [...sent].filter(([k]) => !received.has(k))) {
        const before = stored(key);
        const reply = await post(second, 'certificates.recreate', body, token, key);
        if (before === COMMITTED) expect([reply.status, reply.body.code]).toEqual([409, 'IDEMPOTENCY_ANSWER_LOST']);
        else if (before) expect(reply).toEqual(before);
        else {
          expect(reply.status).toBe(200);
          ranNow++;
        }
      }
      expect((await db.read.all(db.qb.selectFrom('certificates').select('serial_hex'))).length).toBe(
        certs.length + ranNow,
      );

      second.child.kill('SIGTERM');
      expect((await second.exited).code).toBe(0);
    });
  });
}
