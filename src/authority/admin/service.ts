// Resellers and API tokens: create, list, revoke, and turning a presented token into an Actor.
import { err } from '../../shared/errors';
import type { Actor, AuthorityContext } from '../context';
import { isUniqueViolation } from '../db/errors';
import type { Tx } from '../db/executor';
import { mutate } from '../mutate';
import { actorOf, checkTokenRequest, hashToken, looksLikeToken, newToken, type Role } from './rules';

interface TokenRow {
  id: number;
  role: Role;
  reseller_id: number | null;
  reseller: string | null;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

const toTokenDto = (t: TokenRow) => ({
  id: t.id,
  role: t.role,
  reseller: t.reseller,
  label: t.label,
  createdAt: t.created_at,
  revokedAt: t.revoked_at,
});

const selectTokens = (ctx: AuthorityContext) =>
  ctx.db.qb
    .selectFrom('api_tokens as t')
    .leftJoin('resellers as r', 'r.id', 't.reseller_id')
    .select(['t.id', 't.role', 't.reseller_id', 'r.name as reseller', 't.label', 't.created_at', 't.revoked_at']);

export async function createReseller(ctx: AuthorityContext, actor: Actor, input: { name: string }) {
  const createdAt = ctx.now().toISOString();
  try {
    return await mutate(ctx, actor, async (tx) => {
      const row = await tx.first(
        ctx.db.qb.insertInto('resellers').values({ name: input.name, created_at: createdAt }).returning('id'),
      );
      return {
        value: { id: row!.id, name: input.name, createdAt },
        audit: { action: 'reseller.create', subject: `reseller:${row!.id}`, data: { name: input.name } },
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw err.RESELLER_EXISTS({ name: input.name });
    throw e;
  }
}

export function createToken(
  ctx: AuthorityContext,
  actor: Actor,
  input: { role: Role; reseller?: string; label?: string },
) {
  checkTokenRequest(input);
  return mutate(ctx, actor, async (tx) => {
    const value = await insertToken(ctx, tx, input);
    const data = { role: value.role, reseller: value.reseller, label: value.label }; // never the token, nor its hash
    return { value, audit: { action: 'token.create', subject: `token:${value.id}`, data } };
  });
}

/** Inserts a token row; the token itself exists only in the returned value. */
export async function insertToken(
  ctx: AuthorityContext,
  tx: Tx,
  input: { role: Role; reseller?: string; label?: string },
) {
  const resellerId = input.reseller ? await resellerIdOf(ctx, tx, input.reseller) : null;
  const token = newToken();
  const createdAt = ctx.now().toISOString();
  const label = input.label ?? '';
  const row = await tx.first(
    ctx.db.qb
      .insertInto('api_tokens')
      .values({
        reseller_id: resellerId,
        role: input.role,
        token_hash: hashToken(token),
        label,
        created_at: createdAt,
        revoked_at: null,
      })
      .returning('id'),
  );
  return { id: row!.id, role: input.role, reseller: input.reseller ?? null, label, createdAt, revokedAt: null, token };
}

async function resellerIdOf(ctx: AuthorityContext, tx: Tx, name: string): Promise<number> {
  const row = await tx.first(ctx.db.qb.selectFrom('resellers').select('id').where('name', '=', name.trim()));
  if (!row) throw err.RESELLER_NOT_FOUND({ name: name.trim() });
  return row.id;
}

export async function listTokens(ctx: AuthorityContext, _actor: Actor, input: { includeRevoked?: boolean }) {
  let q = selectTokens(ctx).orderBy('t.id');
  if (!input.includeRevoked) q = q.where('t.revoked_at', 'is', null);
  return (await ctx.db.read.all(q)).map(toTokenDto);
}

export function revokeToken(ctx: AuthorityContext, actor: Actor, input: { id: number }) {
  return mutate(ctx, actor, async (tx) => {
    const at = ctx.now().toISOString();
    // Conditional update: of two concurrent revocations exactly one changes the row.
    const changed = await tx.run(
      ctx.db.qb
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', input.id)
        .where('revoked_at', 'is', null),
    );
    const row = await tx.first(selectTokens(ctx).where('t.id', '=', input.id));
    if (!row) throw err.TOKEN_NOT_FOUND({ id: input.id });
    if (changed !== 1) throw err.TOKEN_ALREADY_REVOKED({ id: input.id, revokedAt: row.revoked_at?.slice(0, 10) ?? '' });
    return {
      value: toTokenDto(row),
      audit: { action: 'token.revoke', subject: `token:${row.id}`, data: { role: row.role, reseller: row.reseller } },
    };
  });
}

/** The actor a presented token speaks for, or undefined if it is unknown or revoked. */
export async function authenticate(ctx: AuthorityContext, token: string): Promise<Actor | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const row = await ctx.db.read.first(
    ctx.db.qb
      .selectFrom('api_tokens')
      .select(['role', 'reseller_id'])
      .where('token_hash', '=', hashToken(token))
      .where('revoked_at', 'is', null),
  );
  return row ? actorOf(row) : undefined;
}
