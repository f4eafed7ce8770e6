// Every change goes through here: one transaction for the change and its audit entry.
import { appendAudit, type AuditEntry } from './audit/log';
import type { Actor, AuthorityContext } from './context';
import type { Tx } from './db/executor';

export interface Change<T> {
  value: T;
  audit: AuditEntry | AuditEntry[];
}

export function mutate<T>(ctx: AuthorityContext, actor: Actor, fn: (tx: Tx) => Promise<Change<T>>): Promise<T> {
  return ctx.db.write(async (tx) => {
    const { value, audit } = await fn(tx);
    const at = ctx.now();
    for (const entry of Array.isArray(audit) ? audit : [audit]) await appendAudit(ctx.db, tx, actor, entry, at);
    return value;
  });
}
