// The embedded store: one SQLite file (WAL, synchronous=FULL), writes through group commit.
import Database from 'better-sqlite3';
import { conflict } from './errors';
import { GroupCommitter } from './group-commit';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';
import type { CertificateRow, DeviceRow, LicenceRow, NewCertificate, Store } from './types';

const nowIso = () => new Date().toISOString();

export function openSqliteStore(file: string): Store {
  const db = new Database(file, { timeout: 15_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return new SqliteStore(db);
}

function migrate(db: Database.Database): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    SQLITE_MIGRATIONS.slice(version).forEach((sql, i) => {
      db.exec(sql);
      db.pragma(`user_version = ${version + i + 1}`);
    });
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

const DEVICE = 'SELECT id, serial, model, name, created_at AS createdAt, revision FROM devices';
const LICENCE = 'SELECT id, device_id AS deviceId, feature, quantity, source, not_after AS notAfter, created_at AS createdAt FROM licences';
const CERT = `SELECT serial_hex AS serialHex, device_id AS deviceId, issued_at AS issuedAt, not_before AS notBefore,
  not_after AS notAfter, generation, host_fingerprint AS hostFingerprint, der, request_der AS requestDer,
  superseded_by AS supersededBy FROM certificates`;

class SqliteStore implements Store {
  private readonly writes: GroupCommitter;
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.writes = new GroupCommitter(db);
    this.q = {
      deviceBySerial: db.prepare(`${DEVICE} WHERE serial = ?`),
      deviceById: db.prepare(`${DEVICE} WHERE id = ?`),
      devices: db.prepare(`${DEVICE} ORDER BY serial`),
      insertDevice: db.prepare('INSERT INTO devices (serial, model, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (serial) DO NOTHING RETURNING id'),
      insertLicence: db.prepare('INSERT INTO licences (device_id, feature, quantity, source, not_after, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id'),
      bumpRevision: db.prepare('UPDATE devices SET revision = revision + 1 WHERE id = ?'),
      licences: db.prepare(`${LICENCE} WHERE device_id = ? ORDER BY id`),
      certs: db.prepare(`${CERT} WHERE device_id = ? ORDER BY issued_at, rowid`),
      checkRevision: db.prepare('SELECT revision FROM devices WHERE id = ?'),
      insertCert: db.prepare(`INSERT INTO certificates (serial_hex, device_id, issued_at, not_before, not_after, generation,
        host_fingerprint, der, request_der) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      supersede: db.prepare('UPDATE certificates SET superseded_by = ? WHERE device_id = ? AND superseded_by IS NULL AND serial_hex <> ? RETURNING serial_hex AS serialHex'),
    };
  }

  async addDevice(d: { serial: string; model: string; name: string }): Promise<DeviceRow> {
    const row = await this.writes.write(() => this.q.insertDevice.get(d.serial, d.model, d.name, nowIso()) as { id: number } | undefined);
    if (!row) throw conflict('DEVICE_EXISTS', `A device with serial ${d.serial} already exists.`);
    return this.q.deviceById.get(row.id) as DeviceRow;
  }

  async findDevice(serial: string): Promise<DeviceRow | undefined> {
    return this.q.deviceBySerial.get(serial) as DeviceRow | undefined;
  }

  async listDevices(): Promise<DeviceRow[]> {
    return this.q.devices.all() as DeviceRow[];
  }

  async addLicence(l: Omit<LicenceRow, 'id' | 'createdAt'>): Promise<LicenceRow> {
    const createdAt = nowIso();
    const id = await this.writes.write(() => {
      const r = this.q.insertLicence.get(l.deviceId, l.feature, l.quantity, l.source, l.notAfter, createdAt) as { id: number };
      this.q.bumpRevision.run(l.deviceId);
      return r.id;
    });
    return { ...l, id, createdAt };
  }

  async licencesOf(deviceId: number): Promise<LicenceRow[]> {
    return this.q.licences.all(deviceId) as LicenceRow[];
  }

  async certificatesOf(deviceId: number): Promise<CertificateRow[]> {
    return this.q.certs.all(deviceId) as CertificateRow[];
  }

  async recordCertificate(c: NewCertificate): Promise<string[]> {
    return this.writes.write(() => {
      const current = this.q.checkRevision.get(c.deviceId) as { revision: number } | undefined;
      if (current?.revision !== c.expectedRevision) throw conflict('LICENCES_CHANGED', 'The device\'s licences changed while the certificate was being made; try again.');
      this.q.insertCert.run(c.serialHex, c.deviceId, c.issuedAt, c.notBefore, c.notAfter, c.generation, c.hostFingerprint, c.der, c.requestDer);
      return (this.q.supersede.all(c.serialHex, c.deviceId, c.serialHex) as { serialHex: string }[]).map((r) => r.serialHex);
    });
  }

  async close(): Promise<void> {
    await this.writes.write(() => undefined); // drain queued writes first
    this.db.close();
  }
}
