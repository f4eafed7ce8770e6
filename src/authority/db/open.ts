// Opens the store an authority runs on: a SQLite file (embedded) or a postgres:// URL (server).
import { secureDatabaseFile } from '../data-dir';
import { openSqliteDb } from './sqlite';
import { migratePostgres, migrateSqlite } from './migrate';
import type { Db } from './executor';

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

export async function openDb(target: string): Promise<Db> {
  if (!isPostgresUrl(target)) {
    secureDatabaseFile(target); // owner-only before SQLite creates it (its WAL and SHM inherit the mode)
    return openSqliteDb(target, migrateSqlite);
  }
  // Loaded only for a postgres:// target: the CLI's embedded commands on SQLite never load pg.
  const { openPostgresDb } = await import('./postgres');
  return openPostgresDb(target, migratePostgres);
}
