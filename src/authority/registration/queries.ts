// Registration lookups, scoped to the asking reseller (another reseller's number has its own refusal),
// with typos found and placed before the database is asked.
import { readRegistrationNumber, typoCandidates } from '../../shared/registration-number';
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import { blockedError } from './rules';

export interface RegistrationRow {
  id: number;
  reseller_id: number;
  number: string;
  company: string;
  contact: string;
  email: string;
  created_at: string;
  blocked_at: string | null;
  blocked_reason: string;
}

const scoped = (ctx: AuthorityContext, actor: Actor) =>
  ctx.db.qb
    .selectFrom('registrations')
    .selectAll()
    .where('reseller_id', '=', actor.resellerId ?? -1);

export async function requireRegistration(
  ctx: AuthorityContext,
  tx: Tx,
  actor: Actor,
  text: string,
): Promise<RegistrationRow> {
  const read = readRegistrationNumber(text);
  if (!read.checkOk) throw await locateTypo(tx, scoped(ctx, actor), read.values);
  const row = await tx.first(scoped(ctx, actor).where('number', '=', read.number));
  if (!row) await refuseOtherReseller(ctx, tx, read.number);
  if (!row) throw err.REGISTRATION_NOT_FOUND({ number: read.number });
  if (row.blocked_at) throw blockedError(row);
  return row;
}

/**
 * Another reseller's number gets its own answer (it does not say whose): numbers carry 95 random
 * bits, so knowing one already is the secret, and "ask the customer" is the way forward.
 */
async function refuseOtherReseller(ctx: AuthorityContext, tx: Tx, number: string): Promise<void> {
  const any = await tx.first(ctx.db.qb.selectFrom('registrations').select('id').where('number', '=', number));
  if (any) throw err.REGISTRATION_OTHER_RESELLER({ number });
}

/** The vendor's lookup: any reseller's registration, typos placed among all of them. */
export async function requireAnyRegistration(ctx: AuthorityContext, tx: Tx, text: string): Promise<RegistrationRow> {
  const read = readRegistrationNumber(text);
  const all = ctx.db.qb.selectFrom('registrations').selectAll();
  if (!read.checkOk) throw await locateTypo(tx, all, read.values);
  const row = await tx.first(all.where('number', '=', read.number));
  if (!row) throw err.REGISTRATION_NOT_FOUND({ number: read.number });
  return row;
}

/**
 * One check character detects a typo but cannot place it. Of the numbers one typo away, the
 * reseller's own registrations are the likely intended ones: if exactly one matches, its
 * differing group is named (the number itself is not shown).
 */
async function locateTypo(tx: Tx, among: ReturnType<typeof scoped>, values: number[]) {
  const candidates = typoCandidates(values);
  const found =
    candidates.length === 0
      ? []
      : await tx.all(
          among.where(
            'number',
            'in',
            candidates.map((c) => c.number),
          ),
        );
  const match = found.length === 1 ? candidates.find((c) => c.number === found[0]!.number) : undefined;
  if (match) {
    return err.REGISTRATION_NUMBER_TYPO({ variant: 'position', group: match.group, position: match.position });
  }
  return err.REGISTRATION_NUMBER_TYPO({ variant: 'checkCharacter', group: 4 });
}
