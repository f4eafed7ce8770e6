// The vendor blocks a registration number (a chargeback, a leaked number, a customer who broke
// the agreement) and may unblock it. A blocked number refuses link, trial, coupon, grant, EULA
// acceptance and recovery (REGISTRATION_BLOCKED, see queries.ts); what it already licensed stays:
// a block stops new licences, it does not take back certificates a PBX has installed.
import type { Actor, AuthorityContext } from '../context';
import { mutate } from '../mutate';
import { requireAnyRegistration } from './queries';

const toDto = (number: string, blockedAt: string | null, reason: string, changed: boolean) => ({
  registration: number,
  blocked: blockedAt !== null,
  blockedAt,
  reason,
  changed,
});

/** Blocking twice changes nothing and says so (the first block's date and reason stay). */
export function blockRegistration(
  ctx: AuthorityContext,
  actor: Actor,
  input: { registration: string; reason?: string },
) {
  return mutate(ctx, actor, async (tx) => {
    const row = await requireAnyRegistration(ctx, tx, input.registration);
    if (row.blocked_at) return { value: toDto(row.number, row.blocked_at, row.blocked_reason, false), audit: [] };
    const at = ctx.now().toISOString();
    const reason = input.reason ?? '';
    // Conditional: of two concurrent blocks one changes the row, the other finds it blocked.
    const changed = await tx.run(
      ctx.db.qb
        .updateTable('registrations')
        .set({ blocked_at: at, blocked_reason: reason })
        .where('id', '=', row.id)
        .where('blocked_at', 'is', null),
    );
    if (changed === 0) {
      const first = await requireAnyRegistration(ctx, tx, row.number);
      return { value: toDto(first.number, first.blocked_at, first.blocked_reason, false), audit: [] };
    }
    return {
      value: toDto(row.number, at, reason, true),
      audit: { action: 'registration.block', subject: row.number, data: { reason } },
    };
  });
}

export function unblockRegistration(ctx: AuthorityContext, actor: Actor, input: { registration: string }) {
  return mutate(ctx, actor, async (tx) => {
    const row = await requireAnyRegistration(ctx, tx, input.registration);
    const changed = await tx.run(
      ctx.db.qb
        .updateTable('registrations')
        .set({ blocked_at: null, blocked_reason: '' })
        .where('id', '=', row.id)
        .where('blocked_at', 'is not', null),
    );
    return {
      value: toDto(row.number, null, '', changed === 1),
      audit:
        changed === 1
          ? { action: 'registration.unblock', subject: row.number, data: { wasBlockedAt: row.blocked_at } }
          : [],
    };
  });
}
