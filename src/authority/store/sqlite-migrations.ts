// Schema versions, applied in order inside one transaction each. Never edit a shipped step.
export const SQLITE_MIGRATIONS: string[] = [
  `CREATE TABLE devices (
     id INTEGER PRIMARY KEY,
     serial TEXT NOT NULL UNIQUE,
     model TEXT NOT NULL,
     name TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL,
     revision INTEGER NOT NULL DEFAULT 0
   ) STRICT;
   CREATE TABLE licences (
     id INTEGER PRIMARY KEY,
     device_id INTEGER NOT NULL REFERENCES devices(id),
     feature INTEGER NOT NULL CHECK (feature > 0),
     quantity INTEGER NOT NULL CHECK (quantity > 0),
     source TEXT NOT NULL CHECK (source IN ('grant','coupon','tryout','trial')),
     not_after TEXT,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX licences_device ON licences(device_id);
   CREATE TABLE certificates (
     serial_hex TEXT PRIMARY KEY,
     device_id INTEGER NOT NULL REFERENCES devices(id),
     issued_at TEXT NOT NULL,
     not_before TEXT NOT NULL,
     not_after TEXT NOT NULL,
     generation INTEGER NOT NULL,
     host_fingerprint TEXT NOT NULL,
     der BLOB NOT NULL,
     request_der BLOB NOT NULL,
     superseded_by TEXT REFERENCES certificates(serial_hex)
   ) STRICT;
   CREATE INDEX certificates_device ON certificates(device_id);
   CREATE INDEX certificates_current ON certificates(device_id) WHERE superseded_by IS NULL;`,
];
