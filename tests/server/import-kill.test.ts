// A serve process killed with SIGKILL in the middle of a 1,000-row devices.import: the import is one
// transaction, so nothing of it is left, and the retry with the same Idempotency-Key adds every row
// exactly once and answers the whole result.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { tempDir } from '../support/fixtures';
import { onCleanup, startServe } from './support';

const post = async (url: string, op: string, body: unknown, token: string, key: string) => {
  const res = await fetch(`${url}/v1/${op}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

/** True while the import's own transaction is open: its key is claimed (committed, no answer) and the write lock is held. */
function importInFlight(file: string): boolean {
  const probe = new Database(file, { timeout: 0 });
  try {
    const claimed = probe.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE response IS NULL').get() as {
      n: number;
    };
    if (claimed.n !== 1) return false;
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
      return false;
    } catch (e) {
      return (e as { code?: string }).code === 'SQLITE_BUSY';
    }
  } finally {
    probe.close();
  }
}

it('SIGKILL during a 1,000-row import over HTTP: the retry with the same key adds all rows once and lists the result', async () => {
  const dir = tempDir();
  await Authority.init(dir);
  const setup = await Authority.open({ dataDir: dir });
  await setup.call('resellers.create', { name: 'Acme' });
  const { token } = await setup.call('tokens.create', { role: 'reseller', reseller: 'Acme' });
  await setup.close();
  const file = join(dir, 'authority.db');
  const rows = Array.from({ length: 1000 }, (_, i) => ({
    serial: `KILL-${i}`,
    model: 'comtrexx-vm',
    customer: `C${i % 7}`,
  }));
  rows[500] = { serial: 'kill-3', model: 'comtrexx-vm', customer: 'C0' }; // the same serial as row 4, ignoring case

  const first = await startServe(dir);
  const sent = post(first.url, 'devices.import', { rows }, token, 'import-kill-1').catch(() => 'gone' as const);
  while (!importInFlight(file)) await new Promise((r) => setTimeout(r, 1));
  first.child.kill('SIGKILL');
  expect(await sent).toBe('gone');
  expect((await first.exited).signal).toBe('SIGKILL');

  const check = new Database(file, { readonly: true });
  onCleanup(() => void check.close());
  expect(check.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 0 });

  // The dead request's claim is aged past the stale limit, as a minute's wait would.
  const age = new Database(file);
  age.prepare("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00.000Z'").run();
  age.close();
  const second = await startServe(dir);
  const retry = await post(second.url, 'devices.import', { rows }, token, 'import-kill-1');
  expect(retry).toEqual({
    status: 200,
    body: {
      added: 999,
      errors: [
        {
          row: 501,
          code: 'DEVICE_EXISTS',
          message: expect.stringContaining('KILL-3'),
          params: expect.objectContaining({ serial: 'kill-3' }),
        },
      ],
    },
  });
  const serials = check.prepare('SELECT serial FROM devices ORDER BY id').all() as { serial: string }[];
  expect(serials.map((s) => s.serial)).toEqual(rows.filter((_, i) => i !== 500).map((r) => r.serial));
  const again = await post(second.url, 'devices.import', { rows }, token, 'import-kill-1');
  expect(again).toEqual(retry);
});
