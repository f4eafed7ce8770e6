// The secret store with a fake safeStorage: it refuses to store where only basic_text (a fixed,
// public key) would "protect" the token, and says why; it never writes the token in clear.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SafeStorageSecretStore,
  secretStorageProblem,
  TOKEN_SECRET,
  type SafeStorageLike,
} from '../../src/main/services/secrets';
import { makeTempDir } from './support';

/** Reversible but not plain text, so a test can tell encrypted from clear. */
function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    ...(backend !== undefined ? { getSelectedStorageBackend: () => backend } : {}),
    encryptString: (s) => Buffer.from(`enc:${Buffer.from(s).toString('hex')}`),
    decryptString: (b) => {
      const text = b.toString();
      if (!text.startsWith('enc:')) throw new Error('cannot decrypt');
      return Buffer.from(text.slice(4), 'hex').toString();
    },
  };
}

let temp: ReturnType<typeof makeTempDir> | undefined;
const dir = () => (temp ??= makeTempDir('ld-secrets-')).dir;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

describe('SafeStorageSecretStore', () => {
  it.each(['basic_text', 'unknown'])('refuses to store on Linux when the backend is %s, and says why', (backend) => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(backend), dir(), 'linux');
    expect(() => store.set(TOKEN_SECRET, 'T0P-SECRET')).toThrow(
      expect.objectContaining({
        code: 'SECRET_STORAGE_UNSAFE',
        message: expect.stringContaining(`"${backend}"`),
      }),
    );
    expect(existsSync(join(dir(), 'secrets.json'))).toBe(false);
  });

  it('is the name connected mode uses, and its refusals call it the server token', () => {
    expect(TOKEN_SECRET).toBe('server.token');
    const store = new SafeStorageSecretStore(fakeSafeStorage('basic_text'), dir(), 'linux');
    expect(() => store.set(TOKEN_SECRET, 'x')).toThrow(/will not store the server token: /);
    expect(() => store.set('other.secret', 'x')).toThrow(/will not store the secret "other\.secret": /);
    writeFileSync(join(dir(), 'secrets.json'), JSON.stringify({ [TOKEN_SECRET]: 'AAAA' }));
    expect(() => new SafeStorageSecretStore(fakeSafeStorage('kwallet'), dir(), 'linux').get(TOKEN_SECRET)).toThrow(
      /The stored server token cannot be decrypted/,
    );
  });

  it('refuses when the system offers no encryption at all', () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(undefined, false), dir(), 'win32');
    expect(() => store.set(TOKEN_SECRET, 'x')).toThrow(expect.objectContaining({ code: 'SECRET_STORAGE_UNSAFE' }));
  });

  it.each([
    ['linux', 'gnome_libsecret'],
    ['linux', 'kwallet6'],
    ['darwin', undefined],
    ['win32', undefined],
  ] as const)('stores and reads back on %s (%s), encrypted and owner-only', (platform, backend) => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(backend), dir(), platform);
    store.set(TOKEN_SECRET, 'T0P-SECRET');
    const file = join(dir(), 'secrets.json');
    expect(readFileSync(file, 'utf8')).not.toContain('T0P-SECRET');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new SafeStorageSecretStore(fakeSafeStorage(backend), dir(), platform).get(TOKEN_SECRET)).toBe('T0P-SECRET');
    store.delete(TOKEN_SECRET);
    expect(store.get(TOKEN_SECRET)).toBeUndefined();
  });

  it('says so when a stored secret cannot be decrypted any more', () => {
    writeFileSync(
      join(dir(), 'secrets.json'),
      JSON.stringify({ [TOKEN_SECRET]: Buffer.from('garbage').toString('base64') }),
    );
    const store = new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), dir(), 'linux');
    expect(() => store.get(TOKEN_SECRET)).toThrow(expect.objectContaining({ code: 'SECRET_UNREADABLE' }));
  });

  it('ignores prototype keys in a tampered file and refuses odd names', () => {
    writeFileSync(join(dir(), 'secrets.json'), '{"__proto__":{"polluted":"x"},"constructor":"y"}');
    const store = new SafeStorageSecretStore(fakeSafeStorage('kwallet'), dir(), 'linux');
    expect(store.get(TOKEN_SECRET)).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => store.set('__proto__', 'x')).toThrow(expect.objectContaining({ code: 'SECRET_NAME_INVALID' }));
  });

  it('explains the problem without a store, for a settings screen', () => {
    expect(secretStorageProblem(fakeSafeStorage('basic_text'), 'linux')).toMatch(/keyring/);
    expect(secretStorageProblem(fakeSafeStorage('gnome_libsecret'), 'linux')).toBeUndefined();
  });
});
