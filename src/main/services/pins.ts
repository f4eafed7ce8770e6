// The root certificate of each server we connect to, pinned on first use (its SHA-256 is shown to
// the user) in the data folder, one file per server. Every answer in connected mode is checked
// against it, as the PBX will check it; a server that later presents another root is refused by
// name instead of being trusted again silently. The desktop and `licence-desk login` share the pins.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Client } from '../../authority/client';
import { fromPem, toPem } from '../../licensing/pem';
import { err } from '../../shared/errors';
import { serverKey } from './secrets';

const PIN_DIR = 'server-roots';

export const sha256 = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');

export const pinnedRootFile = (dataDir: string, serverUrl: string): string =>
  join(dataDir, PIN_DIR, `${sha256(Buffer.from(serverKey(serverUrl))).slice(0, 24)}.pem`);

/** The server's root, fetched once: exactly the bytes whose fingerprint the user sees are pinned. */
export async function fetchServerRoot(client: Client): Promise<Uint8Array> {
  const blocks = fromPem((await client.call('ca.root', {})).pem);
  const root = blocks[0];
  if (!root || blocks.length !== 1 || root.label !== 'CERTIFICATE') throw err.SERVER_ROOT_INVALID();
  return root.der;
}

export function readPin(dataDir: string, serverUrl: string): Uint8Array | undefined {
  const file = pinnedRootFile(dataDir, serverUrl);
  return existsSync(file) ? fromPem(readFileSync(file, 'utf8'))[0]?.der : undefined;
}

/** Refuses a root other than the one already pinned for this server. */
export function checkPin(dataDir: string, serverUrl: string, root: Uint8Array): void {
  const pinned = readPin(dataDir, serverUrl);
  if (pinned && sha256(pinned) !== sha256(root)) {
    throw err.SERVER_ROOT_CHANGED({
      server: serverKey(serverUrl),
      rootHash: sha256(root).slice(0, 16),
      pinnedHash: sha256(pinned).slice(0, 16),
    });
  }
}

export function pinRoot(dataDir: string, serverUrl: string, root: Uint8Array): void {
  mkdirSync(join(dataDir, PIN_DIR), { recursive: true, mode: 0o700 });
  writeFileAtomic.sync(pinnedRootFile(dataDir, serverUrl), toPem('CERTIFICATE', root), { fsync: true, mode: 0o600 });
}

export const forgetPin = (dataDir: string, serverUrl: string): void =>
  rmSync(pinnedRootFile(dataDir, serverUrl), { force: true });
