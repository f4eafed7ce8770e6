// Row types for Kysely, one interface per table (see schema-sql.ts for the SQL).
import type { Generated } from 'kysely';

type Id = Generated<number>;

export interface Database {
  resellers: { id: Id; name: string; created_at: string };
  api_tokens: {
    id: Id;
    reseller_id: number | null;
    role: 'vendor' | 'reseller';
    token_hash: string;
    label: string;
    created_at: string;
    revoked_at: string | null;
  };
  customers: { id: Id; reseller_id: number; name: string; created_at: string };
  registrations: {
    id: Id;
    reseller_id: number;
    number: string;
    company: string;
    contact: string;
    email: string;
    created_at: string;
    /** Set by the vendor (registrations.block): the number can no longer be linked, trialled, redeemed or recovered. */
    blocked_at: Generated<string | null>;
    blocked_reason: Generated<string>;
  };
  devices: {
    id: Id;
    reseller_id: number;
    customer_id: number | null;
    registration_id: number | null;
    serial: string;
    /** The serial upper-cased: unique; NULL only for a pre-existing clash (see serial_clashes). */
    serial_folded: string | null;
    model: string;
    name: string;
    created_at: string;
    retired_at: string | null;
    revision: Generated<number>;
  };
  coupons: {
    id: Id;
    code_hash: string;
    minted_at: string;
    minted_by: string;
    blocked_at: string | null;
    redeemed_at: string | null;
    redeemed_device_id: number | null;
    redeemed_registration_id: number | null;
    redeemed_reseller_id: number | null;
  };
  coupon_features: { coupon_id: number; feature: number; quantity: number };
  licences: {
    id: Id;
    device_id: number;
    feature: number;
    quantity: number;
    source: 'grant' | 'coupon' | 'tryout' | 'trial';
    not_after: string | null;
    created_at: string;
    ended_at: string | null;
    coupon_id: number | null;
  };
  certificates: {
    serial_hex: string;
    device_id: number;
    issued_at: string;
    not_before: string;
    not_after: string;
    generation: number;
    host_fingerprint: string;
    host_name: string | null;
    firmware: string | null;
    der: Buffer;
    request_der: Buffer;
    superseded_by: string | null;
    revoked_at: string | null;
    revoked_reason: string | null;
  };
  tryouts: {
    device_id: number;
    started_at: string;
    ends_at: string;
    ended_at: string | null;
    end_reason: string | null;
  };
  trials: {
    id: Id;
    registration_id: number;
    device_id: number;
    feature: number;
    host_fingerprint: string;
    started_at: string;
    ends_at: string;
  };
  host_bindings: {
    id: Id;
    device_id: number;
    feature: number;
    host_fingerprint: string;
    host_name: string | null;
    firmware: string | null;
    first_seen: string;
    last_seen: string;
    reset_at: string | null;
    reset_by: string | null;
  };
  eula_versions: { version: string; text: string; published_at: string };
  eula_acceptances: {
    id: Id;
    registration_id: number;
    version: string;
    accepted_at: string;
    accepted_by: string;
    host: string;
  };
  verifications: {
    id: Id;
    device_id: number;
    certificate_serial: string;
    nonce: string;
    device_time: string;
    server_time: string;
    status: string;
  };
  audit_log: {
    id: number;
    at: string;
    actor: string;
    action: string;
    subject: string;
    data: string;
    prev_hash: string;
    hash: string;
  };
  serial_clashes: { device_id: number; serial: string; kept_device_id: number; found_at: string };
  device_transfers: {
    id: Id;
    device_id: number;
    from_reseller_id: number;
    to_reseller_id: number;
    requested_at: string;
    requested_by: string;
    note: string;
    decided_at: string | null;
    decided_by: string | null;
    outcome: 'approved' | 'refused' | null;
  };
  idempotency_keys: { actor: string; key: string; request_hash: string; response: string | null; created_at: string };
}
