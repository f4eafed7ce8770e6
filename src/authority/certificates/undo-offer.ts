// A one-time offer (tryout, trial) is recorded first and its certificate issued right after, in a
// second transaction (issuance signs outside any transaction). When that issuance is refused, the
// offer was never used: this takes it back, audited, so the customer is not charged their only
// tryout or trial for a refusal (e.g. a licence bound to another host).
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { mutate } from '../mutate';
import { toErrorValue } from '../../shared/errors';

export interface RecordedOffer {
  kind: 'tryout' | 'trial';
  deviceId: number;
  licenceId: number;
  /** The audit subject of the start: the serial (tryout) or the registration number (trial). */
  subject: string;
  /** Removes the offer's own row (tryouts / trials). */
  deleteRow: (tx: Tx) => Promise<number>;
}

/** Issues; if the issuance is refused, takes the offer back and rethrows the refusal. */
export async function issueOrUndo<T>(
  ctx: AuthorityContext,
  actor: Actor,
  offer: RecordedOffer,
  issue: () => Promise<T>,
): Promise<T> {
  try {
    return await issue();
  } catch (refusal) {
    await mutate(ctx, actor, async (tx) => {
      await offer.deleteRow(tx);
      await tx.run(ctx.db.qb.deleteFrom('licences').where('id', '=', offer.licenceId).where('source', '=', offer.kind));
      await tx.run(
        ctx.db.qb
          .updateTable('devices')
          .set((eb) => ({ revision: eb('revision', '+', 1) }))
          .where('id', '=', offer.deviceId),
      );
      return {
        value: undefined,
        audit: { action: `${offer.kind}.undo`, subject: offer.subject, data: { reason: toErrorValue(refusal).code } },
      };
    });
    throw refusal;
  }
}
