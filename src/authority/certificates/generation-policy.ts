// Issuance policy "generation": a PBX makes a new key, with the next generation, for every
// initialisation code, so an answer to an older code than one already answered would replace
// the PBX's newer certificate with one it can no longer install. Generations count per state
// folder, i.e. per host: they are compared with the certificates issued for the request's host,
// and a binding reset (which revokes them) lets a reinstalled PBX start again at 1. A plain
// `openssl req` request carries no generation, so there is nothing to compare.
import { err, type LdError } from '../../shared/errors';
import type { AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import type { IssuancePlan, IssuancePolicy } from './policies';

export interface IssuedGeneration {
  generation: number;
  serial: string;
}

/** The refusal for a code not newer than the newest certificate already issued for its host. */
export function staleGeneration(presented: number, issued: IssuedGeneration[]): LdError | undefined {
  const newest = issued.reduce<IssuedGeneration | undefined>(
    (best, c) => (best === undefined || c.generation > best.generation ? c : best),
    undefined,
  );
  if (newest === undefined || presented > newest.generation) return undefined;
  return err.REQUEST_STALE_GENERATION({ presented, current: newest.generation, certificate: newest.serial });
}

async function check(ctx: AuthorityContext, tx: Tx, plan: IssuancePlan): Promise<void> {
  if (!plan.request.device) return;
  const issued = await tx.all(
    ctx.db.qb
      .selectFrom('certificates')
      .select(['generation', 'serial_hex as serial'])
      .where('device_id', '=', plan.device.id)
      .where('host_fingerprint', '=', plan.hostFingerprint)
      .where('revoked_at', 'is', null),
  );
  const refusal = staleGeneration(plan.request.device.generation, issued);
  if (refusal) throw refusal;
}

export const generationPolicy: IssuancePolicy = { name: 'generation', check };
