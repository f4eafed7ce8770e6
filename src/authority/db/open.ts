// Opens the store an authority runs on: a SQLite file (embedded) or a postgres:// URL (server).
import { secureDatabaseFile } from '../data-dir';
import { openSqliteDb } from './sqlite';
import { openPostgresDb } from './postgres';
import { migratePostgres, migrateSqlite } from './migrate';
import type { Db } from './executor';

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

export function openDb(target: string): Promise<Db> {
  if (isPostgresUrl(target)) return openPostgresDb(target, migratePostgres);
  secureDatabaseFile(target); // owner-only before SQLite creates it (its WAL and SHM inherit the mode)
  return Promise.resolve(openSqliteDb(target, migrateSqlite));
}
