// Entering a registration number on a host-bound PBX (MIKO handbook, System > Licences): the
// device is linked to the customer's registration. It is its own step, so an existing customer's
// second host, or a host after a move, gets the link without a trial; coupons and grants need it.
import { requireModel } from '../../licensing/catalogue';
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { requireDevice, type DeviceRow } from '../devices/queries';
import { mutate } from '../mutate';
import { requireRegistration, type RegistrationRow } from './queries';
import { otherRegistration, withArticle } from './rules';

/** Links the device to the registration (conditional UPDATE: it also takes the device row's lock). */
export async function linkDevice(
  ctx: AuthorityContext,
  tx: Tx,
  device: DeviceRow,
  registration: RegistrationRow,
): Promise<boolean> {
  const changed = await tx.run(
    ctx.db.qb
      .updateTable('devices')
      .set({ registration_id: registration.id })
      .where('id', '=', device.id)
      .where((eb) => eb.or([eb('registration_id', 'is', null), eb('registration_id', '=', registration.id)])),
  );
  if (changed === 0) throw otherRegistration(device.serial, device.registration);
  return device.registration_id === null;
}

export function refuseRetired(device: DeviceRow): void {
  if (device.retired_at)
    throw err.DEVICE_RETIRED({ variant: 'plain', serial: device.serial, retiredAt: device.retired_at.slice(0, 10) });
}

/** Registration numbers exist for host-bound (MIKO/Askozia) models only. */
function checkLinkable(ctx: AuthorityContext, device: DeviceRow): void {
  refuseRetired(device);
  const model = requireModel(ctx.catalogue, device.model);
  if (!model.hostBound)
    throw err.DEVICE_NOT_HOST_BOUND({
      serial: device.serial,
      modelWithArticle: withArticle(model.name),
      model: model.id,
    });
}

/** Linking twice to the same registration is fine: the answer says it already was. */
export function linkRegistration(ctx: AuthorityContext, actor: Actor, input: { registration: string; serial: string }) {
  return mutate(ctx, actor, async (tx) => {
    const registration = await requireRegistration(ctx, tx, actor, input.registration);
    const device = await requireDevice(ctx, tx, actor, input.serial);
    checkLinkable(ctx, device);
    const linked = await linkDevice(ctx, tx, device, registration);
    const value = { registration: registration.number, serial: device.serial, alreadyLinked: !linked };
    return {
      value,
      audit: linked
        ? { action: 'registration.link', subject: registration.number, data: { serial: device.serial } }
        : [],
    };
  });
}
