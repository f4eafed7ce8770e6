// Connected mode: the desktop works against a `licence-desk serve` instead of its own embedded
// authority. Connecting checks everything before it changes anything: the server answers as a
// Licence Desk authority, its root is the one pinned before (if any), the token is accepted. Only
// then are the token stored in the OS keychain, the server's root pinned (trust on first use; its
// fingerprint is shown to the user) and the mode switched. Every answer from then on is checked
// against that pinned root, exactly as the PBX will check it.
import { httpClient } from '../../authority/http/client';
import { requestTimeoutMs } from '../../authority/http/timeout';
import { err } from '../../shared/errors';
import { clientAuthorityServices } from './authority-client';
import { checkPin, fetchServerRoot, forgetPin, pinRoot, readPin, sha256 } from './pins';
import { serverKey, type ServerTokens } from './secrets';
import type { AuthorityServices } from './types';

export interface ConnectRequest {
  serverUrl: string;
  token: string;
}

/** Checks the server, its root and the token (a real call with it); returns the root. */
export async function checkServer(dataDir: string, req: ConnectRequest): Promise<Uint8Array> {
  const client = httpClient({ url: req.serverUrl, token: req.token, timeoutMs: requestTimeoutMs() });
  await client.call('system.health', {});
  const root = await fetchServerRoot(client);
  checkPin(dataDir, req.serverUrl, root);
  await client.call('devices.list', {}); // the token is a reseller's and is accepted
  return root;
}

/** Checks the server and the token, then stores the token and pins the root. Returns the root's SHA-256. */
export async function connect(
  dataDir: string,
  tokens: ServerTokens,
  req: ConnectRequest,
): Promise<{ services: AuthorityServices; rootSha256: string }> {
  const root = await checkServer(dataDir, req);
  await tokens.set(req.serverUrl, req.token); // refuses where no real keychain exists
  pinRoot(dataDir, req.serverUrl, root);
  const client = httpClient({ url: req.serverUrl, token: req.token, timeoutMs: requestTimeoutMs() });
  return { services: clientAuthorityServices('connected', client, root), rootSha256: sha256(root) };
}

/** Reopens connected mode at start-up from the token in the keychain and the pinned root. */
export async function reopen(dataDir: string, tokens: ServerTokens, serverUrl: string): Promise<AuthorityServices> {
  const token = await tokens.get(serverUrl);
  if (!token) {
    throw err.TOKEN_NOT_IN_KEYCHAIN({ server: serverKey(serverUrl), serverUrl });
  }
  const root = readPin(dataDir, serverUrl);
  if (!root) {
    throw err.CONNECTION_INCOMPLETE();
  }
  return clientAuthorityServices(
    'connected',
    httpClient({ url: serverUrl, token, timeoutMs: requestTimeoutMs() }),
    root,
  );
}

/** Removes the token, then the pin: a keychain that refuses leaves everything as it was. */
export async function forget(dataDir: string, tokens: ServerTokens, serverUrl: string): Promise<void> {
  await tokens.delete(serverUrl);
  forgetPin(dataDir, serverUrl);
}
