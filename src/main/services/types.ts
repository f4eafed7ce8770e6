// The main process's services: one function per contract channel, plain TypeScript (no Electron),
// returning plain values and throwing LdError. The IPC handlers and browser mode call them only
// through the dispatcher, which validates what goes in and what comes out.
import type { AuthorityChannel, Channel, Input, Method, Output } from '../../shared/ipc/contract';

export type Services = { [K in Channel as Method<K>]: (input: Input<K>) => Promise<Output<K>> };

export type AuthorityServices = Pick<Services, Method<AuthorityChannel>> & {
  readonly mode: 'embedded' | 'connected';
  close(): Promise<void>;
};

/** Services plus the lifetime of what they opened (database, files). */
export type OpenServices = Services & { close(): Promise<void> };
