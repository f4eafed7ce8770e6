// Writing the checkpoints: after changes commit, one signed checkpoint of the new chain head is
// appended to the checkpoint file. Callers of one commit share one checkpoint: SQLite's group
// commit answers a whole batch at once, and every caller asking in that turn of the event loop
// joins the same write. A checkpoint that cannot be written does not undo a committed change: it
// is reported on stderr, and `audit verify` then shows the newest entries as not yet covered.
import { existsSync } from 'node:fs';
import type { CaMaterial } from '../ca';
import type { Db } from '../db/executor';
import type { KeySealer } from '../keys/sealer';
import { appendCheckpoint, signCheckpoint } from './checkpoint-file';
import { GENESIS } from './log';
import { loadAuditSigner, type AuditSigner } from './signer';

export interface AuditCheckpoints {
  readonly file: string;
  readonly signer: AuditSigner;
  /** The step after every commit of changes: resolves once their checkpoint is written (or skipped). */
  checkpointAfterCommit(): Promise<void>;
  /** Waits for checkpoints still being written. */
  drain(): Promise<void>;
}

export interface CheckpointOptions {
  dataDir: string;
  file: string;
  ca: CaMaterial;
  now: () => Date;
  warn: (message: string) => void;
  sealer: KeySealer;
}

export async function openCheckpoints(db: Db, o: CheckpointOptions): Promise<AuditCheckpoints> {
  const { signer, created } = loadAuditSigner(o.dataDir, o.ca, o.now(), o.sealer);
  let written = await chainHead(db);
  // A new signer starts the file (a new authority, or one from before checkpoints: its log as it is
  // now is the first checkpoint). A file missing next to an existing signer and a non-empty log
  // was deleted: it is never silently recreated, or the deletion would be hidden.
  if (created || (!existsSync(o.file) && written.id === 0))
    appendCheckpoint(o.file, signCheckpoint(signer, written, o.now()));
  let warned = false;
  const warnOnce = (message: string) => {
    if (!warned) o.warn(message);
    warned = true;
  };

  const writeHead = async () => {
    const head = await chainHead(db);
    if (head.id === written.id && head.hash === written.hash) return;
    if (!existsSync(o.file))
      return warnOnce(
        `The audit checkpoint file ${o.file} is missing; no checkpoints are written until it is restored.`,
      );
    appendCheckpoint(o.file, signCheckpoint(signer, head, o.now()));
    written = head;
  };

  let queued: Promise<void> | undefined;
  let last: Promise<void> = Promise.resolve();
  return {
    file: o.file,
    signer,
    checkpointAfterCommit() {
      if (queued) return queued;
      const next = last
        .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
        .then(() => {
          queued = undefined; // commits from now on need a checkpoint after this one
          return writeHead();
        })
        .catch((e: unknown) => warnOnce(`An audit checkpoint could not be written: ${(e as Error).message}`));
      queued = next;
      last = next;
      return next;
    },
    drain: () => last,
  };
}

export async function chainHead(db: Db): Promise<{ id: number; hash: string }> {
  const row = await db.read.first(db.qb.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1));
  return row ? { id: row.id, hash: row.hash } : { id: 0, hash: GENESIS };
}
