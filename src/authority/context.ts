// What every rule gets: the database, the CA, the catalogue, a clock — and who is asking.
import type { Catalogue } from '../licensing/catalogue';
import type { CaMaterial } from './ca';
import type { AuditCheckpoints } from './audit/checkpoints';
import type { Db } from './db/executor';
import type { Mailer } from './mail/smtp';

export interface AuthorityContext {
  db: Db;
  ca: CaMaterial;
  catalogue: Catalogue;
  now: () => Date;
  /** Outgoing mail (serve --smtp); absent: nothing is ever reported as sent. */
  mailer?: Mailer;
  /** Signed checkpoints of the audit chain's head, written after every commit of changes. */
  checkpoints?: AuditCheckpoints;
}

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
