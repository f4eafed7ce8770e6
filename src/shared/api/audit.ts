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
  /** The newest signed checkpoint the log was compared with. */
  checkpoint: z.object({ id: z.number(), at: z.string() }).optional(),
  /** Why the log cannot be trusted when it is not its own chain that broke (AUDIT_TAIL_MISSING, …). */
  problem: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const AuditHeadSchema = z.object({
  id: z.number(),
  hash: z.string(),
  at: z.string(),
  signature: z.string(),
  /** The checkpoint as one line, as in the checkpoint file: keep it elsewhere, give it to audit verify. */
  line: z.string(),
  /** The audit signer's certificate (PEM), issued by the issuing CA. */
  signer: z.string(),
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
    summary: "Verify the audit log's hash chain and its signed checkpoints",
    mutating: false,
    vendorOnly: true,
    input: z
      .object({
        /** Checkpoint lines kept elsewhere (`audit head` output), compared too. */
        checkpoint: z.string().min(1).max(100_000).optional(),
      })
      .strict(),
    output: AuditVerdictSchema,
  }),
  'audit.head': op({
    name: 'audit.head',
    summary: "The newest signed checkpoint of the audit log's head",
    mutating: false,
    vendorOnly: true,
    input: empty,
    output: AuditHeadSchema,
  }),
};
