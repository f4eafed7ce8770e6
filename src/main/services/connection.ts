// Connected mode: the desktop works against a `licence-desk serve` instead of its own embedded
// authority. Connecting checks everything before it changes anything: the server answers as a
// Licence Desk authority, the token is accepted, the token can be kept in the OS keychain. Only
// then are the token stored, the server's root pinned (trust on first use; its fingerprint is
// shown to the user) and the mode switched. Every answer from then on is checked against that
// pinned root, exactly as the PBX will check it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { httpClient } from '../../authority/http/client';
import { requestTimeoutMs } from '../../authority/http/timeout';
import { fromPem, toPem } from '../../licensing/pem';
import { ruleError } from '../../shared/errors';
import { clientAuthorityServices } from './authority-client';
import { TOKEN_SECRET, type SecretStore } from './secrets';
import type { AuthorityServices } from './types';

const pinnedRootFile = (dataDir: string) => join(dataDir, 'connected-root.pem');

export interface ConnectRequest {
  serverUrl: string;
  token: string;
}

/** The browser has no OS keychain: connected mode needs the desktop app. */
export function requireSecrets(secrets: SecretStore | undefined): SecretStore {
  if (!secrets) {
    throw ruleError(
      'SECRET_STORAGE_UNAVAILABLE',
      "Connected mode keeps the server token in the operating system's keychain, which browser mode cannot reach: use the desktop app to connect to a server.",
    );
  }
  return secrets;
}

/** Checks the server and the token, then stores the token and pins the root. Returns the root's SHA-256. */
export async function connect(
  dataDir: string,
  secrets: SecretStore | undefined,
  req: ConnectRequest,
): Promise<{ services: AuthorityServices; rootSha256: string }> {
  const store = requireSecrets(secrets);
  const client = httpClient({ url: req.serverUrl, token: req.token, timeoutMs: requestTimeoutMs() });
  await client.call('system.health', {});
  // Fetched once: exactly the bytes whose fingerprint the user is shown are the ones pinned.
  const rootPem = (await client.call('ca.root', {})).pem;
  const blocks = fromPem(rootPem);
  const root = blocks[0];
  if (!root || blocks.length !== 1 || root.label !== 'CERTIFICATE')
    throw ruleError('SERVER_ROOT_INVALID', 'The server did not send exactly one root certificate.');
  await client.call('devices.list', {}); // the token is a reseller's and is accepted
  store.set(TOKEN_SECRET, req.token); // refuses where only plain-text storage exists
  writeFileAtomic.sync(pinnedRootFile(dataDir), toPem('CERTIFICATE', root.der), { fsync: true });
  return { services: clientAuthorityServices('connected', client, root.der), rootSha256: sha256(root.der) };
}

/** Reopens connected mode at start-up from the stored token and the pinned root. */
export function reopen(dataDir: string, secrets: SecretStore | undefined, serverUrl: string): AuthorityServices {
  const token = requireSecrets(secrets).get(TOKEN_SECRET);
  if (!token || !existsSync(pinnedRootFile(dataDir))) {
    throw ruleError(
      'CONNECTION_INCOMPLETE',
      'Connected mode has no stored token or pinned root: connect to the server again.',
    );
  }
  const root = fromPem(readFileSync(pinnedRootFile(dataDir), 'utf8'))[0]!;
  return clientAuthorityServices(
    'connected',
    httpClient({ url: serverUrl, token, timeoutMs: requestTimeoutMs() }),
    root.der,
  );
}

export function forget(dataDir: string, secrets: SecretStore | undefined): void {
  secrets?.delete(TOKEN_SECRET);
  rmSync(pinnedRootFile(dataDir), { force: true });
}

const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
