// The licence authority as one object: CA material + database + catalogue, and a door (call)
// through which the CLI, the desktop app and the HTTP server reach every operation alike.
import { join } from 'node:path';
import { defaultCatalogue, type Catalogue } from '../licensing/catalogue';
import type { OpName, OpOutput } from '../shared/api';
import { dispatch } from './api/dispatch';
import type { Signer } from '../licensing/signer';
import { createCa, loadCa, loadHsmCa, type CaMaterial } from './ca';
import type { IssuancePolicy } from './certificates/policies';
import { composeContext, ISSUANCE_POLICIES } from './compose';
import { LOCAL_RESELLER, type Actor, type AuthorityContext, type ChangeHook } from './context';
import { secureDataDir } from './data-dir';
import type { Db } from './db/executor';
import { isPostgresUrl, openDb } from './db/open';
import { openCheckpoints } from './audit/checkpoints';
import type { Mailer } from './mail/smtp';
import { sealedMessage, sealPlaintextKeys } from './keys/key-files';
import { envSealer, type KeySealer } from './keys/sealer';
import { finishRotation } from './ca-rotate';

export interface KeyOptions {
  /** Seals and opens the data folder's private keys; LICENCE_DESK_PASSPHRASE's (envSealer) when not given. */
  sealer?: KeySealer;
  /** Seals the new root key at init (a root passphrase); the data folder's sealer when not given. */
  rootSealer?: KeySealer;
  /** Where init writes the sealed root key (default ca/root.key.sealed). */
  rootOut?: string;
}

export interface OpenOptions {
  /** Folder with the CA (and, unless `database` is given, authority.db). */
  dataDir: string;
  /** A SQLite file or a postgres:// URL. */
  database?: string;
  catalogue?: Catalogue;
  now?: () => Date;
  /** The rules every issuance passes; compose.ts's ISSUANCE_POLICIES unless a test composes its own. */
  policies?: readonly IssuancePolicy[];
  /** Extra writes every change commits with (none by default). */
  changeHooks?: readonly ChangeHook[];
  /** Sends recovery mails (serve --smtp); without it recovery says nothing was sent. */
  mailer?: Mailer;
  /** The issuing key in a hardware module (serve --issuing-key pkcs11:…); default the data folder's key. */
  issuingKey?: Signer;
  /** Opens the sealed keys; LICENCE_DESK_PASSPHRASE's (envSealer) when not given. */
  sealer?: KeySealer;
}

export class Authority {
  private constructor(
    readonly ctx: AuthorityContext,
    readonly local: Actor,
  ) {}

  /** Creates CA and database if absent. Returns whether the CA was created. */
  static async init(dataDir: string, database?: string, keys: KeyOptions = {}): Promise<boolean> {
    secureDataDir(dataDir);
    const sealer = keys.sealer ?? envSealer();
    prepareKeys(dataDir, sealer);
    const created = createCa(dataDir, {
      sealer,
      ...(keys.rootSealer ? { rootSealer: keys.rootSealer } : {}),
      ...(keys.rootOut ? { rootOut: keys.rootOut } : {}),
    });
    const db = await openDb(database ?? join(dataDir, 'authority.db'));
    await localReseller(db, new Date());
    const ca = loadCa(dataDir, sealer);
    const checkpoints = await auditCheckpoints(db, { dataDir, database, ca, now: () => new Date(), sealer });
    await checkpoints.drain();
    await db.close();
    return created;
  }

  static async open(opts: OpenOptions): Promise<Authority> {
    secureDataDir(opts.dataDir, { create: false });
    const sealer = opts.sealer ?? envSealer();
    prepareKeys(opts.dataDir, sealer);
    const ca = opts.issuingKey ? loadHsmCa(opts.dataDir, opts.issuingKey) : loadCa(opts.dataDir, sealer);
    const db = await openDb(opts.database ?? join(opts.dataDir, 'authority.db'));
    const now = opts.now ?? (() => new Date());
    const ctx = composeContext({
      db,
      ca,
      catalogue: opts.catalogue ?? defaultCatalogue(),
      now,
      policies: opts.policies ?? ISSUANCE_POLICIES,
      changeHooks: opts.changeHooks ?? [],
      ...(opts.mailer ? { mailer: opts.mailer } : {}),
    });
    ctx.checkpoints = await auditCheckpoints(db, { dataDir: opts.dataDir, database: opts.database, ca, now, sealer });
    const resellerId = await localReseller(db, now());
    return new Authority(ctx, { resellerId, vendor: true, label: 'local' });
  }

  /**
   * The same authority (same database, same CA) whose changes also run these hooks: how the HTTP
   * server adds its Idempotency-Key mark. Closing either closes the shared database.
   */
  withChangeHooks(hooks: readonly ChangeHook[]): Authority {
    return new Authority({ ...this.ctx, changeHooks: [...this.ctx.changeHooks, ...hooks] }, this.local);
  }

  /** Runs an operation; embedded callers act as the local reseller (and vendor). */
  call<N extends OpName>(name: N, input: unknown, actor: Actor = this.local): Promise<OpOutput<N>> {
    return dispatch(this.ctx, actor, name, input);
  }

  async close(): Promise<void> {
    await this.ctx.checkpoints?.drain();
    await this.ctx.db.close();
  }
}

/**
 * The audit checkpoints live outside the database: next to a SQLite file, or for PostgreSQL in
 * this process's data folder (each server process keeps its own, and `audit head` exports one).
 */
function auditCheckpoints(
  db: Db,
  o: { dataDir: string; database: string | undefined; ca: CaMaterial; now: () => Date; sealer: KeySealer },
) {
  const file = isPostgresUrl(o.database ?? '')
    ? join(o.dataDir, 'audit.checkpoints')
    : `${o.database ?? join(o.dataDir, 'authority.db')}.checkpoints`;
  return openCheckpoints(db, { ...o, file, warn });
}

const warn = (m: string) => void process.stderr.write(`licence-desk: ${m}\n`);

/** Before the keys are read: an interrupted `ca rotate` is finished, plaintext keys of an older install sealed (said once). */
function prepareKeys(dataDir: string, sealer: KeySealer): void {
  finishRotation(dataDir);
  const sealed = sealPlaintextKeys(dataDir, sealer);
  if (sealed.length > 0) warn(sealedMessage(dataDir, sealed, sealer));
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
