// MIKO registrations: create a number (random, unique, with a check character), and recover the
// numbers of an email address — masked in server mode, where the real ones go by email.
import { randomBytes } from 'node:crypto';
import {
  maskRegistrationNumber,
  REGISTRATION_DATA_CHARS,
  registrationNumberFrom,
} from '../../shared/registration-number';
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import { requireReseller } from '../devices/service';
import { mutate } from '../mutate';
import { recoveryMail } from '../mail/recovery-mail';
import type { RegistrationRow } from './queries';

const MAX_ATTEMPTS = 5;

/** 19 random base32 digits (95 bits) and the check character. */
export function randomRegistrationNumber(): string {
  const bytes = randomBytes(REGISTRATION_DATA_CHARS);
  return registrationNumberFrom([...bytes].map((b) => b & 31));
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();

const toDto = (r: Pick<RegistrationRow, 'number' | 'company' | 'contact' | 'email' | 'created_at'>) => ({
  number: r.number,
  company: r.company,
  contact: r.contact,
  email: r.email,
  createdAt: r.created_at,
});

export function createRegistration(
  ctx: AuthorityContext,
  actor: Actor,
  input: { company: string; email: string; contact?: string },
) {
  const resellerId = requireReseller(actor);
  return mutate(ctx, actor, async (tx) => {
    const row = {
      reseller_id: resellerId,
      company: input.company,
      contact: input.contact ?? '',
      email: normaliseEmail(input.email),
      created_at: ctx.now().toISOString(),
    };
    // 95 random bits make a collision all but impossible; the unique key still decides, and a
    // colliding number is drawn again inside the same transaction (ON CONFLICT keeps it usable).
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const number = randomRegistrationNumber();
      const inserted = await tx.run(
        ctx.db.qb
          .insertInto('registrations')
          .values({ ...row, number })
          .onConflict((oc) => oc.column('number').doNothing()),
      );
      if (inserted === 1) {
        return {
          value: toDto({ ...row, number }),
          audit: { action: 'registration.create', subject: number, data: { company: row.company, email: row.email } },
        };
      }
    }
    throw err.REGISTRATION_NUMBER_EXHAUSTED({ attempts: MAX_ATTEMPTS });
  });
}

/**
 * The embedded desktop (the local actor) is the reseller's own machine: it shows the numbers.
 * A server caller gets them masked; the full numbers go by mail to the registered address, and
 * only when a mail server is configured (serve --smtp) and accepted the mail does the answer say
 * they were sent. The mail goes out before the audit entry is written, outside any transaction.
 */
export async function recoverRegistrations(ctx: AuthorityContext, actor: Actor, input: { email: string }) {
  const email = normaliseEmail(input.email);
  const rows = await ctx.db.read.all(
    ctx.db.qb
      .selectFrom('registrations')
      .select(['number', 'blocked_at'])
      .where('reseller_id', '=', actor.resellerId ?? -1)
      .where('email', '=', email)
      .orderBy('created_at')
      .orderBy('number'),
  );
  const numbers = usableNumbers(rows, email);
  if (actor.label === 'local') {
    const message = numbers.length
      ? `${numbers.length} registration number${numbers.length === 1 ? '' : 's'} for ${email}.`
      : `No registration uses ${email}.`;
    return { email, numbers, masked: false, sentByEmail: false, message };
  }
  const answer = { email, numbers: numbers.map(maskRegistrationNumber), masked: true };
  if (!numbers.length)
    return { ...answer, sentByEmail: false, message: `No registration uses ${email}; nothing was sent.` };
  if (!ctx.mailer)
    return {
      ...answer,
      sentByEmail: false,
      message: `No mail server is configured on this authority (serve --smtp), so the full number${numbers.length === 1 ? ' was' : 's were'} not sent to ${email}. Ask the authority's operator.`,
    };
  await ctx.mailer.send(recoveryMail(email, numbers));
  await mutate(ctx, actor, async () => ({
    value: null,
    audit: { action: 'registration.recover', subject: email, data: { count: numbers.length, delivery: 'email' } },
  }));
  const plural = numbers.length === 1 ? ' was' : 's were';
  return { ...answer, sentByEmail: true, message: `The full number${plural} sent by email to ${email}.` };
}

/** Blocked numbers are never recovered; an address whose numbers are all blocked is refused. */
function usableNumbers(rows: { number: string; blocked_at: string | null }[], email: string): string[] {
  const usable = rows.filter((r) => r.blocked_at === null).map((r) => r.number);
  const blocked = rows.find((r) => r.blocked_at !== null);
  if (usable.length === 0 && blocked)
    throw err.REGISTRATION_BLOCKED({ variant: 'allOfAddress', email, count: rows.length });
  return usable;
}
