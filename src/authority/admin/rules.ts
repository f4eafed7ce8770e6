// Rules for API tokens, as plain functions. A token is 32 random bytes (base64url) behind the
// prefix "ldt_", so a leaked one is recognisable in logs and by secret scanners; the authority
// keeps only its SHA-256, so a copy of the database does not hand out working tokens.
import { createHash, randomBytes } from 'node:crypto';
import { err } from '../../shared/errors';
import type { Actor } from '../context';

export const TOKEN_PREFIX = 'ldt_';
const TOKEN_SHAPE = /^ldt_[A-Za-z0-9_-]{43}$/;

export type Role = 'vendor' | 'reseller';

export const newToken = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const looksLikeToken = (raw: string): boolean => TOKEN_SHAPE.test(raw);

/** A reseller token acts for exactly one reseller; a vendor token for none. */
export function checkTokenRequest(input: { role: Role; reseller?: string | undefined }): void {
  if (input.role === 'reseller' && !input.reseller) {
    throw err.TOKEN_RESELLER_REQUIRED();
  }
  if (input.role === 'vendor' && input.reseller) {
    throw err.TOKEN_VENDOR_WITH_RESELLER({ reseller: input.reseller });
  }
}

/** Who a token speaks for; the label is what the audit log records. */
export function actorOf(row: { role: Role; reseller_id: number | null }): Actor {
  if (row.role === 'vendor') return { resellerId: null, vendor: true, label: 'vendor' };
  return { resellerId: row.reseller_id, vendor: false, label: `reseller:${row.reseller_id}` };
}

/** Callers of public operations (a PBX checking in) without a token. */
export const ANONYMOUS: Actor = { resellerId: null, vendor: false, label: 'anonymous' };
