// A certificate as the detail and binding views show it, with the status a verification receipt
// would give it today (revoked, superseded, expired or valid).
import { certificateStatus } from '../verification/rules';

export const CERTIFICATE_COLUMNS = [
  'serial_hex',
  'issued_at',
  'not_before',
  'not_after',
  'generation',
  'host_fingerprint',
  'superseded_by',
  'revoked_at',
  'revoked_reason',
] as const;

export interface CertificateRow {
  serial_hex: string;
  issued_at: string;
  not_before: string;
  not_after: string;
  generation: number;
  host_fingerprint: string;
  superseded_by: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export const toCertificateDto = (c: CertificateRow, now: Date) => ({
  serialHex: c.serial_hex,
  issuedAt: c.issued_at,
  notBefore: c.not_before,
  notAfter: c.not_after,
  generation: c.generation,
  hostFingerprint: c.host_fingerprint,
  supersededBy: c.superseded_by,
  revokedAt: c.revoked_at,
  revokedReason: c.revoked_reason,
  status: certificateStatus(c, now),
});
