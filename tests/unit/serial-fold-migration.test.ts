// The migration that makes serials unique ignoring case finds clashes already in the data and
// reports them instead of failing half-way; the older row keeps the serial.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it, vi } from 'vitest';
import { migrateSqlite } from '../../src/authority/db/migrate';
import { SCHEMA_STEPS, schemaSql } from '../../src/authority/db/schema-sql';

it('reports existing case clashes, keeps the oldest row as the holder of the folded serial', () => {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'ld-fold-')), 'a.sqlite'));
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const [i, step] of SCHEMA_STEPS.slice(0, 2).entries()) {
    db.exec(schemaSql(step, 'sqlite'));
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(i + 1, 'then');
  }
  db.exec("INSERT INTO resellers (name, created_at) VALUES ('A', 'then'), ('B', 'then')");
  const add = db.prepare(
    "INSERT INTO devices (reseller_id, serial, model, created_at) VALUES (?, ?, 'comtrexx-vm', 'then')",
  );
  add.run(1, 'VM-0001');
  add.run(2, 'vm-0001');
  add.run(1, 'other');
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true));
  try {
    migrateSqlite(db);
  } finally {
    spy.mockRestore();
  }
  expect(lines).toEqual([expect.stringContaining('"vm-0001" and "VM-0001" are the same serial ignoring case')]);
  expect(db.prepare('SELECT serial, serial_folded FROM devices ORDER BY id').all()).toEqual([
    { serial: 'VM-0001', serial_folded: 'VM-0001' },
    { serial: 'vm-0001', serial_folded: null },
    { serial: 'other', serial_folded: 'OTHER' },
  ]);
  expect(db.prepare('SELECT device_id, serial, kept_device_id FROM serial_clashes').all()).toEqual([
    { device_id: 2, serial: 'vm-0001', kept_device_id: 1 },
  ]);
  // From now on the folded form is unique.
  expect(() => add.run(2, 'Other')).not.toThrow(); // the raw insert has no folded value …
  expect(() => db.prepare("UPDATE devices SET serial_folded = 'VM-0001' WHERE serial = 'Other'").run()).toThrow(
    /UNIQUE/,
  );
  db.close();
});
