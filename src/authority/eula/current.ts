// The current licence agreement and the acceptance check that issuance and trials rely on.
import type { AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { currentOf, notAccepted, SEED_EULA, type EulaRow } from './rules';

/** The current version; the seed (not yet stored) on an authority that never had one. */
export async function currentEula(ctx: AuthorityContext, tx: Tx): Promise<EulaRow> {
  const rows = await tx.all(ctx.db.qb.selectFrom('eula_versions').selectAll());
  return currentOf(rows) ?? { ...SEED_EULA, published_at: ctx.now().toISOString() };
}

/** The current version number only (issuance asks on every certificate: no texts read). */
export async function currentVersion(ctx: AuthorityContext, tx: Tx): Promise<string> {
  const rows = await tx.all(ctx.db.qb.selectFrom('eula_versions').select(['version', 'published_at']));
  return currentOf(rows)?.version ?? SEED_EULA.version;
}

/** "No certificate for a registration whose owner has not accepted the current version." */
export async function requireAccepted(
  ctx: AuthorityContext,
  tx: Tx,
  registration: { id: number; number: string },
): Promise<void> {
  const version = await currentVersion(ctx, tx);
  const accepted = await tx.first(
    ctx.db.qb
      .selectFrom('eula_acceptances')
      .select('id')
      .where('registration_id', '=', registration.id)
      .where('version', '=', version),
  );
  if (!accepted) throw notAccepted(registration.number, version);
}

/** The gate for a device's licences: a device linked to a registration needs it accepted. */
export async function requireAcceptedFor(
  ctx: AuthorityContext,
  tx: Tx,
  device: { registration_id: number | null; registration: string | null },
): Promise<void> {
  if (device.registration_id !== null && device.registration !== null)
    await requireAccepted(ctx, tx, { id: device.registration_id, number: device.registration });
}
