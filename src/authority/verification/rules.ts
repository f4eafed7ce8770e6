// What a verification receipt says, as plain functions over plain rows: the certificate's status
// on a given day and the licences the device currently holds.
import type { VerifyStatus } from '../../shared/api/verification';
import type { LicenceRow } from '../certificates/licences';

export interface CertificateState {
  not_after: string;
  superseded_by: string | null;
  revoked_at: string | null;
}

/**
 * The most serious fact wins: a revoked certificate (a binding reset) stays revoked even after it
 * was superseded or ran out; a superseded one means the PBX should install its newer answer.
 */
export function certificateStatus(c: CertificateState, now: Date): VerifyStatus {
  if (c.revoked_at !== null) return 'revoked';
  if (c.superseded_by !== null) return 'superseded';
  if (now > new Date(c.not_after)) return 'expired';
  return 'valid';
}

export interface ReceiptLicence {
  number: number;
  quantity: number;
  notAfter: string | null;
}

/** The device's active licences today, equal features with equal end dates merged, in a stable order. */
export function receiptLicences(licences: LicenceRow[], now: Date): ReceiptLicence[] {
  const merged = new Map<string, ReceiptLicence>();
  for (const l of licences) {
    if (l.ended_at !== null || (l.not_after !== null && new Date(l.not_after) <= now)) continue;
    const key = `${l.feature}|${l.not_after ?? ''}`;
    const prev = merged.get(key);
    if (prev) prev.quantity += l.quantity;
    else merged.set(key, { number: l.feature, quantity: l.quantity, notAfter: l.not_after });
  }
  // Perpetual first within a feature, then by end date: the same licences always sign the same way.
  return [...merged.values()].sort((a, b) => a.number - b.number || (a.notAfter ?? '').localeCompare(b.notAfter ?? ''));
}
