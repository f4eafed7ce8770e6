// A coupon is redeemed exactly once even when 50 separate `licence-desk` processes try at the same
// moment on one SQLite data folder: each process has its own connection, so only SQLite's write
// lock and the conditional UPDATE stand between them. Every loser exits 1 with the stable code.
// tsx start-up is ~0.4 s a process on 2 cores: this takes ~15–25 s.
import { expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { verifyAudit } from '../../src/authority/audit/log';
import { Authority } from '../../src/authority/authority';
import { tempDir } from '../support/fixtures';

const PROCESSES = 50;

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

const cli = (args: string[]): Promise<Result> => runProcess(args);

it('Coupon: exactly once across 50 CLI processes at once on one SQLite folder — one exit 0, 49 exit 1 COUPON_ALREADY_REDEEMED', async () => {
  const dir = tempDir('ld-coupon-procs-');
  await Authority.init(dir);
  const setup = await Authority.open({ dataDir: dir });
  const serials = Array.from({ length: PROCESSES }, (_, i) => `VM-${String(i).padStart(2, '0')}`);
  for (const serial of serials) await setup.call('devices.add', { serial, model: 'comtrexx-vm' });
  await setup.close();
  // Minted through the CLI too: one code a line on stdout.
  const minted = await cli(['--data', dir, 'coupon', 'mint', '--feature', '11', '--quantity', '5']);
  expect(minted).toMatchObject({ status: 0, stderr: '' });
  const code = minted.stdout.trim();
  expect(code).toMatch(/^LDC(-[0-9A-Z]{5}){4}$/);

  const results = await Promise.all(
    serials.map((serial) => cli(['--data', dir, 'coupon', 'redeem', code, '--serial', serial])),
  );
  const winners = results.filter((r) => r.status === 0);
  expect(
    winners,
    results
      .filter((r) => r.status !== 0 && r.status !== 1)
      .map((r) => r.stderr)
      .join('\n'),
  ).toHaveLength(1);
  expect(winners[0]!.stdout).toMatch(
    /^Redeemed for VM-\d\d: feature 11 \(User licence \(floating\)\) × 5, perpetual\n$/,
  );
  const losers = results.filter((r) => r.status !== 0);
  expect(losers.map((r) => r.status)).toEqual(Array(PROCESSES - 1).fill(1));
  for (const r of losers)
    expect(r.stderr).toMatch(
      /^licence-desk: Coupon LDC-…-\w{5} was already redeemed on .+ \[COUPON_ALREADY_REDEEMED\]\n$/,
    );

  const after = await Authority.open({ dataDir: dir });
  try {
    const db = after.ctx.db;
    expect(
      await db.read.all(db.qb.selectFrom('licences').select('device_id').where('source', '=', 'coupon')),
    ).toHaveLength(1);
    expect(
      await db.read.all(db.qb.selectFrom('audit_log').select('id').where('action', '=', 'coupon.redeem')),
    ).toHaveLength(1);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  } finally {
    await after.close();
  }
}, 180_000);
