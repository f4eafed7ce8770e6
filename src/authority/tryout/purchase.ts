// Buying ends the tryout (COMtrexx manual): the moment a bought licence is stored, the device's
// running tryout ends and its test licences with it, so the next certificate carries only what
// was bought. Kept free of service imports because certificates/licences.ts calls it.
import type { AuthorityContext } from '../context';
import type { Tx } from '../db/executor';

/**
 * Ends a running tryout (conditional UPDATE: a concurrent end or a second purchase changes
 * nothing) and its tryout licences. Returns whether a tryout was running. The caller holds the
 * device row (insertLicence bumps its revision first), so a tryout start cannot slip in between.
 */
export async function endTryout(
  ctx: AuthorityContext,
  tx: Tx,
  deviceId: number,
  reason: 'bought' | 'left',
): Promise<boolean> {
  const at = ctx.now().toISOString();
  const ended = await tx.run(
    ctx.db.qb
      .updateTable('tryouts')
      .set({ ended_at: at, end_reason: reason })
      .where('device_id', '=', deviceId)
      .where('ended_at', 'is', null)
      .where('ends_at', '>', at),
  );
  if (ended === 0) return false;
  await tx.run(
    ctx.db.qb
      .updateTable('licences')
      .set({ ended_at: at })
      .where('device_id', '=', deviceId)
      .where('source', '=', 'tryout')
      .where('ended_at', 'is', null),
  );
  await tx.run(
    ctx.db.qb
      .updateTable('devices')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', deviceId),
  );
  return true;
}

export const endTryoutOnPurchase = (ctx: AuthorityContext, tx: Tx, deviceId: number): Promise<boolean> =>
  endTryout(ctx, tx, deviceId, 'bought');
