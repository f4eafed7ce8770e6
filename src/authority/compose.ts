// What the authority is made of, in one place: the rules every issuance passes (recreate, trial,
// tryout and coupon alike all issue through certificates/issue.ts) and the extra writes every
// change commits with. Nothing registers itself on import; a caller that wants more (the HTTP
// server's Idempotency-Key hook) passes it to Authority.open or Authority.withChangeHooks.
import { bindingsPolicy } from './bindings/policy';
import { generationPolicy } from './certificates/generation-policy';
import type { IssuancePolicy } from './certificates/policies';
import type { Catalogue } from '../licensing/catalogue';
import type { CaMaterial } from './ca';
import type { AuthorityContext, ChangeHook } from './context';
import type { Db } from './db/executor';
import { eulaPolicy } from './eula/policy';

/** In order: refusals that need no writes first; bindings last, since its record step binds the host. */
export const ISSUANCE_POLICIES: readonly IssuancePolicy[] = [generationPolicy, eulaPolicy, bindingsPolicy];

export interface Parts {
  db: Db;
  ca: CaMaterial;
  catalogue: Catalogue;
  now: () => Date;
  policies?: readonly IssuancePolicy[];
  changeHooks?: readonly ChangeHook[];
}

export function composeContext(parts: Parts): AuthorityContext {
  return {
    db: parts.db,
    ca: parts.ca,
    catalogue: parts.catalogue,
    now: parts.now,
    policies: parts.policies ?? ISSUANCE_POLICIES,
    changeHooks: parts.changeHooks ?? [],
  };
}
