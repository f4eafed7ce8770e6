// Which authority a command talks to: the embedded one in --data (on its own SQLite file, or on
// --database, e.g. a server's PostgreSQL), or a server (--server, with --token or
// LICENCE_DESK_TOKEN for CI, else the token `licence-desk login` keeps in the OS keychain; the
// server's root must then still be the one pinned at login).
import type { Command } from 'commander';
import { err } from '../shared/errors';
import type { Client } from '../authority/client';
import { defaultDataDir } from '../authority/data-dir';
import { requestTimeoutMs } from '../authority/http/timeout';

interface Globals {
  data?: string;
  database?: string;
  server?: string;
  token?: string;
}

export const dataDir = (cmd: Command): string => (cmd.optsWithGlobals() as Globals).data ?? defaultDataDir();

/** --database: a SQLite file or a postgres:// URL instead of the data folder's own database. */
export function databaseOption(cmd: Command): string | undefined {
  const g = cmd.optsWithGlobals() as Globals;
  if (g.database && g.server) throw err.OPTION_CONFLICT({ variant: 'database' });
  return g.database;
}

/** Each kind of client is imported when a command first needs it: --server never loads the embedded authority. */
export async function openClient(cmd: Command): Promise<Client> {
  const g = cmd.optsWithGlobals() as Globals;
  const database = databaseOption(cmd);
  if (!g.server) {
    const [{ embeddedClient }, { cliSealer }] = await Promise.all([import('../authority/client'), import('./sealer')]);
    return embeddedClient(dataDir(cmd), database, await cliSealer(dataDir(cmd)));
  }
  const { httpClient } = await import('../authority/http/client');
  const given = g.token ?? process.env.LICENCE_DESK_TOKEN;
  if (given) return httpClient({ url: g.server, token: given, timeoutMs: requestTimeoutMs() });
  const [{ osKeychain }, { checkPin, fetchServerRoot }, { serverTokens }] = await Promise.all([
    import('../main/services/keychain'),
    import('../main/services/pins'),
    import('../main/services/secrets'),
  ]);
  const stored = await serverTokens(osKeychain()).get(g.server);
  const client = httpClient({ url: g.server, ...(stored ? { token: stored } : {}), timeoutMs: requestTimeoutMs() });
  if (stored) checkPin(dataDir(cmd), g.server, await fetchServerRoot(client));
  return client;
}

/** Opens the client for one command and always closes it (queued writes are drained first). */
export async function withClient<T>(cmd: Command, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = await openClient(cmd);
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}
