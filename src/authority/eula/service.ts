// Licence agreement: versions (the highest is current), acceptance per registration and version
// (who, when, from which host), and the check issuance and trials rely on.
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { mutate } from '../mutate';
import { requireRegistration } from '../registration/queries';
import { currentEula, currentVersion } from './current';
import { checkPublishable, currentOf, SEED_EULA, type EulaRow } from './rules';

const toDto = (e: EulaRow) => ({ version: e.version, text: e.text, publishedAt: e.published_at });

/** Stores the seed version if there is none (race-free: the primary key decides). */
async function ensureSeed(ctx: AuthorityContext, tx: Tx): Promise<boolean> {
  const any = await tx.first(ctx.db.qb.selectFrom('eula_versions').select('version').limit(1));
  if (any) return false;
  const inserted = await tx.run(
    ctx.db.qb
      .insertInto('eula_versions')
      .values({ ...SEED_EULA, published_at: ctx.now().toISOString() })
      .onConflict((oc) => oc.column('version').doNothing()),
  );
  return inserted > 0;
}

const seedAudit = (seeded: boolean) =>
  seeded ? [{ action: 'eula.publish', subject: SEED_EULA.version, data: { seed: true } }] : [];

export async function showEula(ctx: AuthorityContext, actor: Actor) {
  const rows = await ctx.db.read.all(ctx.db.qb.selectFrom('eula_versions').selectAll());
  const current = currentOf(rows);
  if (current) return toDto(current);
  return mutate(ctx, actor, async (tx) => {
    const seeded = await ensureSeed(ctx, tx);
    return { value: toDto(await currentEula(ctx, tx)), audit: seedAudit(seeded) };
  });
}

export function publishEula(ctx: AuthorityContext, actor: Actor, input: { version: string; text: string }) {
  return mutate(ctx, actor, async (tx) => {
    const rows = await tx.all(ctx.db.qb.selectFrom('eula_versions').select(['version', 'published_at']));
    checkPublishable(input.version, currentOf(rows));
    const row: EulaRow = { version: input.version, text: input.text, published_at: ctx.now().toISOString() };
    const inserted = await tx.run(
      ctx.db.qb
        .insertInto('eula_versions')
        .values(row)
        .onConflict((oc) => oc.column('version').doNothing()),
    );
    // A concurrent publish of the same version got there first.
    if (inserted === 0) checkPublishable(input.version, row);
    return {
      value: toDto(row),
      audit: { action: 'eula.publish', subject: input.version, data: { chars: input.text.length } },
    };
  });
}

/** Accepting twice is fine: the first acceptance of a version stands and is returned. */
export function acceptEula(ctx: AuthorityContext, actor: Actor, input: { registration: string; host?: string }) {
  return mutate(ctx, actor, async (tx) => {
    const registration = await requireRegistration(ctx, tx, actor, input.registration);
    const seeded = await ensureSeed(ctx, tx);
    const version = await currentVersion(ctx, tx);
    const inserted = await tx.run(
      ctx.db.qb
        .insertInto('eula_acceptances')
        .values({
          registration_id: registration.id,
          version,
          accepted_at: ctx.now().toISOString(),
          accepted_by: actor.label,
          host: input.host ?? '',
        })
        .onConflict((oc) => oc.columns(['registration_id', 'version']).doNothing()),
    );
    const row = (await tx.first(
      ctx.db.qb
        .selectFrom('eula_acceptances')
        .selectAll()
        .where('registration_id', '=', registration.id)
        .where('version', '=', version),
    ))!;
    const value = {
      registration: registration.number,
      version,
      acceptedAt: row.accepted_at,
      acceptedBy: row.accepted_by,
      host: row.host,
      alreadyAccepted: inserted === 0,
    };
    const audit = inserted
      ? [{ action: 'eula.accept', subject: registration.number, data: { version, host: row.host } }]
      : [];
    return { value, audit: [...seedAudit(seeded), ...audit] };
  });
}
