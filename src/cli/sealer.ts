// The CLI's sealers: the data folder's (main/services/key-sealer.ts, with a prompt on a terminal)
// and the root key's (LICENCE_DESK_ROOT_PASSPHRASE, a prompt, or the data folder's).
import { readFileSync, existsSync } from 'node:fs';
import { makeSealer, sealedKind, type KeySealer } from '../authority/keys/sealer';
import { openKeySealer, rootKeySealer } from '../main/services/key-sealer';
import { ttyPrompt } from './prompt';

export const cliSealer = (dataDir: string): Promise<KeySealer> => {
  const ask = ttyPrompt();
  return openKeySealer(dataDir, ask ? { prompt: ask } : {});
};

/** For opening a kept root key file: a passphrase-sealed one is asked for on a terminal when no variable gives it. */
export async function cliRootSealer(keys: KeySealer, rootFile: string | undefined): Promise<KeySealer> {
  const env = process.env;
  const ask = ttyPrompt();
  const passphraseSealed = !!rootFile && existsSync(rootFile) && sealedKind(readFileSync(rootFile)) === 'scrypt';
  if (!env.LICENCE_DESK_ROOT_PASSPHRASE && passphraseSealed && ask && !env.LICENCE_DESK_PASSPHRASE)
    return makeSealer({
      passphrase: await ask('Passphrase of the root key: '),
      passphraseSource: 'the root passphrase typed',
      env,
    });
  return rootKeySealer(keys, env);
}
