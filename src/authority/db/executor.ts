// One way to run SQL on either database. Queries are built once with Kysely (compile-only) and
// run by a small executor per database: better-sqlite3 for the embedded store, pg for servers.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';
type Query<R> = Compilable<R> | CompiledQuery<R>;

/** A connection inside (or, for reads, outside) a transaction. */
export interface Tx {
  all<R>(q: Query<R>): Promise<R[]>;
  first<R>(q: Query<R>): Promise<R | undefined>;
  /** Runs a statement; returns the number of rows it changed. */
  run(q: Query<unknown>): Promise<number>;
}

export interface Db {
  readonly dialect: Dialect;
  /** Builds queries; never executes them itself. */
  readonly qb: Kysely<Database>;
  /** Reads outside a transaction: committed data only. */
  readonly read: Tx;
  /**
   * Runs fn in a transaction. fn must only touch the database and compute: no network, no
   * waiting on users. On SQLite, writes arriving together share one commit (group commit); on
   * PostgreSQL a serialization failure or deadlock is retried.
   */
  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * One statement that is a transaction of its own, returning its rows. On PostgreSQL that is a
   * single round trip (no BEGIN/COMMIT around it), retried like write().
   */
  writeStatement<R>(q: Query<R>): Promise<R[]>;
  close(): Promise<void>;
}

export const compiled = <R>(q: Query<R>): CompiledQuery<R> => ('compile' in q ? q.compile() : q);
