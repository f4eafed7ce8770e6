// The first vendor token of a server. A fresh server database has no token, so nobody could call
// it; `serve` makes one vendor token, once ever per database, and prints it once. "Once" must hold
// when two server processes start together on one PostgreSQL database: the check and the insert
// run under one advisory lock (on SQLite the write lock already serialises them).
import { sql } from 'kysely';
import type { Actor, AuthorityContext } from '../context';
import { mutate } from '../mutate';
import { insertToken } from './service';

/** Thrown inside the transaction to roll it back when another process made the token first. */
class AlreadyMade extends Error {}

const SERVE: Actor = { resellerId: null, vendor: true, label: 'serve' };

const anyVendorToken = (ctx: AuthorityContext) =>
  ctx.db.qb.selectFrom('api_tokens').select('id').where('role', '=', 'vendor').limit(1);

/** Returns the new token if this call made it, or null if a vendor token was ever made before. */
export async function ensureFirstVendorToken(ctx: AuthorityContext): Promise<string | null> {
  if (await ctx.db.read.first(anyVendorToken(ctx))) return null;
  try {
    return await mutate(ctx, SERVE, async (tx) => {
      if (ctx.db.dialect === 'postgres')
        await tx.run(sql`SELECT pg_advisory_xact_lock(hashtext('licence-desk:first-vendor-token'))`.compile(ctx.db.qb));
      if (await tx.first(anyVendorToken(ctx))) throw new AlreadyMade();
      const t = await insertToken(ctx, tx, { role: 'vendor', label: 'first vendor token (made by serve)' });
      return {
        value: t.token,
        audit: {
          action: 'token.create',
          subject: `token:${t.id}`,
          data: { role: 'vendor', reseller: null, label: t.label },
        },
      };
    });
  } catch (e) {
    if (e instanceof AlreadyMade) return null;
    throw e;
  }
}
