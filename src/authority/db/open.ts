// Opens the store an authority runs on: a SQLite file (embedded) or a postgres:// URL (server).
import { openSqliteDb } from './sqlite';
import { openPostgresDb } from './postgres';
import { migratePostgres, migrateSqlite } from './migrate';
import type { Db } from './executor';

export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//i.test(target);

export function openDb(target: string): Promise<Db> {
  return isPostgresUrl(target)
    ? openPostgresDb(target, migratePostgres)
    : Promise.resolve(openSqliteDb(target, migrateSqlite));
}
