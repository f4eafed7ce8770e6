// The operating system's keychain, one module for the desktop's main process, browser mode and the
// CLI: @napi-rs/keyring talks to the Secret Service on Linux, the Keychain on macOS and the
// Credential Manager on Windows, from plain Node and from Electron alike. There is no fallback:
// where no real keychain answers (Linux without a Secret Service), storing and reading refuse with
// a message that says what to install, rather than keeping a secret in a file.
import { AsyncEntry } from '@napi-rs/keyring';
import { err, LdError } from '../../shared/errors';

/** The keychain's "service": every Licence Desk secret is an account under it. */
export const KEYCHAIN_SERVICE = 'Licence Desk';

export interface Keychain {
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry was there and is gone now. */
  delete(account: string): Promise<boolean>;
}

const NO_KEYCHAIN_HINT: Record<string, string> = {
  linux:
    'on Linux it needs a Secret Service in the desktop session: install and unlock GNOME Keyring (Debian: apt-get install gnome-keyring dbus-user-session) or KWallet; without a desktop, run inside dbus-run-session with gnome-keyring-daemon --unlock',
  darwin: 'unlock the login keychain in Keychain Access',
  win32: 'the Windows Credential Manager must be available for this user',
};

/** The keyring library's message for a store that is absent, locked or refuses us. */
const NO_ACCESS = /platform storage|NoStorageAccess|AccessDenied|locked|D-?Bus|org\.freedesktop/i;

export function keychainError(e: unknown, platform = process.platform): LdError {
  const detail = e instanceof Error ? e.message : String(e);
  if (NO_ACCESS.test(detail)) {
    return err.KEYCHAIN_UNAVAILABLE({
      detail: detail.slice(0, 120),
      hint: NO_KEYCHAIN_HINT[platform] ?? 'unlock the keychain',
    });
  }
  return err.KEYCHAIN_FAILED({ detail: detail.slice(0, 200) });
}

/** The real keychain. `service` is only ever changed by tests that must not meet each other's entries. */
export function osKeychain(service = KEYCHAIN_SERVICE, platform = process.platform): Keychain {
  // Pinned to the Secret Service on Linux: the kernel keyutils store forgets everything at logout.
  const entry = (account: string) =>
    new AsyncEntry(service, account, platform === 'linux' ? { linux: { store: 'secret-service' } } : undefined);
  const guarded = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw keychainError(e, platform);
    }
  };
  return {
    get: (account) => guarded(async () => (await entry(account).getPassword()) ?? undefined),
    set: (account, secret) => guarded(() => entry(account).setPassword(secret)),
    delete: (account) => guarded(() => entry(account).deleteCredential()),
  };
}
