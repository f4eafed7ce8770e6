// Signed checkpoints of the audit chain's head, one JSON line each, in an append-only file kept
// outside the database. A checkpoint says "at this time the log had `id` entries and the newest
// hash was `hash`", signed by the audit signer over a fixed text (so OpenSSL can check it too):
//   licence-desk audit checkpoint v1\nid=<id>\nhash=<hash>\nat=<ISO time>\n
// Whoever can rewrite the database cannot make these signatures, so a cut tail (fewer entries
// than a checkpoint says) or a re-hashed chain (another hash at a checkpointed id) shows.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { err, type LdError } from '../../shared/errors';
import type { AuditSigner } from './signer';

export interface Checkpoint {
  /** The newest entry's id then (0: an empty log). */
  id: number;
  hash: string;
  at: string;
  /** ECDSA P-256 / SHA-256 signature (DER), base64. */
  sig: string;
}

/** What went wrong with a checkpoint file or an external copy: a code and a sentence. */
export interface CheckpointProblem {
  code: 'AUDIT_CHECKPOINT_MISSING' | 'AUDIT_CHECKPOINT_TRUNCATED' | 'AUDIT_CHECKPOINT_INVALID';
  message: string;
}

export const signedText = (c: Pick<Checkpoint, 'id' | 'hash' | 'at'>): string =>
  `licence-desk audit checkpoint v1\nid=${c.id}\nhash=${c.hash}\nat=${c.at}\n`;

export function signCheckpoint(signer: AuditSigner, head: { id: number; hash: string }, at: Date): Checkpoint {
  const c = { id: head.id, hash: head.hash, at: at.toISOString() };
  return { ...c, sig: signer.sign(signedText(c)).toString('base64') };
}

export const checkpointLine = (c: Checkpoint): string =>
  JSON.stringify({ v: 1, id: c.id, hash: c.hash, at: c.at, sig: c.sig });

/** One write with O_APPEND: lines from several processes on one file never interleave. */
export const appendCheckpoint = (file: string, c: Checkpoint): void =>
  appendFileSync(file, `${checkpointLine(c)}\n`, { mode: 0o600 });

/** Every checkpoint of the file, or the problem that makes it untrustworthy. */
export function readCheckpointFile(file: string, signer: AuditSigner): Checkpoint[] | CheckpointProblem {
  if (!existsSync(file))
    return {
      code: 'AUDIT_CHECKPOINT_MISSING',
      message: `The audit checkpoint file ${file} is missing; restore it, or compare with an external copy (audit verify --checkpoint FILE).`,
    };
  const text = readFileSync(file, 'utf8');
  if (text === '' || !text.endsWith('\n'))
    return {
      code: 'AUDIT_CHECKPOINT_TRUNCATED',
      message: `The audit checkpoint file ${file} is truncated: ${text === '' ? 'it is empty' : 'its last line is cut off'}.`,
    };
  return parseCheckpoints(text, signer, `the audit checkpoint file ${file}`);
}

/** Lines of checkpoints (a file, or an external copy of `audit head` output), each signature checked. */
export function parseCheckpoints(text: string, signer: AuditSigner, where: string): Checkpoint[] | CheckpointProblem {
  const out: Checkpoint[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const c = parseLine(line);
    if (!c || !signer.verify(signedText(c), Buffer.from(c.sig, 'base64')))
      return {
        code: 'AUDIT_CHECKPOINT_INVALID',
        message: `Line ${i + 1} of ${where} is ${c ? 'not signed by the audit signer (edited?)' : 'not a checkpoint'}.`,
      };
    out.push(c);
  }
  if (out.length === 0) return { code: 'AUDIT_CHECKPOINT_INVALID', message: `${where} holds no checkpoint.` };
  return out;
}

function parseLine(line: string): Checkpoint | undefined {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return undefined;
  }
  const c = v as Partial<Checkpoint> & { v?: unknown };
  const ok =
    c !== null &&
    typeof c === 'object' &&
    c.v === 1 &&
    Number.isSafeInteger(c.id) &&
    c.id! >= 0 &&
    typeof c.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(c.hash) &&
    typeof c.at === 'string' &&
    typeof c.sig === 'string';
  return ok ? { id: c.id!, hash: c.hash!, at: c.at!, sig: c.sig! } : undefined;
}

/** A problem as the error to throw where no verdict is answered (audit head). */
export function checkpointError(p: CheckpointProblem): LdError {
  return err[p.code]({ problem: p.message });
}
