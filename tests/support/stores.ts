// The conformance harness: the same tests run against the embedded SQLite store and PostgreSQL.
import { describe } from 'vitest';
import type { Authority } from '../../src/authority/authority';
import { freshAuthority, type Composition, type TestClock } from './fixtures';
import { freshPgDatabase, pgAvailable } from './postgres';

export type StoreKind = 'sqlite' | 'postgres';

export interface StoreContext {
  store: StoreKind;
  /** A fresh authority on a fresh database of this kind (composed as given, else as the product is). */
  open(composition?: Composition): Promise<{ authority: Authority; clock: TestClock; dir: string; database?: string }>;
}

export function describeStores(name: string, body: (ctx: StoreContext) => void): void {
  for (const store of ['sqlite', 'postgres'] as const) {
    const skip = store === 'postgres' && !pgAvailable();
    (skip ? describe.skip : describe)(`${name} [${store}]`, () => {
      body({
        store,
        async open(composition = {}) {
          const database = store === 'postgres' ? await freshPgDatabase() : undefined;
          return {
            ...(await freshAuthority({ ...composition, ...(database ? { database } : {}) })),
            ...(database ? { database } : {}),
          };
        },
      });
    });
  }
}
