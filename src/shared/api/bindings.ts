// Licence bindings to hosts (Askozia): list, the info view, and a reset confirmed by feature number.
import { z } from 'zod';
import { isoDate, op, serial } from './define';
import { CertificateSchema } from './devices';

export const BindingSchema = z.object({
  id: z.number(),
  serial: z.string(),
  feature: z.number(),
  productName: z.string(),
  hostFingerprint: z.string(),
  hostName: z.string().nullable(),
  firmware: z.string().nullable(),
  firstSeen: isoDate,
  lastSeen: isoDate,
  active: z.boolean(),
  resetAt: isoDate.nullable(),
  resetBy: z.string().nullable(),
  /** Active bindings on this host (of this reseller's devices), this one included if active. */
  hostBindings: z.number(),
});

const bindingId = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const bindingsOps = {
  'bindings.list': op({
    name: 'bindings.list',
    summary: 'Licence bindings to hosts, active first',
    mutating: false,
    input: z.object({ serial: serial.optional() }).strict(),
    output: z.array(BindingSchema),
  }),
  'bindings.show': op({
    name: 'bindings.show',
    summary: 'One binding with the certificates that rely on it',
    mutating: false,
    input: z.object({ id: bindingId }).strict(),
    output: z.object({ binding: BindingSchema, certificates: z.array(CertificateSchema) }),
  }),
  'bindings.reset': op({
    name: 'bindings.reset',
    summary: 'Reset a binding (confirmed by its feature number); revokes its certificates',
    mutating: true,
    input: z.object({ id: bindingId, feature: z.number().int().min(1).max(65535) }).strict(),
    output: z.object({ binding: BindingSchema, revoked: z.array(z.string()) }),
  }),
};
