// Every change goes through here: one transaction for the change and its audit entry.
import { appendAudit, type AuditEntry } from './audit/log';
import type { Actor, AuthorityContext } from './context';
import type { Tx } from './db/executor';

export interface Change<T> {
  value: T;
  audit: AuditEntry | AuditEntry[];
}

/**
 * Extra writes that commit together with every change: the HTTP server marks the request's
 * Idempotency-Key as carried out, so a retry after a crash can never run the change twice. A hook
 * is asked when the change starts, because the transaction itself may run in another request's
 * async context (SQLite batches writes); it returns what to run in the transaction, or nothing.
 */
export type ChangeHook = () => ((tx: Tx) => Promise<void>) | undefined;
const changeHooks: ChangeHook[] = [];
export const addChangeHook = (hook: ChangeHook): void => void (changeHooks.includes(hook) || changeHooks.push(hook));

export async function mutate<T>(ctx: AuthorityContext, actor: Actor, fn: (tx: Tx) => Promise<Change<T>>): Promise<T> {
  const extra = changeHooks.map((h) => h()).filter((run) => run !== undefined);
  const value = await ctx.db.write(async (tx) => {
    const { value, audit } = await fn(tx);
    const at = ctx.now();
    for (const entry of Array.isArray(audit) ? audit : [audit]) await appendAudit(ctx.db, tx, actor, entry, at);
    for (const run of extra) await run(tx);
    return value;
  });
  await ctx.checkpoints?.checkpointAfterCommit(); // one signed checkpoint per committed batch
  return value;
}
