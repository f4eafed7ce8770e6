// The conformance harness: the same tests run against the embedded SQLite store and PostgreSQL.
import { describe } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import { freshAuthority, type TestClock } from './fixtures';
import { freshPgDatabase, pgAvailable } from './postgres';

export type StoreKind = 'sqlite' | 'postgres';

export interface StoreContext {
  store: StoreKind;
  /** A fresh authority on a fresh database of this kind. */
  open(): Promise<{ authority: Authority; clock: TestClock; dir: string; database?: string }>;
}

export function describeStores(name: string, body: (ctx: StoreContext) => void): void {
  for (const store of ['sqlite', 'postgres'] as const) {
    const skip = store === 'postgres' && !pgAvailable();
    (skip ? describe.skip : describe)(`${name} [${store}]`, () => {
      body({
        store,
        async open() {
          const database = store === 'postgres' ? await freshPgDatabase() : undefined;
          return { ...(await freshAuthority(database ? { database } : {})), ...(database ? { database } : {}) };
        },
      });
    });
  }
}
