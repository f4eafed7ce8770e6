// Transfers: a serial registered by another reseller moves only when the vendor approves a request.
import { z } from 'zod';
import { isoDate, op, serial, text } from './define';

export const TransferSchema = z.object({
  id: z.number(),
  serial: z.string(),
  /** outgoing: this reseller asked for the device; incoming: another reseller asked for one of ours. */
  direction: z.enum(['outgoing', 'incoming', 'vendor']),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedAt: isoDate,
  decidedAt: isoDate.nullable(),
  note: z.string(),
  /** Names of the resellers: shown to the vendor only (a reseller never learns who holds a serial). */
  from: z.string().optional(),
  to: z.string().optional(),
});
export type Transfer = z.infer<typeof TransferSchema>;

const decision = z.object({ id: z.number().int().min(1), note: text(400).optional() }).strict();

export const transfersOps = {
  'transfers.request': op({
    name: 'transfers.request',
    summary: 'Ask the vendor to move a PBX that another reseller registered to this reseller',
    mutating: true,
    input: z.object({ serial, note: text(400).optional() }).strict(),
    output: TransferSchema,
  }),
  'transfers.list': op({
    name: 'transfers.list',
    summary: 'Transfer requests this reseller made or received (the vendor: all)',
    mutating: false,
    input: z.object({ pendingOnly: z.boolean().optional() }).strict(),
    output: z.array(TransferSchema),
  }),
  'transfers.approve': op({
    name: 'transfers.approve',
    summary: 'Approve a transfer request (the PBX moves to the reseller who asked)',
    mutating: true,
    vendorOnly: true,
    input: decision,
    output: TransferSchema,
  }),
  'transfers.refuse': op({
    name: 'transfers.refuse',
    summary: 'Refuse a transfer request (the holder keeps the PBX)',
    mutating: true,
    vendorOnly: true,
    input: decision,
    output: TransferSchema,
  }),
};
