// Rules other areas add to issuance. Each runs inside the write transaction that records the
// certificate, so a refusal leaves nothing behind and two issuances cannot both slip past it.
// Which policies run is decided in one place, compose.ts, and travels on the context.
import type { LicensedFeature } from '../../licensing/extensions';
import type { ParsedRequest } from '../../licensing/request';
import type { Actor, AuthorityContext } from '../context';
import type { Tx } from '../db/executor';
import type { DeviceRow } from '../devices/queries';

export interface IssuancePlan {
  actor: Actor;
  device: DeviceRow;
  request: ParsedRequest;
  features: LicensedFeature[];
  hostFingerprint: string;
  certificateSerial: string;
}

export interface IssuancePolicy {
  name: string;
  /** Throw an LdError to refuse; runs before anything is written. */
  check?(ctx: AuthorityContext, tx: Tx, plan: IssuancePlan): Promise<void>;
  /** Record what the certificate established (e.g. host bindings); runs after it is stored. */
  record?(ctx: AuthorityContext, tx: Tx, plan: IssuancePlan): Promise<void>;
}
