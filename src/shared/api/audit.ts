// The audit log: read it, and prove its hash chain is intact (src/authority/audit/log.ts).
import { z } from 'zod';
import { empty, op, text } from './define';

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const AuditVerdictSchema = z.object({
  ok: z.boolean(),
  entries: z.number(),
  firstBroken: z.object({ id: z.number(), reason: z.string() }).optional(),
});

export const auditOps = {
  'audit.list': op({
    name: 'audit.list',
    summary: 'Audit log entries, newest first',
    mutating: false,
    input: z
      .object({
        limit: z.number().int().min(1).max(1000).optional(),
        /** Only entries older than this id: the next page. */
        beforeId: z.number().int().min(1).optional(),
        action: text(60).min(1).optional(),
        subject: text(200).min(1).optional(),
      })
      .strict(),
    output: z.array(AuditEntrySchema),
  }),
  'audit.verify': op({
    name: 'audit.verify',
    summary: "Verify the audit log's hash chain",
    mutating: false,
    vendorOnly: true,
    input: empty,
    output: AuditVerdictSchema,
  }),
};
