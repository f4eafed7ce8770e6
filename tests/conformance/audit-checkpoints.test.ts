// An audit log that shows a cut tail (issue 10 item 3): signed checkpoints of the chain head,
// kept outside the database, catch what the chain alone cannot — the newest entries deleted, or
// an entry edited and every hash after it recomputed. A checkpoint file deleted, truncated or
// edited has its own code; an external copy (`audit head`) still proves a cut tail when the file
// was cut too. Both stores; OpenSSL checks the signer certificate and a checkpoint signature.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { entryHash } from '../../src/authority/audit/log';
import type { Authority } from '../../src/authority/authority';
import { auditVerdict } from '../../src/cli/audit-commands';
import { runCli } from '../support/cli';
import { forwarder } from '../support/pbx';
import { describeStores } from '../support/stores';

/** Five audited changes, each its own commit and so its own checkpoint. */
async function fiveChanges(authority: Authority): Promise<void> {
  await authority.call('devices.add', { serial: 'A-1', model: 'comtrexx-vm' });
  await authority.call('devices.add', { serial: 'A-2', model: 'comtrexx-vm' });
  await authority.call('licences.grant', { serial: 'A-1', feature: 11, quantity: 2 });
  await authority.call('devices.rename', { serial: 'A-1', name: 'Reception' });
  await authority.call('devices.retire', { serial: 'A-2' });
}

const checkpointFile = (authority: Authority): string => authority.ctx.checkpoints!.file;
const lines = (authority: Authority): string[] => readFileSync(checkpointFile(authority), 'utf8').trimEnd().split('\n');

/** What the CLI makes of a verdict: its line, or the error code and message it exits 1 with. */
function cliOutcome(v: Parameters<typeof auditVerdict>[0]): { code: string; message: string } | string {
  try {
    return auditVerdict(v);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
}

/** Everything after entry `from` re-hashed, as someone who can write the database would do after an edit. */
async function rehashFrom(authority: Authority, from: number): Promise<void> {
  const db = authority.ctx.db;
  const rows = await db.read.all(db.qb.selectFrom('audit_log').selectAll().where('id', '>=', from).orderBy('id'));
  let prev = rows[0]!.prev_hash;
  for (const r of rows) {
    const hash = entryHash(prev, r);
    await db.write((tx) =>
      tx.run(db.qb.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', r.id)),
    );
    prev = hash;
  }
}

describeStores('audit checkpoints', ({ open, store }) => {
  it('deleting the newest entry: the chain still links, the checkpoint names entry 5 as missing', async () => {
    const { authority } = await open();
    await fiveChanges(authority);
    expect(lines(authority)).toHaveLength(6); // the empty log at init, then one per change
    const db = authority.ctx.db;
    await db.write((tx) => tx.run(db.qb.deleteFrom('audit_log').where('id', '=', 5)));
    const v = await authority.call('audit.verify', {});
    expect(v).toMatchObject({
      ok: false,
      entries: 4,
      firstBroken: {
        id: 5,
        reason: expect.stringMatching(
          /^entry 5 is missing: the checkpoint signed at \S+ covers 5 entries, the log has 4$/,
        ),
      },
      problem: { code: 'AUDIT_TAIL_MISSING' },
    });
    expect(cliOutcome(v)).toEqual({
      code: 'AUDIT_TAIL_MISSING',
      message: expect.stringMatching(
        /^Audit log cut: entry 5 is missing \(the checkpoint signed at \S+ covers 5 entries; the log has 4\)\.$/,
      ),
    });
  });

  it('editing an entry and re-hashing everything after it: the checkpoint no longer matches, entry 3 is named', async () => {
    const { authority } = await open();
    await fiveChanges(authority);
    const db = authority.ctx.db;
    await db.write((tx) =>
      tx.run(
        db.qb
          .updateTable('audit_log')
          .set({ data: JSON.stringify({ feature: 11, quantity: 200 }) })
          .where('id', '=', 3),
      ),
    );
    await rehashFrom(authority, 3);
    const v = await authority.call('audit.verify', {});
    expect(v.problem?.code).toBe('AUDIT_REWRITTEN');
    expect(v.firstBroken).toEqual({
      id: 3,
      reason: expect.stringMatching(/^entry 3 was changed after the checkpoint signed at /),
    });
    expect(cliOutcome(v)).toMatchObject({
      code: 'AUDIT_REWRITTEN',
      message: expect.stringMatching(/Entries from 3 on cannot be trusted\.$/),
    });
  });

  it('a checkpoint file deleted, truncated or edited: each its own code; a deleted file is not silently recreated', async () => {
    const { authority } = await open();
    await fiveChanges(authority);
    const file = checkpointFile(authority);
    const original = readFileSync(file, 'utf8');
    expect(await authority.call('audit.verify', {})).toMatchObject({ ok: true, checkpoint: { id: 5 } });

    writeFileSync(file, original.replace('"id":3,', '"id":4,'));
    expect((await authority.call('audit.verify', {})).problem).toEqual({
      code: 'AUDIT_CHECKPOINT_INVALID',
      message: `Line 4 of the audit checkpoint file ${file} is not signed by the audit signer (edited?).`,
    });
    writeFileSync(file, original.replace(/\n.*\n$/, '\n{"v":1,"id":'));
    expect((await authority.call('audit.verify', {})).problem).toMatchObject({ code: 'AUDIT_CHECKPOINT_TRUNCATED' });
    truncateSync(file, 0);
    expect((await authority.call('audit.verify', {})).problem).toEqual({
      code: 'AUDIT_CHECKPOINT_TRUNCATED',
      message: `The audit checkpoint file ${file} is truncated: it is empty.`,
    });
    await expect(authority.call('audit.head', {})).rejects.toMatchObject({ code: 'AUDIT_CHECKPOINT_TRUNCATED' });

    rmSync(file);
    const v = await authority.call('audit.verify', {});
    expect(v).toMatchObject({ ok: false, entries: 5, problem: { code: 'AUDIT_CHECKPOINT_MISSING' } });
    expect(cliOutcome(v)).toMatchObject({ code: 'AUDIT_CHECKPOINT_MISSING' });
    await authority.call('devices.add', { serial: 'A-3', model: 'comtrexx-vm' });
    expect((await authority.call('audit.verify', {})).problem).toMatchObject({ code: 'AUDIT_CHECKPOINT_MISSING' });
  });

  it('an external copy (audit head) proves a cut tail even when the file was cut to match', async () => {
    const { authority } = await open();
    await fiveChanges(authority);
    const head = await authority.call('audit.head', {});
    expect(head).toMatchObject({ id: 5, line: lines(authority).at(-1) });
    const db = authority.ctx.db;
    await db.write((tx) => tx.run(db.qb.deleteFrom('audit_log').where('id', '>', 3)));
    writeFileSync(checkpointFile(authority), `${lines(authority).slice(0, 4).join('\n')}\n`); // checkpoints up to entry 3
    expect(await authority.call('audit.verify', {})).toMatchObject({ ok: true, checkpoint: { id: 3 } });
    expect(await authority.call('audit.verify', { checkpoint: `${head.line}\n` })).toMatchObject({
      ok: false,
      firstBroken: { id: 4 },
      problem: {
        code: 'AUDIT_TAIL_MISSING',
        message: expect.stringMatching(/^Audit log cut: entries 4 to 5 are missing/),
      },
    });
    const forged = head.line.replace(head.hash, '0'.repeat(64));
    expect((await authority.call('audit.verify', { checkpoint: forged })).problem).toEqual({
      code: 'AUDIT_CHECKPOINT_INVALID',
      message: 'Line 1 of the external copy is not signed by the audit signer (edited?).',
    });
    expect((await authority.call('audit.verify', { checkpoint: 'hello' })).problem).toMatchObject({
      code: 'AUDIT_CHECKPOINT_INVALID',
      message: 'Line 1 of the external copy is not a checkpoint.',
    });
  });

  it('the CLI over a server: audit head saved to a file, then audit verify --checkpoint FILE exits 1 on a cut tail', async () => {
    const { authority, dir } = await open();
    await fiveChanges(authority);
    const front = await forwarder(authority);
    try {
      const cli = (...args: string[]) => runCli(['--server', front.url, ...args]);
      const head = await cli('audit', 'head');
      expect([head.status, head.stderr, head.stdout]).toEqual([0, '', `${lines(authority).at(-1)}\n`]);
      const saved = join(dir, 'head.txt');
      writeFileSync(saved, head.stdout);
      const db = authority.ctx.db;
      await db.write((tx) => tx.run(db.qb.deleteFrom('audit_log').where('id', '>', 3)));
      writeFileSync(checkpointFile(authority), `${lines(authority).slice(0, 4).join('\n')}\n`);
      const r = await cli('audit', 'verify', '--checkpoint', saved);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^licence-desk: Audit log cut: entries 4 to 5 are missing .*\[AUDIT_TAIL_MISSING\]\n$/);
      expect(r.status).toBe(1);
    } finally {
      await front.close();
    }
  });

  it('changes committed together share one checkpoint; the newest covers them all', async () => {
    const { authority } = await open();
    const before = lines(authority).length;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => authority.call('devices.add', { serial: `P-${i}`, model: 'comtrexx-vm' })),
    );
    const added = lines(authority).length - before;
    if (store === 'sqlite')
      expect(added).toBe(1); // one group commit, one checkpoint
    else expect(added).toBeLessThan(40);
    expect(added).toBeGreaterThanOrEqual(1);
    expect(await authority.call('audit.verify', {})).toMatchObject({ ok: true, entries: 40, checkpoint: { id: 40 } });
  });

  it('OpenSSL: the audit signer is issued by the issuing CA for digital signatures only, and signed the head', async () => {
    const { authority, dir } = await open();
    await fiveChanges(authority);
    const head = await authority.call('audit.head', {});
    const work = join(dir, 'openssl');
    execFileSync('mkdir', ['-p', work]);
    writeFileSync(join(work, 'signer.pem'), head.signer);
    writeFileSync(
      join(work, 'text'),
      `licence-desk audit checkpoint v1\nid=${head.id}\nhash=${head.hash}\nat=${head.at}\n`,
    );
    writeFileSync(join(work, 'sig'), Buffer.from(head.signature, 'base64'));
    const openssl = (...args: string[]) =>
      execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
    const ca = join(dir, 'ca');
    expect(
      openssl('verify', '-CAfile', join(ca, 'root.pem'), '-untrusted', join(ca, 'issuing.pem'), 'signer.pem'),
    ).toBe('signer.pem: OK\n');
    expect(openssl('x509', '-in', 'signer.pem', '-noout', '-ext', 'keyUsage')).toMatch(
      /critical\n\s+Digital Signature\n$/,
    );
    openssl('x509', '-in', 'signer.pem', '-noout', '-pubkey', '-out', 'pub.pem');
    expect(openssl('dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'sig', 'text')).toBe('Verified OK\n');
  });
});
