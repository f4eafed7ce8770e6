// The licence authority as one object: CA material + database + catalogue, and a door (call)
// through which the CLI, the desktop app and the HTTP server reach every operation alike.
import { join } from 'node:path';
import { defaultCatalogue, type Catalogue } from '../licensing/catalogue';
import type { OpName, OpOutput } from '../shared/api';
import { dispatch } from './api/dispatch';
import { createCa, loadCa } from './ca';
import { secureDataDir } from './data-dir';
import { LOCAL_RESELLER, type Actor, type AuthorityContext } from './context';
import type { Db } from './db/executor';
import { openDb } from './db/open';

export interface OpenOptions {
  /** Folder with the CA (and, unless `database` is given, authority.db). */
  dataDir: string;
  /** A SQLite file or a postgres:// URL. */
  database?: string;
  catalogue?: Catalogue;
  now?: () => Date;
}

export class Authority {
  private constructor(
    readonly ctx: AuthorityContext,
    readonly local: Actor,
  ) {}

  /** Creates CA and database if absent. Returns whether the CA was created. */
  static async init(dataDir: string, database?: string): Promise<boolean> {
    secureDataDir(dataDir);
    const created = createCa(dataDir);
    const db = await openDb(database ?? join(dataDir, 'authority.db'));
    await localReseller(db, new Date());
    await db.close();
    return created;
  }

  static async open(opts: OpenOptions): Promise<Authority> {
    secureDataDir(opts.dataDir, { create: false });
    const ca = loadCa(opts.dataDir);
    const db = await openDb(opts.database ?? join(opts.dataDir, 'authority.db'));
    const now = opts.now ?? (() => new Date());
    const ctx: AuthorityContext = { db, ca, catalogue: opts.catalogue ?? defaultCatalogue(), now };
    const resellerId = await localReseller(db, now());
    return new Authority(ctx, { resellerId, vendor: true, label: 'local' });
  }

  /** Runs an operation; embedded callers act as the local reseller (and vendor). */
  call<N extends OpName>(name: N, input: unknown, actor: Actor = this.local): Promise<OpOutput<N>> {
    return dispatch(this.ctx, actor, name, input);
  }

  close(): Promise<void> {
    return this.ctx.db.close();
  }
}

/** The embedded authority's single reseller, created once (the unique name decides races). */
async function localReseller(db: Db, now: Date): Promise<number> {
  const find = db.qb.selectFrom('resellers').select('id').where('name', '=', LOCAL_RESELLER);
  const existing = await db.read.first(find);
  if (existing) return existing.id;
  return db.write(async (tx) => {
    await tx.run(
      db.qb
        .insertInto('resellers')
        .values({ name: LOCAL_RESELLER, created_at: now.toISOString() })
        .onConflict((oc) => oc.column('name').doNothing()),
    );
    return (await tx.first(find))!.id;
  });
}
