// What every rule gets: the database, the CA, the catalogue, a clock, the issuance policies and
// change hooks it was composed with (compose.ts) — and who is asking.
import type { Catalogue } from '../licensing/catalogue';
import type { CaMaterial } from './ca';
import type { IssuancePolicy } from './certificates/policies';
import type { Db, Tx } from './db/executor';

export interface AuthorityContext {
  db: Db;
  ca: CaMaterial;
  catalogue: Catalogue;
  now: () => Date;
  /** Run by every issuance, in this order (see compose.ts). */
  policies: readonly IssuancePolicy[];
  /** Asked by every change (mutate.ts). */
  changeHooks: readonly ChangeHook[];
}

/**
 * Extra writes that commit together with every change: the HTTP server marks the request's
 * Idempotency-Key as carried out, so a retry after a crash can never run the change twice. A hook
 * is asked when the change starts, because the transaction itself may run in another request's
 * async context (SQLite batches writes); it returns what to run in the transaction, or nothing.
 */
export type ChangeHook = () => ((tx: Tx) => Promise<void>) | undefined;

/**
 * Who is asking. A reseller sees and changes only its own customers, devices and
 * registrations; a vendor mints coupons and edits the catalogue. The embedded desktop
 * authority has one local reseller that is also its own vendor.
 */
export interface Actor {
  resellerId: number | null;
  vendor: boolean;
  /** For the audit log: "reseller:3", "vendor", "local". */
  label: string;
}

export const LOCAL_RESELLER = 'Local';
