// One device as "My devices" shows it: the device, its licences, its certificates.
import type { Actor, AuthorityContext } from '../context';
import { licencesOf, toLicenceDto } from '../certificates/licences';
import { requireDevice, toDeviceDto } from './queries';

export async function deviceDetail(ctx: AuthorityContext, actor: Actor, input: { serial: string }) {
  const tx = ctx.db.read;
  const device = await requireDevice(ctx, tx, actor, input.serial);
  const [licences, certificates] = await Promise.all([
    licencesOf(ctx, tx, device.id),
    tx.all(
      ctx.db.qb
        .selectFrom('certificates')
        .select([
          'serial_hex',
          'issued_at',
          'not_before',
          'not_after',
          'generation',
          'host_fingerprint',
          'superseded_by',
          'revoked_at',
          'revoked_reason',
        ])
        .where('device_id', '=', device.id)
        .orderBy('issued_at')
        .orderBy('serial_hex'),
    ),
  ]);
  return {
    device: toDeviceDto(device),
    licences: licences.map((l) => toLicenceDto(ctx, l)),
    certificates: certificates.map((c) => ({
      serialHex: c.serial_hex,
      issuedAt: c.issued_at,
      notBefore: c.not_before,
      notAfter: c.not_after,
      generation: c.generation,
      hostFingerprint: c.host_fingerprint,
      supersededBy: c.superseded_by,
      revokedAt: c.revoked_at,
      revokedReason: c.revoked_reason,
    })),
  };
}
