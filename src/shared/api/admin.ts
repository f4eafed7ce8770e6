// Administration of a server authority: resellers and their API tokens. Only the vendor may do
// these; the embedded desktop authority's local actor is its own vendor, so `licence-desk token
// create` run against a server's database (--database) is how the first token can be made too.
import { z } from 'zod';
import { isoDate, op, text } from './define';

const resellerName = text(120).min(1);
const tokenId = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const ResellerSchema = z.object({ id: z.number(), name: z.string(), createdAt: isoDate });
export const TokenInfoSchema = z.object({
  id: z.number(),
  role: z.enum(['vendor', 'reseller']),
  reseller: z.string().nullable(),
  label: z.string(),
  createdAt: isoDate,
  revokedAt: isoDate.nullable(),
});

export const adminOps = {
  'resellers.create': op({
    name: 'resellers.create',
    summary: 'Create a reseller (a tenant with its own customers and devices)',
    mutating: true,
    vendorOnly: true,
    input: z.object({ name: resellerName }).strict(),
    output: ResellerSchema,
  }),
  'tokens.create': op({
    name: 'tokens.create',
    summary: 'Create an access token (shown only in this answer)',
    mutating: true,
    vendorOnly: true,
    input: z
      .object({ role: z.enum(['vendor', 'reseller']), reseller: resellerName.optional(), label: text(120).optional() })
      .strict(),
    output: TokenInfoSchema.extend({ token: z.string() }),
  }),
  'tokens.list': op({
    name: 'tokens.list',
    summary: 'List access tokens (never the tokens themselves)',
    mutating: false,
    vendorOnly: true,
    input: z.object({ includeRevoked: z.boolean().optional() }).strict(),
    output: z.array(TokenInfoSchema),
  }),
  'tokens.revoke': op({
    name: 'tokens.revoke',
    summary: 'Revoke an access token',
    mutating: true,
    vendorOnly: true,
    input: z.object({ id: tokenId }).strict(),
    output: TokenInfoSchema,
  }),
};
