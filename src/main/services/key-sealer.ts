// What seals the authority's private keys on this machine, chosen the same way for the desktop
// app, browser mode and the CLI: LICENCE_DESK_PASSPHRASE when set (a server, CI: the keychain is
// then never touched), else the OS keychain's wrapping key (entry "ca.wrapping-key", 32 random
// bytes made the first time a data folder without keychain-sealed keys is opened). No keychain
// and no passphrase: a specific error, never plain text. The root key has its own passphrase
// (LICENCE_DESK_ROOT_PASSPHRASE); without one it is sealed like the other keys.
import { randomBytes } from 'node:crypto';
import { sealedKeysKind } from '../../authority/keys/key-files';
import { makeSealer, type KeySealer } from '../../authority/keys/sealer';
import { err, isLdError } from '../../shared/errors';
import { osKeychain, type Keychain } from './keychain';

export const WRAPPING_KEY_ACCOUNT = 'ca.wrapping-key';

export interface SealerOptions {
  env?: NodeJS.ProcessEnv;
  keychain?: Keychain;
  /** Asks for a passphrase when neither the variable nor the keychain gives one (the CLI on a terminal). */
  prompt?: (question: string) => Promise<string>;
  /** Restoring: a wrapping key that is gone is replaced by a new one, since the restored keys are sealed afresh. */
  fresh?: boolean;
}

export async function openKeySealer(dataDir: string, o: SealerOptions = {}): Promise<KeySealer> {
  const env = o.env ?? process.env;
  if (env.LICENCE_DESK_PASSPHRASE) return makeSealer({ passphrase: env.LICENCE_DESK_PASSPHRASE, env });
  const kind = sealedKeysKind(dataDir);
  // Passphrase-sealed keys never need the keychain: asked for, or refused with KEY_PASSPHRASE_MISSING.
  if (kind === 'scrypt') {
    if (!o.prompt) return makeSealer({ env });
    const passphrase = await o.prompt('Passphrase of the authority keys: ');
    return makeSealer({ passphrase, passphraseSource: 'the passphrase typed', env });
  }
  try {
    return await keychainSealer(o.keychain ?? osKeychain(), o.fresh ? undefined : kind, env);
  } catch (e) {
    if (!isLdError(e) || e.code !== 'KEYCHAIN_UNAVAILABLE') throw e;
    if (o.prompt)
      return makeSealer({
        passphrase: await o.prompt('Passphrase of the authority keys: '),
        passphraseSource: 'the passphrase typed',
        env,
      });
    throw err.KEYCHAIN_UNAVAILABLE({
      detail: String(e.params.detail),
      hint: `${String(e.params.hint)}; the authority's keys are sealed under the keychain, and where there is none (a server, CI) LICENCE_DESK_PASSPHRASE seals them instead`,
    });
  }
}

async function keychainSealer(keychain: Keychain, kind: 'keychain' | 'scrypt' | undefined, env: NodeJS.ProcessEnv) {
  const stored = await keychain.get(WRAPPING_KEY_ACCOUNT);
  const key = stored ? Buffer.from(stored, 'base64') : undefined;
  if (key && key.length === 32) return makeSealer({ wrappingKey: key, env });
  // Keys sealed under a wrapping key that is gone: a new one would open nothing, so none is made.
  if (kind === 'keychain') return makeSealer({ wrappingKeyMissing: true, env });
  const fresh = randomBytes(32);
  await keychain.set(WRAPPING_KEY_ACCOUNT, fresh.toString('base64'));
  return makeSealer({ wrappingKey: fresh, env });
}

/** The root key's sealer: its own passphrase if given, else the data folder's (documented in docs/keys.md). */
export function rootKeySealer(keys: KeySealer, env: NodeJS.ProcessEnv = process.env): KeySealer {
  const passphrase = env.LICENCE_DESK_ROOT_PASSPHRASE;
  if (!passphrase) return keys;
  return makeSealer({ passphrase, passphraseSource: 'LICENCE_DESK_ROOT_PASSPHRASE', env });
}
