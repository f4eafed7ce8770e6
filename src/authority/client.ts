// How the CLI and the desktop app reach an authority: in-process (embedded) or over HTTP.
// Both validate with the same contract; callers cannot tell them apart except by speed.
import type { OpName, OpOutput } from '../shared/api';
import { Authority } from './authority';
import type { KeySealer } from './keys/sealer';

export interface Client {
  call<N extends OpName>(name: N, input: unknown): Promise<OpOutput<N>>;
  close(): Promise<void>;
}

/** The authority in dataDir; its database is dataDir's SQLite file unless `database` names another (or a postgres:// URL). */
export async function embeddedClient(dataDir: string, database?: string, sealer?: KeySealer): Promise<Client> {
  const authority = await Authority.open({ dataDir, ...(database ? { database } : {}), ...(sealer ? { sealer } : {}) });
  return { call: (name, input) => authority.call(name, input), close: () => authority.close() };
}
