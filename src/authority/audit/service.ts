// Reading and checking the audit log. A reseller reads the entries it made itself; the vendor (and
// the embedded desktop authority, which is its own vendor) reads everything and verifies the chain.
import type { Actor, AuthorityContext } from '../context';
import {
  checkpointError,
  checkpointLine,
  parseCheckpoints,
  readCheckpointFile,
  type Checkpoint,
} from './checkpoint-file';
import { compareWithCheckpoints } from './compare';
import { walkAudit, type AuditVerdict } from './log';
import { err } from '../../shared/errors';

export interface AuditListInput {
  limit?: number;
  beforeId?: number;
  action?: string;
  subject?: string;
}

export async function listAudit(ctx: AuthorityContext, actor: Actor, input: AuditListInput) {
  let q = ctx.db.qb
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor', 'action', 'subject', 'data', 'hash'])
    .orderBy('id', 'desc')
    .limit(input.limit ?? 100);
  if (!actor.vendor) q = q.where('actor', '=', actor.label);
  if (input.beforeId !== undefined) q = q.where('id', '<', input.beforeId);
  if (input.action !== undefined) q = q.where('action', '=', input.action);
  if (input.subject !== undefined) q = q.where('subject', '=', input.subject);
  const rows = await ctx.db.read.all(q);
  return rows.map((r) => ({ ...r, data: parseData(r.data) }));
}

/** The stored text is what the hash covers; a row edited into non-JSON is still shown, not hidden. */
function parseData(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { unparsable: text };
  }
}

export interface CheckedVerdict extends AuditVerdict {
  checkpoint?: { id: number; at: string };
  problem?: { code: string; message: string };
}

/**
 * The chain re-walked, then compared with every signed checkpoint of the file and of an external
 * copy. A mismatch with the database (cut tail, re-hashed chain) outranks a damaged file: it says
 * more about what happened, and an external copy can still prove it when the file is gone.
 */
export async function checkAudit(
  ctx: AuthorityContext,
  _actor: Actor,
  input: { checkpoint?: string } = {},
): Promise<CheckedVerdict> {
  const { verdict, hashes } = await walkAudit(ctx.db);
  const cps = ctx.checkpoints;
  if (!verdict.ok || !cps) return verdict;
  const fromFile = readCheckpointFile(cps.file, cps.signer);
  const external =
    input.checkpoint === undefined ? [] : parseCheckpoints(input.checkpoint, cps.signer, 'the external copy');
  if (!Array.isArray(external)) return { ...verdict, ok: false, problem: external };
  const all: Checkpoint[] = [...(Array.isArray(fromFile) ? fromFile : []), ...external];
  const compared = compareWithCheckpoints(hashes, all);
  if (compared.problem) return { ...verdict, ok: false, firstBroken: compared.firstBroken!, problem: compared.problem };
  if (!Array.isArray(fromFile)) return { ...verdict, ok: false, problem: fromFile };
  return { ...verdict, ...(compared.newest ? { checkpoint: compared.newest } : {}) };
}

/** The newest checkpoint of the file, for a copy kept elsewhere (`audit head > somewhere`). */
export async function auditHead(ctx: AuthorityContext) {
  const cps = ctx.checkpoints;
  if (!cps) throw err.AUDIT_CHECKPOINT_NONE();
  const read = readCheckpointFile(cps.file, cps.signer);
  if (!Array.isArray(read)) throw checkpointError(read);
  const newest = read.reduce((a, b) => (b.id > a.id ? b : a));
  return { ...newest, signature: newest.sig, line: checkpointLine(newest), signer: cps.signer.certificatePem };
}
