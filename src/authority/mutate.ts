// Every change goes through here: one transaction for the change, its audit entry and whatever
// the context's change hooks add (see ChangeHook in context.ts).
import { appendAudit, type AuditEntry } from './audit/log';
import type { Actor, AuthorityContext } from './context';
import type { Tx } from './db/executor';

export interface Change<T> {
  value: T;
  audit: AuditEntry | AuditEntry[];
}

/** The change hooks' writes for a change starting now; a writer that batches changes itself must run them or not batch. */
export const pendingChangeHookWrites = (ctx: AuthorityContext): ((tx: Tx) => Promise<void>)[] =>
  ctx.changeHooks.map((h) => h()).filter((run) => run !== undefined);

export function mutate<T>(ctx: AuthorityContext, actor: Actor, fn: (tx: Tx) => Promise<Change<T>>): Promise<T> {
  const extra = pendingChangeHookWrites(ctx);
  return ctx.db.write(async (tx) => {
    const { value, audit } = await fn(tx);
    const at = ctx.now();
    for (const entry of Array.isArray(audit) ? audit : [audit]) await appendAudit(ctx.db, tx, actor, entry, at);
    for (const run of extra) await run(tx);
    return value;
  });
}
