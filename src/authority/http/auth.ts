// Who is calling: "Authorization: Bearer ldt_…" → the token's Actor. Public operations (a PBX
// checking in, the root certificate) need no token; a token that is sent must be valid anyway,
// so a mistyped or revoked one is noticed instead of silently downgraded to anonymous.
import type { Operation } from '../../shared/api/define';
import { err } from '../../shared/errors';
import { ANONYMOUS } from '../admin/rules';
import { authenticate } from '../admin/service';
import type { Actor, AuthorityContext } from '../context';
import { tokenInvalid, tokenMissing } from './errors';

const BEARER = /^Bearer +(\S+) *$/i;

export async function actorFor(ctx: AuthorityContext, op: Operation, header: string | undefined): Promise<Actor> {
  if (!header) {
    if (op.public) return ANONYMOUS;
    throw tokenMissing();
  }
  const token = BEARER.exec(header)?.[1];
  if (!token) throw err.TOKEN_INVALID({ variant: 'header' });
  const actor = await authenticate(ctx, token);
  if (!actor) throw tokenInvalid();
  return actor;
}
