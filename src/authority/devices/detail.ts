// One device as "My devices" shows it: the device with its status, its licences, its certificates.
import type { Actor, AuthorityContext } from '../context';
import { CERTIFICATE_COLUMNS, toCertificateDto } from '../certificates/dto';
import { licencesOf, toLicenceDto } from '../certificates/licences';
import { fleetSummaries, summaryOf } from './fleet';
import { requireDevice, toDeviceDto } from './queries';

export async function deviceDetail(ctx: AuthorityContext, actor: Actor, input: { serial: string }) {
  const tx = ctx.db.read;
  const now = ctx.now();
  const device = await requireDevice(ctx, tx, actor, input.serial);
  const [licences, certificates, fleet] = await Promise.all([
    licencesOf(ctx, tx, device.id),
    tx.all(
      ctx.db.qb
        .selectFrom('certificates')
        .select(CERTIFICATE_COLUMNS)
        .where('device_id', '=', device.id)
        .orderBy('issued_at')
        .orderBy('serial_hex'),
    ),
    fleetSummaries(ctx, { ...actor, resellerId: device.reseller_id }, now, [device.id]),
  ]);
  return {
    device: { ...toDeviceDto(device), summary: summaryOf(device, fleet.get(device.id)) },
    licences: licences.map((l) => toLicenceDto(ctx, l)),
    certificates: certificates.map((c) => toCertificateDto(c, now)),
  };
}
