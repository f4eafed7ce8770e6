// The schema, as SQL that both databases read. Tokens fill in the few differences:
//   {{id}}     integer key assigned by the database   {{blob}}  binary column
//   {{strict}} SQLite's STRICT tables (type-checked)   {{now}}   the current time as ISO-8601 UTC text
// Times are ISO-8601 UTC text in both, so they compare as text and need no conversion.
// Steps are append-only: never edit one that has shipped; add a new step instead.

export const SCHEMA_STEPS: string[] = [
  // 1: tenancy, devices, licences, certificates
  `CREATE TABLE resellers (
     id {{id}}, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL){{strict}};
   CREATE TABLE api_tokens (
     id {{id}}, reseller_id INTEGER REFERENCES resellers(id), role TEXT NOT NULL CHECK (role IN ('vendor','reseller')),
     token_hash TEXT NOT NULL UNIQUE, label TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, revoked_at TEXT,
     CHECK ((role = 'reseller') = (reseller_id IS NOT NULL))){{strict}};
   CREATE TABLE customers (
     id {{id}}, reseller_id INTEGER NOT NULL REFERENCES resellers(id), name TEXT NOT NULL, created_at TEXT NOT NULL,
     UNIQUE (reseller_id, name)){{strict}};
   CREATE TABLE registrations (
     id {{id}}, reseller_id INTEGER NOT NULL REFERENCES resellers(id), number TEXT NOT NULL UNIQUE,
     company TEXT NOT NULL, contact TEXT NOT NULL DEFAULT '', email TEXT NOT NULL, created_at TEXT NOT NULL){{strict}};
   CREATE INDEX registrations_email ON registrations (email);
   CREATE TABLE devices (
     id {{id}}, reseller_id INTEGER NOT NULL REFERENCES resellers(id), customer_id INTEGER REFERENCES customers(id),
     registration_id INTEGER REFERENCES registrations(id), serial TEXT NOT NULL UNIQUE, model TEXT NOT NULL,
     name TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, retired_at TEXT, revision INTEGER NOT NULL DEFAULT 0){{strict}};
   CREATE INDEX devices_reseller ON devices (reseller_id);
   CREATE TABLE coupons (
     id {{id}}, code_hash TEXT NOT NULL UNIQUE, minted_at TEXT NOT NULL, minted_by TEXT NOT NULL,
     blocked_at TEXT, redeemed_at TEXT, redeemed_device_id INTEGER REFERENCES devices(id),
     redeemed_registration_id INTEGER REFERENCES registrations(id), redeemed_reseller_id INTEGER REFERENCES resellers(id)){{strict}};
   CREATE TABLE coupon_features (
     coupon_id INTEGER NOT NULL REFERENCES coupons(id), feature INTEGER NOT NULL, quantity INTEGER NOT NULL CHECK (quantity > 0),
     PRIMARY KEY (coupon_id, feature)){{strict}};
   CREATE TABLE licences (
     id {{id}}, device_id INTEGER NOT NULL REFERENCES devices(id), feature INTEGER NOT NULL CHECK (feature > 0),
     quantity INTEGER NOT NULL CHECK (quantity > 0), source TEXT NOT NULL CHECK (source IN ('grant','coupon','tryout','trial')),
     not_after TEXT, created_at TEXT NOT NULL, ended_at TEXT, coupon_id INTEGER REFERENCES coupons(id)){{strict}};
   CREATE INDEX licences_device ON licences (device_id);
   CREATE TABLE certificates (
     serial_hex TEXT PRIMARY KEY, device_id INTEGER NOT NULL REFERENCES devices(id), issued_at TEXT NOT NULL,
     not_before TEXT NOT NULL, not_after TEXT NOT NULL, generation INTEGER NOT NULL, host_fingerprint TEXT NOT NULL,
     host_name TEXT, firmware TEXT, der {{blob}} NOT NULL, request_der {{blob}} NOT NULL,
     superseded_by TEXT REFERENCES certificates(serial_hex), revoked_at TEXT, revoked_reason TEXT){{strict}};
   CREATE INDEX certificates_device ON certificates (device_id);
   CREATE INDEX certificates_current ON certificates (device_id) WHERE superseded_by IS NULL;`,

  // 2: one-time offers, bindings, EULA, verification, audit, idempotency
  `CREATE TABLE tryouts (
     device_id INTEGER PRIMARY KEY REFERENCES devices(id), started_at TEXT NOT NULL, ends_at TEXT NOT NULL,
     ended_at TEXT, end_reason TEXT){{strict}};
   CREATE TABLE trials (
     id {{id}}, registration_id INTEGER NOT NULL REFERENCES registrations(id), device_id INTEGER NOT NULL REFERENCES devices(id),
     feature INTEGER NOT NULL, host_fingerprint TEXT NOT NULL, started_at TEXT NOT NULL, ends_at TEXT NOT NULL,
     UNIQUE (registration_id, feature), UNIQUE (host_fingerprint, feature)){{strict}};
   CREATE TABLE host_bindings (
     id {{id}}, device_id INTEGER NOT NULL REFERENCES devices(id), feature INTEGER NOT NULL, host_fingerprint TEXT NOT NULL,
     host_name TEXT, firmware TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, reset_at TEXT, reset_by TEXT){{strict}};
   CREATE UNIQUE INDEX host_bindings_active ON host_bindings (device_id, feature) WHERE reset_at IS NULL;
   CREATE INDEX host_bindings_host ON host_bindings (host_fingerprint);
   CREATE TABLE eula_versions (
     version TEXT PRIMARY KEY, text TEXT NOT NULL, published_at TEXT NOT NULL){{strict}};
   CREATE TABLE eula_acceptances (
     id {{id}}, registration_id INTEGER NOT NULL REFERENCES registrations(id), version TEXT NOT NULL REFERENCES eula_versions(version),
     accepted_at TEXT NOT NULL, accepted_by TEXT NOT NULL, host TEXT NOT NULL DEFAULT '',
     UNIQUE (registration_id, version)){{strict}};
   CREATE TABLE verifications (
     id {{id}}, device_id INTEGER NOT NULL REFERENCES devices(id), certificate_serial TEXT NOT NULL, nonce TEXT NOT NULL,
     device_time TEXT NOT NULL, server_time TEXT NOT NULL, status TEXT NOT NULL, UNIQUE (device_id, nonce)){{strict}};
   CREATE INDEX verifications_device ON verifications (device_id, server_time);
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, subject TEXT NOT NULL,
     data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE){{strict}};
   CREATE TABLE idempotency_keys (
     actor TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, response TEXT, created_at TEXT NOT NULL,
     PRIMARY KEY (actor, key)){{strict}};`,

  // 3: serials unique case-insensitively (VM-0001 = vm-0001), transfers between resellers, idempotency expiry.
  // Existing rows that fold to the same serial cannot all be unique: the oldest keeps the folded form,
  // the others keep theirs NULL (found by their exact serial only) and are listed in serial_clashes.
  `ALTER TABLE devices ADD COLUMN serial_folded TEXT;
   UPDATE devices SET serial_folded = upper(serial) WHERE id IN (SELECT min(id) FROM devices GROUP BY upper(serial));
   CREATE UNIQUE INDEX devices_serial_folded ON devices (serial_folded);
   CREATE TABLE serial_clashes (
     device_id INTEGER PRIMARY KEY REFERENCES devices(id), serial TEXT NOT NULL,
     kept_device_id INTEGER NOT NULL REFERENCES devices(id), found_at TEXT NOT NULL){{strict}};
   INSERT INTO serial_clashes (device_id, serial, kept_device_id, found_at)
     SELECT d.id, d.serial, k.id, {{now}} FROM devices d JOIN devices k ON k.serial_folded = upper(d.serial)
     WHERE d.serial_folded IS NULL;
   CREATE TABLE device_transfers (
     id {{id}}, device_id INTEGER NOT NULL REFERENCES devices(id),
     from_reseller_id INTEGER NOT NULL REFERENCES resellers(id), to_reseller_id INTEGER NOT NULL REFERENCES resellers(id),
     requested_at TEXT NOT NULL, requested_by TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
     decided_at TEXT, decided_by TEXT, outcome TEXT CHECK (outcome IN ('approved','refused'))){{strict}};
   CREATE UNIQUE INDEX device_transfers_open ON device_transfers (device_id, to_reseller_id) WHERE decided_at IS NULL;
   CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);`,

  // 4: the vendor blocks a registration number (and may unblock it). Existing numbers stay usable.
  `ALTER TABLE registrations ADD COLUMN blocked_at TEXT;
   ALTER TABLE registrations ADD COLUMN blocked_reason TEXT NOT NULL DEFAULT '';`,
];

export type SqlDialect = 'sqlite' | 'postgres';

const TOKENS: Record<SqlDialect, Record<string, string>> = {
  sqlite: { id: 'INTEGER PRIMARY KEY', blob: 'BLOB', strict: ' STRICT', now: "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')" },
  postgres: {
    id: 'INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY',
    blob: 'BYTEA',
    strict: '',
    now: `to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
};

export const schemaSql = (step: string, dialect: SqlDialect): string =>
  step.replace(/\{\{(\w+)\}\}/g, (_, name: string) => TOKENS[dialect][name] ?? `{{${name}}}`);
