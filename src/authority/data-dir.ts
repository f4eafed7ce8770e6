// Where the embedded authority lives: the same per-user folder Electron's app.getPath('userData')
// gives the desktop app ("Licence Desk" under the OS's config folder), so CLI and app share it.
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER = 'Licence Desk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LICENCE_DESK_DATA) return env.LICENCE_DESK_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

// Owner-only, always: the data folder holds the CA and every licence, so the folder is 0700 and
// every file in it 0600 (database, WAL, SHM, settings, pins, keys), whatever the umask, and also
// when the folder was made by an older version or by hand. Looser permissions found on the way
// are tightened and reported in one line, so the user learns that the folder was exposed.
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
/** SQLite's companions of a database file; SQLite gives new ones the database file's mode. */
export const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

export type Warn = (line: string) => void;
const stderrWarn: Warn = (line) => void process.stderr.write(`licence-desk: warning: ${line}\n`);

/** Tightens one file or folder; returns whether it had been looser. */
function tighten(path: string, wanted: number): boolean {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink() || (st.mode & 0o777 & ~wanted) === 0) return false;
  chmodSync(path, wanted);
  return true;
}

function tightenTree(dir: string): string[] {
  const loose = tighten(dir, FOLDER_MODE) ? [dir] : [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) loose.push(...tightenTree(path));
    else if (entry.isFile() && tighten(path, FILE_MODE)) loose.push(path);
  }
  return loose;
}

const report = (loose: string[], where: string, warn: Warn) => {
  if (loose.length === 0) return;
  const first = loose.slice(0, 3).join(', ');
  warn(
    `${where} was readable by other users (${first}${loose.length > 3 ? ` and ${loose.length - 3} more` : ''}); tightened to owner-only (folders 0700, files 0600).`,
  );
};

/** Creates the data folder owner-only (unless `create` is false), or tightens an existing one and everything in it. */
export function secureDataDir(
  dir: string,
  {
    create = true,
    warn = stderrWarn,
    platform = process.platform,
  }: { create?: boolean; warn?: Warn; platform?: string } = {},
): void {
  if (create) mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  if (platform === 'win32' || !existsSync(dir)) return; // Windows: the profile's ACLs, not POSIX modes
  report(tightenTree(dir), `The data folder ${dir}`, warn);
}

/** A SQLite file anywhere (--database FILE): created 0600 before SQLite does, companions tightened. */
export function secureDatabaseFile(file: string, warn: Warn = stderrWarn, platform = process.platform): void {
  if (file === ':memory:' || platform === 'win32') return;
  closeSync(openSync(file, 'a', FILE_MODE));
  const loose = SQLITE_COMPANIONS.map((suffix) => `${file}${suffix}`).filter((f) => tighten(f, FILE_MODE));
  report(loose, `The database ${file}`, warn);
}
