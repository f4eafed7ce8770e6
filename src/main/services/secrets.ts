// The secrets Licence Desk keeps, all in the OS keychain (keychain.ts) and nowhere else: today one
// kind, the API token for a licence server, one entry per server address. The desktop app, browser
// mode and the CLI (`licence-desk login`) read and write the same entries, so a token stored by
// one is found by the others.
import { err } from '../../shared/errors';
import type { Keychain } from './keychain';

/** The same server however it was typed: scheme, host, port and path, no trailing slash. */
export function serverKey(serverUrl: string): string {
  let u: URL;
  try {
    u = new URL(serverUrl);
  } catch {
    throw err.SERVER_URL_INVALID({ variant: 'address', serverUrl: serverUrl.slice(0, 100) });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw err.SERVER_URL_INVALID({ variant: 'protocol', protocol: u.protocol });
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

const account = (serverUrl: string) => `server-token ${serverKey(serverUrl)}`;

export interface ServerTokens {
  get(serverUrl: string): Promise<string | undefined>;
  set(serverUrl: string, token: string): Promise<void>;
  delete(serverUrl: string): Promise<boolean>;
}

export function serverTokens(keychain: Keychain): ServerTokens {
  return {
    get: async (url) => keychain.get(account(url)),
    set: async (url, token) => keychain.set(account(url), token),
    delete: async (url) => keychain.delete(account(url)),
  };
}
