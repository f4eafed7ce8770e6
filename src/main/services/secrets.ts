// Secrets (the connected mode's server token) encrypted with the OS keychain through Electron's
// safeStorage, kept in secrets.json in the user-data folder. Where Linux has no keyring, Chromium
// falls back to `basic_text`, which "encrypts" with a hard-coded key: storing a token that way
// only looks safe, so this store refuses and says why instead. No Electron import here: the
// shell passes `safeStorage` in, and tests pass a fake.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { inputError, LdError, ruleError } from '../../shared/errors';

export interface SecretStore {
  set(name: string, value: string): void;
  get(name: string): string | undefined;
  delete(name: string): void;
}

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  /** Linux only in Electron; absent (or not a function) elsewhere. */
  getSelectedStorageBackend?: () => string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** The connected mode's server token, the one secret Licence Desk keeps today. */
export const TOKEN_SECRET = 'server.token';

const NAME = /^[a-z][a-z0-9.-]{0,63}$/;
/** Backends that do not protect anything: basic_text (fixed key) and unknown (not decided yet). */
const UNSAFE_BACKENDS = new Set(['basic_text', 'unknown']);

/** Why secrets cannot be stored here, or undefined when they can. */
export function secretStorageProblem(safe: SafeStorageLike, platform = process.platform): string | undefined {
  if (!safe.isEncryptionAvailable()) return 'this system offers no encryption for stored secrets';
  if (platform !== 'linux' || typeof safe.getSelectedStorageBackend !== 'function') return undefined;
  const backend = safe.getSelectedStorageBackend();
  if (UNSAFE_BACKENDS.has(backend)) {
    return `no keyring is available (Electron's storage backend is "${backend}", which keeps secrets readable by anyone with this folder); install and unlock a keyring such as GNOME Keyring or KWallet`;
  }
  return undefined;
}

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string;

  constructor(
    private readonly safe: SafeStorageLike,
    dir: string,
    private readonly platform = process.platform,
  ) {
    this.file = join(dir, 'secrets.json');
  }

  set(name: string, value: string): void {
    const problem = secretStorageProblem(this.safe, this.platform);
    if (problem)
      throw ruleError('SECRET_STORAGE_UNSAFE', `Licence Desk will not store the ${describe(name)}: ${problem}.`);
    const all = this.readAll();
    all[checkName(name)] = this.safe.encryptString(value).toString('base64');
    this.writeAll(all);
  }

  get(name: string): string | undefined {
    const stored = this.readAll()[checkName(name)];
    if (stored === undefined) return undefined;
    try {
      return this.safe.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      throw ruleError(
        'SECRET_UNREADABLE',
        `The stored ${describe(name)} cannot be decrypted on this system (was the keyring reset?); enter it again.`,
      );
    }
  }

  delete(name: string): void {
    const all = this.readAll();
    if (!(checkName(name) in all)) return;
    delete all[name];
    this.writeAll(all);
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.file)) return Object.create(null) as Record<string, string>;
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      const out = Object.create(null) as Record<string, string>;
      if (parsed && typeof parsed === 'object') {
        for (const [k, v] of Object.entries(parsed)) if (NAME.test(k) && typeof v === 'string') out[k] = v;
      }
      return out;
    } catch {
      throw new LdError({
        code: 'SECRETS_FILE_INVALID',
        kind: 'internal',
        message: `${this.file} is not readable JSON; remove it and enter the server token again.`,
      });
    }
  }

  /** Temporary file, fsync, rename: a crash never leaves half a file; owner-only permissions. */
  private writeAll(all: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    writeFileAtomic.sync(this.file, JSON.stringify(all, null, 2), { mode: 0o600, fsync: true });
  }
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw inputError('SECRET_NAME_INVALID', `"${name.slice(0, 40)}" is not a secret name.`);
  return name;
}

const describe = (name: string): string => (name === TOKEN_SECRET ? 'server token' : `secret "${name}"`);
