// Which authority a command talks to: the embedded one in --data, or a server (--server, --token).
import type { Command } from 'commander';
import { embeddedClient, type Client } from '../client';
import { defaultDataDir } from '../data-dir';
import { httpClient } from '../http/client';

interface Globals { data?: string; server?: string; token?: string }

export const dataDir = (cmd: Command): string => (cmd.optsWithGlobals() as Globals).data ?? defaultDataDir();

export function openClient(cmd: Command): Promise<Client> {
  const g = cmd.optsWithGlobals() as Globals;
  const token = g.token ?? process.env.LICENCE_DESK_TOKEN;
  if (g.server) return Promise.resolve(httpClient({ url: g.server, ...(token ? { token } : {}) }));
  return embeddedClient(dataDir(cmd));
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
