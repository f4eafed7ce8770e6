// Applies schema steps once each, recorded in schema_migrations. On PostgreSQL an advisory lock
// keeps two server processes that start together from migrating at the same time.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { SCHEMA_STEPS, schemaSql } from './schema-sql';

/** The step that folded serials (schema-sql.ts step 3): clashes it found are reported once, when it runs. */
const FOLD_STEP = 3;
const CLASHES =
  'SELECT c.serial, k.serial AS kept FROM serial_clashes c JOIN devices k ON k.id = c.kept_device_id ORDER BY c.device_id';

/** Says which existing serials clash case-insensitively; the operator resolves them (retire or rename one). */
export function reportSerialClashes(clashes: { serial: string; kept: string }[], warn = defaultWarn): void {
  for (const c of clashes)
    warn(
      `Serial clash: "${c.serial}" and "${c.kept}" are the same serial ignoring case; "${c.kept}" keeps it, ` +
        `"${c.serial}" is found only when written exactly so (listed in serial_clashes).`,
    );
}
const defaultWarn = (line: string) => process.stderr.write(`${line}\n`);

const TRACK = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)';

export function migrateSqlite(db: Database.Database): void {
  db.exec(TRACK);
  db.exec('BEGIN IMMEDIATE');
  try {
    const done = (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
    SCHEMA_STEPS.slice(done).forEach((step, i) => {
      db.exec(schemaSql(step, 'sqlite'));
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        done + i + 1,
        new Date().toISOString(),
      );
    });
    db.exec('COMMIT');
    if (done < FOLD_STEP && SCHEMA_STEPS.length >= FOLD_STEP)
      reportSerialClashes(db.prepare(CLASHES).all() as { serial: string; kept: string }[]);
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

export async function migratePostgres(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('licence-desk:migrate'))");
    await client.query(TRACK);
    const { rows } = await client.query<{ v: number }>(
      'SELECT COALESCE(MAX(version), 0)::int AS v FROM schema_migrations',
    );
    const done = rows[0]?.v ?? 0;
    for (const [i, step] of SCHEMA_STEPS.slice(done).entries()) {
      await client.query(schemaSql(step, 'postgres'));
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        done + i + 1,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    if (done < FOLD_STEP && SCHEMA_STEPS.length >= FOLD_STEP)
      reportSerialClashes((await client.query<{ serial: string; kept: string }>(CLASHES)).rows);
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
}
