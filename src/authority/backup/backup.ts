// `licence-desk backup FILE`: the embedded authority's data folder in one encrypted archive
// (archive.ts): a consistent snapshot of the SQLite database through SQLite's online backup API
// (better-sqlite3 db.backup(), safe while the app or a server writes), the private keys (opened
// with the data folder's sealer), certificates, settings, pins and audit checkpoints.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import { err } from '../../shared/errors';
import { SQLITE_COMPANIONS } from '../data-dir';
import { isPostgresUrl } from '../db/open';
import { SEALED } from '../keys/key-files';
import type { KeySealer } from '../keys/sealer';
import { writeArchive, BACKUP_VERSION } from './archive';
import { authorityIdOf, DATABASE_PATH, ROOT_CERT_PATH, sha256Hex, type Manifest, type Payload } from './payload';

export interface BackupOptions {
  dataDir: string;
  /** The --database given, if any: only the data folder's own SQLite file can be backed up here. */
  database?: string;
  file: string;
  /** Replace FILE if it exists (a save dialog asked already); otherwise an existing file is refused. */
  overwrite?: boolean;
  passphrase: string;
  sealer: KeySealer;
  now?: Date;
  env?: NodeJS.ProcessEnv;
}

export async function makeBackup(o: BackupOptions): Promise<Manifest> {
  checkDatabase(o);
  if (!o.overwrite && existsSync(o.file)) throw err.BACKUP_FILE_EXISTS({ file: o.file });
  if (!existsSync(join(o.dataDir, ROOT_CERT_PATH))) throw err.AUTHORITY_MISSING({ dataDir: o.dataDir });
  const files: Record<string, Buffer> = {};
  const entries: Manifest['files'] = [];
  const add = (path: string, kind: Manifest['files'][number]['kind'], data: Buffer) => {
    files[path] = data;
    entries.push({ path, kind, sha256: sha256Hex(data) });
  };
  add(DATABASE_PATH, 'database', await snapshot(join(o.dataDir, DATABASE_PATH)));
  for (const path of folderFiles(o.dataDir)) {
    const data = readFileSync(join(o.dataDir, path));
    const key = path.endsWith(SEALED) ? openKey(data, path, o.sealer) : undefined;
    add(path, key ? 'key' : 'file', key ?? data);
  }
  const manifest: Manifest = {
    formatVersion: BACKUP_VERSION,
    authorityId: authorityIdOf(files[ROOT_CERT_PATH]!),
    created: (o.now ?? new Date()).toISOString(),
    files: entries,
  };
  const payload: Payload = {
    manifest,
    files: Object.fromEntries(Object.entries(files).map(([p, b]) => [p, b.toString('base64')])),
  };
  writeArchive(o.file, payload, o.passphrase, o.env);
  return manifest;
}

function checkDatabase(o: BackupOptions): void {
  if (o.database && isPostgresUrl(o.database)) throw err.BACKUP_POSTGRES_UNSUPPORTED();
  if (o.database && o.database !== join(o.dataDir, DATABASE_PATH))
    throw err.BACKUP_DATABASE_ELSEWHERE({ expected: join(o.dataDir, DATABASE_PATH), given: o.database });
}

/** SQLite's online backup: a consistent copy even while other connections write. */
async function snapshot(dbFile: string): Promise<Buffer> {
  if (!existsSync(dbFile)) throw err.AUTHORITY_MISSING({ dataDir: dirname(dbFile) });
  const tmp = mkdtempSync(join(tmpdir(), 'ld-backup-'));
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(join(tmp, 'snapshot.db'));
    return readFileSync(join(tmp, 'snapshot.db'));
  } finally {
    db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every file of the folder but the live database and its companions (the snapshot stands for them). */
function folderFiles(dataDir: string, dir = dataDir): string[] {
  const live = new Set(SQLITE_COMPANIONS.map((s) => `${DATABASE_PATH}${s}`));
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    const rel = relative(dataDir, full).split(sep).join('/');
    if (e.isDirectory()) return folderFiles(dataDir, full);
    return e.isFile() && !live.has(rel) ? [rel] : [];
  });
}

/** A key the data folder's sealer opens goes in as PEM; one it cannot (a root under its own passphrase) stays sealed. */
function openKey(data: Buffer, path: string, sealer: KeySealer): Buffer | undefined {
  try {
    return Buffer.from(sealer.unseal(data, path));
  } catch (e) {
    if (path === `ca/root.key${SEALED}`) return undefined;
    throw e;
  }
}
