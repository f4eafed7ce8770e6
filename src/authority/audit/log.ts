// The append-only, hash-chained audit log. Every change the authority makes appends one entry in
// the same transaction as the change, so an entry exists exactly when its change does.
// hash = SHA-256(prev_hash | id | at | actor | action | subject | data); the first prev_hash is
// 64 zeros. Anyone with the table can re-walk the chain and find the first altered entry.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../context';
import type { Db, Tx } from '../db/executor';
import { prepared } from '../db/prepared';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  subject: string;
  data?: Record<string, unknown>;
}

export function entryHash(
  prev: string,
  e: { id: number; at: string; actor: string; action: string; subject: string; data: string },
): string {
  return createHash('sha256')
    .update([prev, e.id, e.at, e.actor, e.action, e.subject, e.data].join('\u001f'))
    .digest('hex');
}

export async function appendAudit(db: Db, tx: Tx, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  // One appender at a time across server processes; on SQLite the write lock already ensures it.
  if (db.dialect === 'postgres')
    await tx.run(sql`SELECT pg_advisory_xact_lock(hashtext('licence-desk:audit'))`.compile(db.qb));
  const last = await tx.first(lastEntry(db.qb));
  const row = {
    id: (last?.id ?? 0) + 1,
    at: at.toISOString(),
    actor: actor.label,
    action: entry.action,
    subject: entry.subject,
    data: JSON.stringify(entry.data ?? {}),
  };
  const prev = last?.hash ?? GENESIS;
  await tx.run(
    insertEntry(db.qb, row.id, row.at, row.actor, row.action, row.subject, row.data, prev, entryHash(prev, row)),
  );
}

const lastEntry = prepared((qb) => qb.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
const insertEntry = prepared(
  (
    qb,
    id: number,
    at: string,
    actor: string,
    action: string,
    subject: string,
    data: string,
    prev_hash: string,
    hash: string,
  ) => qb.insertInto('audit_log').values({ id, at, actor, action, subject, data, prev_hash, hash }),
);

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, if any. */
  firstBroken?: { id: number; reason: string };
}

export async function verifyAudit(db: Db): Promise<AuditVerdict> {
  return (await walkAudit(db)).verdict;
}

/** The chain re-walked; `hashes[i]` is entry i + 1's stored hash, for comparing with checkpoints. */
export async function walkAudit(db: Db): Promise<{ verdict: AuditVerdict; hashes: string[] }> {
  const rows = await db.read.all(db.qb.selectFrom('audit_log').selectAll().orderBy('id'));
  let prev = GENESIS;
  for (const [i, r] of rows.entries()) {
    const reason =
      r.id !== i + 1
        ? `entry ${i + 1} is missing`
        : r.prev_hash !== prev
          ? 'its link to the previous entry does not match'
          : entryHash(prev, r) !== r.hash
            ? 'its content does not match its hash'
            : undefined;
    if (reason) return { verdict: { ok: false, entries: rows.length, firstBroken: { id: r.id, reason } }, hashes: [] };
    prev = r.hash;
  }
  return { verdict: { ok: true, entries: rows.length }, hashes: rows.map((r) => r.hash) };
}
