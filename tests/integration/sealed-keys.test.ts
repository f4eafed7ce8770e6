// Sealed CA keys on real files: no private key in the data folder is ever plain text; each way of
// opening them wrongly is its own error; an older install's plaintext keys are sealed in place on
// its first open (said once); the keychain's wrapping key seals them where a keychain exists.
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { keyFile, KEY_NAMES } from '../../src/authority/keys/key-files';
import { makeSealer } from '../../src/authority/keys/sealer';
import { keychainError, osKeychain, type Keychain } from '../../src/main/services/keychain';
import { openKeySealer, WRAPPING_KEY_ACCOUNT } from '../../src/main/services/key-sealer';
import { tempDir } from '../support/fixtures';
import { skipWithoutKeychain, testKeychainService } from '../support/keyring';

const env = { LICENCE_DESK_SCRYPT_LOG2N: '10' };
const sealer = makeSealer({ passphrase: 'right passphrase', env });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

async function opened(dir: string, s = sealer) {
  const a = await Authority.open({ dataDir: dir, sealer: s });
  await a.close();
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as { code: string; message: string },
  );

afterEach(() => vi.restoreAllMocks());

describe('sealed CA keys', () => {
  it('init leaves no unencrypted private key in the data folder; every key file is sealed and 0600', async () => {
    const dir = tempDir();
    await Authority.init(dir, undefined, { sealer });
    await opened(dir); // makes the audit signer's key too
    const files = filesUnder(dir);
    for (const f of files) expect(readFileSync(f, 'latin1'), f).not.toMatch(/PRIVATE KEY/);
    for (const name of KEY_NAMES) {
      const f = keyFile(dir, name);
      expect(JSON.parse(readFileSync(f, 'utf8'))).toMatchObject({ format: 'licence-desk-sealed-key', kdf: 'scrypt' });
      expect(statSync(f).mode & 0o777).toBe(0o600);
    }
  });

  it('a wrong passphrase, none, an edited and a truncated key file each fail with their own code', async () => {
    const dir = tempDir();
    await Authority.init(dir, undefined, { sealer });
    const wrong = await failure(opened(dir, makeSealer({ passphrase: 'wrong', env })));
    expect(wrong).toMatchObject({ code: 'KEY_PASSPHRASE_WRONG' });
    expect(wrong!.message).toContain('LICENCE_DESK_PASSPHRASE');
    expect(await failure(opened(dir, makeSealer({ env })))).toMatchObject({ code: 'KEY_PASSPHRASE_MISSING' });

    const file = keyFile(dir, 'issuing.key');
    const original = readFileSync(file, 'utf8');
    const sealed = JSON.parse(original) as { data: string };
    const data = Buffer.from(sealed.data, 'base64');
    data[3] = data[3]! ^ 1;
    writeFileSync(file, JSON.stringify({ ...sealed, data: data.toString('base64') }), { mode: 0o600 });
    expect(await failure(opened(dir))).toMatchObject({ code: 'KEY_FILE_EDITED' });
    writeFileSync(file, original.slice(0, 100), { mode: 0o600 });
    expect(await failure(opened(dir))).toMatchObject({ code: 'KEY_FILE_INVALID' });
    writeFileSync(file, original, { mode: 0o600 });
    await opened(dir);
  });

  it('an install with plaintext keys is sealed in place on its first open, and says so once', async () => {
    const dir = tempDir();
    await Authority.init(dir, undefined, { sealer });
    await opened(dir);
    const pems = new Map<string, string>();
    for (const name of KEY_NAMES) {
      // What an older version left: the PEM under the old name, no sealed file.
      const pem = sealer.unseal(readFileSync(keyFile(dir, name)));
      pems.set(name, pem);
      writeFileSync(join(dir, 'ca', name), pem, { mode: 0o600 });
      unlinkSync(keyFile(dir, name));
    }
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await opened(dir);
    const said = stderr.mock.calls.map((c) => String(c[0])).filter((l) => l.includes('Sealed the plaintext'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('root.key');
    for (const name of KEY_NAMES) {
      expect(readdirSync(join(dir, 'ca'))).not.toContain(name);
      expect(sealer.unseal(readFileSync(keyFile(dir, name)))).toBe(pems.get(name));
    }
    stderr.mockClear();
    await opened(dir);
    expect(stderr.mock.calls.some((c) => String(c[0]).includes('Sealed the plaintext'))).toBe(false);
  });

  it('with no keychain and no passphrase: a specific error saying what to set', async () => {
    const dir = tempDir();
    const absent: Keychain = {
      get: () => Promise.reject(keychainError(new Error("Couldn't access platform storage: AccessDenied"), 'linux')),
      set: () => Promise.reject(keychainError(new Error('AccessDenied'), 'linux')),
      delete: () => Promise.reject(keychainError(new Error('AccessDenied'), 'linux')),
    };
    const e = await failure(openKeySealer(dir, { env: {}, keychain: absent }));
    expect(e).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(e!.message).toContain('LICENCE_DESK_PASSPHRASE');
    expect(await failure(Authority.init(dir, undefined, { sealer: makeSealer({ env }) }))).toMatchObject({
      code: 'KEY_SEALER_MISSING',
    });
    expect(readdirSync(join(dir, 'ca'))).toEqual([]);
  });

  it('passphrase-sealed keys never ask the keychain: without the passphrase, the error says to set it', async () => {
    const dir = tempDir();
    await Authority.init(dir, undefined, { sealer });
    const untouchable: Keychain = {
      get: () => Promise.reject(new Error('the keychain must not be asked')),
      set: () => Promise.reject(new Error('the keychain must not be asked')),
      delete: () => Promise.reject(new Error('the keychain must not be asked')),
    };
    const e = await failure(opened(dir, await openKeySealer(dir, { env: {}, keychain: untouchable })));
    expect(e).toMatchObject({ code: 'KEY_PASSPHRASE_MISSING' });
    expect(e!.message).toContain('LICENCE_DESK_PASSPHRASE');
    const typed = await openKeySealer(dir, { env, keychain: untouchable, prompt: async () => 'right passphrase' });
    await opened(dir, typed);
  });
});

describe('sealed under the OS keychain', async () => {
  const skip = await skipWithoutKeychain();
  it.skipIf(!!skip)(
    'the wrapping key is made at init; once its entry is deleted the keys cannot be opened',
    async () => {
      const keychain = osKeychain(testKeychainService());
      const dir = tempDir();
      try {
        const first = await openKeySealer(dir, { env: {}, keychain });
        expect(Buffer.from((await keychain.get(WRAPPING_KEY_ACCOUNT))!, 'base64')).toHaveLength(32);
        await Authority.init(dir, undefined, { sealer: first });
        expect(JSON.parse(readFileSync(keyFile(dir, 'issuing.key'), 'utf8'))).toMatchObject({ kdf: 'keychain' });
        await opened(dir, await openKeySealer(dir, { env: {}, keychain }));

        await keychain.delete(WRAPPING_KEY_ACCOUNT);
        const e = await failure(opened(dir, await openKeySealer(dir, { env: {}, keychain })));
        expect(e).toMatchObject({ code: 'KEY_WRAPPING_KEY_MISSING' });
        expect(e!.message).toMatch(/restore/i);
        expect(await keychain.get(WRAPPING_KEY_ACCOUNT)).toBeUndefined(); // no useless new key was made
      } finally {
        await keychain.delete(WRAPPING_KEY_ACCOUNT);
      }
    },
  );
});
