// The check-in path's reads. One query brings the certificate's state and its device's licences
// together (on PostgreSQL every query is a round trip, and a check-in used to make two); the
// certificate's DER is read only when its key is not cached yet.
import { err } from '../../shared/errors';
import type { LicenceRow } from '../certificates/licences';
import type { AuthorityContext } from '../context';
import { prepared } from '../db/prepared';

export interface CertificateRow {
  serial_hex: string;
  device_id: number;
  not_after: string;
  superseded_by: string | null;
  revoked_at: string | null;
}

const withLicences = prepared((qb, serialHex: string) =>
  qb
    .selectFrom('certificates as c')
    .leftJoin('licences as l', 'l.device_id', 'c.device_id')
    .select([
      'c.serial_hex',
      'c.device_id',
      'c.not_after',
      'c.superseded_by',
      'c.revoked_at',
      'l.id as l_id',
      'l.feature as l_feature',
      'l.quantity as l_quantity',
      'l.source as l_source',
      'l.not_after as l_not_after',
      'l.created_at as l_created_at',
      'l.ended_at as l_ended_at',
      'l.coupon_id as l_coupon_id',
    ])
    .where('c.serial_hex', '=', serialHex)
    .orderBy('l.id'),
);

const derOf = prepared((qb, serialHex: string) =>
  qb.selectFrom('certificates').select('der').where('serial_hex', '=', serialHex),
);

/** The certificate and every licence its device holds (in grant order), or VERIFY_UNKNOWN_CERTIFICATE. */
export async function findCertificate(
  ctx: AuthorityContext,
  serialHex: string,
): Promise<{ cert: CertificateRow; licences: LicenceRow[] }> {
  const rows = await ctx.db.read.all(withLicences(ctx.db.qb, serialHex));
  const first = rows[0];
  if (!first) throw err.VERIFY_UNKNOWN_CERTIFICATE({ serialHex });
  const { serial_hex, device_id, not_after, superseded_by, revoked_at } = first;
  const licences = rows.flatMap((r) =>
    r.l_id === null
      ? []
      : [
          {
            id: r.l_id,
            device_id,
            feature: r.l_feature!,
            quantity: r.l_quantity!,
            source: r.l_source!,
            not_after: r.l_not_after,
            created_at: r.l_created_at!,
            ended_at: r.l_ended_at,
            coupon_id: r.l_coupon_id,
          },
        ],
  );
  return { cert: { serial_hex, device_id, not_after, superseded_by, revoked_at }, licences };
}

export async function certificateDer(ctx: AuthorityContext, serialHex: string): Promise<Buffer> {
  const row = await ctx.db.read.first(derOf(ctx.db.qb, serialHex));
  return row!.der;
}
