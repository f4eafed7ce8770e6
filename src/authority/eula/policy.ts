// The issuance rule of the licence agreement: a device that belongs to a registration gets no
// certificate until the registration's owner has accepted the current version. It runs inside
// the issuing transaction and re-reads the device's registration there, so a device linked a
// moment ago is checked too.
import type { IssuancePolicy } from '../certificates/policies';
import { prepared } from '../db/prepared';
import { requireAccepted } from './current';

const registrationOf = prepared((qb, deviceId: number) =>
  qb
    .selectFrom('devices as d')
    .innerJoin('registrations as r', 'r.id', 'd.registration_id')
    .select(['r.id', 'r.number'])
    .where('d.id', '=', deviceId),
);

export const eulaPolicy: IssuancePolicy = {
  name: 'eula',
  async check(ctx, tx, plan) {
    const registration = await tx.first(registrationOf(ctx.db.qb, plan.device.id));
    if (registration) await requireAccepted(ctx, tx, registration);
  },
};
