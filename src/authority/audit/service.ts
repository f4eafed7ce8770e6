// Reading and checking the audit log. A reseller reads the entries it made itself; the vendor (and
// the embedded desktop authority, which is its own vendor) reads everything and verifies the chain.
import type { Actor, AuthorityContext } from '../context';
import { verifyAudit, type AuditVerdict } from './log';

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

export const checkAudit = (ctx: AuthorityContext): Promise<AuditVerdict> => verifyAudit(ctx.db);
