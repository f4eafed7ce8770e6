// `licence-desk restore FILE`: everything is checked before anything is replaced — the archive
// authenticates under the passphrase (archive.ts), its manifest is one this version reads, every
// file matches its hash, the root certificate is the manifest's authority, the database passes
// SQLite's integrity_check, and an existing data folder of another authority is refused unless
// `replaceAuthority`. The restored folder is built beside the data folder (keys sealed again
// under this machine's sealer), then swapped in by renames; the previous folder is kept as
// DATA.before-restore-<timestamp>.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { err } from '../../shared/errors';
import { writeFileAtomic } from '../files';
import type { KeySealer } from '../keys/sealer';
import { BACKUP_VERSION, readArchive } from './archive';
import {
  authorityIdOf,
  DATABASE_PATH,
  manifest as manifestSchema,
  payload as payloadSchema,
  ROOT_CERT_PATH,
  safeRelative,
  sha256Hex,
  type Manifest,
} from './payload';

export interface RestoreOptions {
  dataDir: string;
  file: string;
  passphrase: string;
  sealer: KeySealer;
  replaceAuthority?: boolean;
  now?: Date;
}

export interface Restored {
  manifest: Manifest;
  /** Where the data folder that was replaced now is (none when there was none). */
  previous?: string;
}

export function restoreBackup(o: RestoreOptions): Restored {
  const { manifest, files } = checkedContent(o.file, o.passphrase);
  checkSameAuthority(o, manifest);
  const stamp = (o.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const staging = `${o.dataDir}.restore-${stamp}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    for (const entry of manifest.files) {
      const target = join(staging, entry.path);
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      const data = files.get(entry.path)!;
      writeFileAtomic(target, entry.kind === 'key' ? o.sealer.seal(data.toString('utf8')) : data);
    }
    checkDatabase(join(staging, DATABASE_PATH), o.file);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  return { manifest, ...swapIn(o.dataDir, staging, stamp) };
}

function checkedContent(file: string, passphrase: string): { manifest: Manifest; files: Map<string, Buffer> } {
  const p = payloadSchema.safeParse(readArchive(file, passphrase));
  if (!p.success) throw invalid(file, 'its content is not a Licence Desk backup');
  const version = (p.data.manifest as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > BACKUP_VERSION)
    throw err.BACKUP_VERSION_NEWER({ file, version, supported: BACKUP_VERSION });
  const m = manifestSchema.safeParse(p.data.manifest);
  if (!m.success) throw invalid(file, 'its manifest is not valid');
  const files = new Map<string, Buffer>();
  for (const entry of m.data.files) {
    const raw = p.data.files[entry.path];
    if (!safeRelative(entry.path) || raw === undefined)
      throw invalid(file, `it lists ${entry.path} but does not hold it`);
    const data = Buffer.from(raw, 'base64');
    if (sha256Hex(data) !== entry.sha256) throw invalid(file, `${entry.path} does not match its checksum`);
    files.set(entry.path, data);
  }
  const root = files.get(ROOT_CERT_PATH);
  if (!files.has(DATABASE_PATH) || !root || authorityIdOf(root) !== m.data.authorityId)
    throw invalid(file, "its root certificate or database is missing or not the manifest's");
  return { manifest: m.data, files };
}

function checkSameAuthority(o: RestoreOptions, m: Manifest): void {
  const current = join(o.dataDir, ROOT_CERT_PATH);
  if (!existsSync(current) || o.replaceAuthority) return;
  const here = authorityIdOf(readFileSync(current));
  if (here !== m.authorityId)
    throw err.BACKUP_OTHER_AUTHORITY({ file: o.file, theirs: m.authorityId.slice(0, 16), ours: here.slice(0, 16) });
}

function checkDatabase(dbFile: string, file: string): void {
  let result: unknown;
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      result = db.pragma('integrity_check', { simple: true });
    } finally {
      db.close();
    }
  } catch {
    result = 'not a database';
  }
  if (result !== 'ok') throw err.BACKUP_DATABASE_CORRUPT({ file, result: String(result) });
}

function swapIn(dataDir: string, staging: string, stamp: string): { previous?: string } {
  if (!existsSync(dataDir)) {
    renameSync(staging, dataDir);
    return {};
  }
  const previous = `${dataDir}.before-restore-${stamp}`;
  renameSync(dataDir, previous);
  try {
    renameSync(staging, dataDir);
  } catch (e) {
    renameSync(previous, dataDir); // put the old folder back: never left without one
    throw e;
  }
  return { previous };
}

const invalid = (file: string, why: string) => err.BACKUP_EDITED({ file, why });
