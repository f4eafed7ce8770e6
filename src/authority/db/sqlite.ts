// The embedded database: one SQLite file, WAL, synchronous=FULL. Two connections: a writer that
// runs every transaction (group commit, BEGIN IMMEDIATE so writers from other processes queue on
// the lock instead of failing mid-way), and a reader that only ever sees committed data.
import Database from 'better-sqlite3';
import { queryBuilder } from './builder';
import { compiled, type Db, type Tx } from './executor';
import { GroupCommit } from './group-commit';

const BUSY_TIMEOUT_MS = 15_000;

function connect(file: string, readonly: boolean): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS, readonly });
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  return db;
}

/** A Tx over one better-sqlite3 connection; statements are prepared once per SQL text. */
export function sqliteTx(db: Database.Database): Tx {
  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const params = (p: readonly unknown[]) => p.map((v) => (typeof v === 'boolean' ? Number(v) : v));
  return {
    async all(q) {
      const c = compiled(q);
      return stmt(c.sql).all(...params(c.parameters)) as never[];
    },
    async first(q) {
      const c = compiled(q);
      const s = stmt(c.sql);
      return (s.reader ? s.get(...params(c.parameters)) : s.all(...params(c.parameters))[0]) as never;
    },
    async run(q) {
      const c = compiled(q);
      const s = stmt(c.sql);
      if (s.reader) return s.all(...params(c.parameters)).length; // UPDATE … RETURNING
      return s.run(...params(c.parameters)).changes;
    },
  };
}

export function openSqliteDb(file: string, migrate: (writer: Database.Database) => void): Db {
  const writer = connect(file, false);
  migrate(writer);
  const reader = connect(file, true);
  const commit = new GroupCommit(writer, sqliteTx(writer));
  return {
    dialect: 'sqlite',
    qb: queryBuilder('sqlite'),
    read: sqliteTx(reader),
    write: (fn) => commit.write(fn),
    writeStatement: (q) => commit.write((tx) => tx.all(q)),
    async close() {
      await commit.drain();
      reader.close();
      writer.close();
    },
  };
}
