// The private keys of the data folder, on disk only sealed (sealer.ts): ca/issuing.key.sealed and
// ca/audit-signer.key.sealed; the root key in a file the user keeps (by default
// ca/root.key.sealed, to be moved offline). Installs from before sealing kept plaintext PEM
// (ca/issuing.key …): the first open with a sealer seals each in place, atomically — the sealed
// file is written and fsynced before the plaintext is removed, so a crash leaves one of the two.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { err } from '../../shared/errors';
import { writeFileAtomic } from '../files';
import { sealedKind, type KeySealer } from './sealer';

export const SEALED = '.sealed';
/** The keys a data folder may hold, by their plaintext name of old. */
export const KEY_NAMES = ['issuing.key', 'audit-signer.key', 'root.key'] as const;

export const keyFile = (dataDir: string, name: (typeof KEY_NAMES)[number]): string =>
  join(dataDir, 'ca', `${name}${SEALED}`);

export function writeSealedKey(file: string, key: KeyObject, sealer: KeySealer): void {
  writeFileAtomic(file, sealer.seal(key.export({ type: 'pkcs8', format: 'pem' }) as string), 0o600);
}

export function readSealedKey(file: string, sealer: KeySealer, what: string): KeyObject {
  if (!existsSync(file)) throw err.KEY_FILE_MISSING({ what, file });
  return createPrivateKey(sealer.unseal(readFileSync(file), file));
}

/** Plaintext keys of an older install, sealed in place; returns the names sealed (for a one-time message). */
export function sealPlaintextKeys(dataDir: string, sealer: KeySealer): string[] {
  const sealed: string[] = [];
  for (const name of KEY_NAMES) {
    const plain = join(dataDir, 'ca', name);
    if (!existsSync(plain)) continue;
    const target = `${plain}${SEALED}`;
    // A sealed copy from an interrupted earlier run counts only if it opens to the same key.
    const pem = readFileSync(plain, 'utf8');
    const done = existsSync(target) && sameKey(sealer.unseal(readFileSync(target), target), pem);
    if (!done)
      writeFileAtomic(target, sealer.seal(createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem' }) as string));
    unlinkSync(plain);
    sealed.push(name);
  }
  return sealed;
}

const sameKey = (a: string, b: string): boolean =>
  createPrivateKey(a)
    .export({ type: 'pkcs8', format: 'der' })
    .equals(createPrivateKey(b).export({ type: 'pkcs8', format: 'der' }));

/** Which way the folder's keys are sealed (the first sealed key found decides), if any are. */
export function sealedKeysKind(dataDir: string): 'keychain' | 'scrypt' | undefined {
  for (const name of KEY_NAMES) {
    const file = keyFile(dataDir, name);
    if (existsSync(file)) {
      const kind = sealedKind(readFileSync(file));
      if (kind) return kind;
    }
  }
  return undefined;
}

export const sealedMessage = (dataDir: string, names: string[], sealer: KeySealer): string =>
  `Sealed the plaintext private keys in ${join(dataDir, 'ca')} (${names.join(', ')}) under ${sealer.describe}; no unencrypted private key is left there.${
    names.includes('root.key')
      ? ` The root key is now ${basename(keyFile(dataDir, 'root.key'))}: move it offline (it is needed only for "licence-desk ca rotate --root FILE").`
      : ''
  }`;
