// Opening the services for one data folder, the same way for the Electron app and browser mode:
// settings first (they say which mode), then the authority for that mode. The authority can be
// switched while the app runs (connect to a server, or back to the embedded one), so its channels
// go through one holder.
import { defaultCatalogue } from '../../licensing/catalogue';
import { AUTHORITY_CHANNELS, methodOf } from '../../shared/ipc/contract';
import { connect, forget, reopen } from './connection';
import { openEmbeddedAuthority } from './embedded';
import { localServices } from './local';
import type { SecretStore } from './secrets';
import { SettingsStore } from './settings';
import type { AuthorityServices, OpenServices, Services } from './types';

export interface OpenOptions {
  dataDir: string;
  runtime: 'electron' | 'browser';
  name: string;
  version: string;
  /** Given by the Electron shell so it can remember window bounds in the same file. */
  settings?: SettingsStore;
  /** The OS keychain (Electron's safeStorage); absent in browser mode, so no connected mode there. */
  secrets?: SecretStore;
}

export async function openServices(opts: OpenOptions): Promise<OpenServices> {
  const settings = opts.settings ?? new SettingsStore(opts.dataDir);
  const current = settings.get();
  let authority: AuthorityServices =
    current.mode === 'connected'
      ? reopen(opts.dataDir, opts.secrets, current.serverUrl)
      : await openEmbeddedAuthority(opts.dataDir);
  const swap = async (next: AuthorityServices) => {
    const old = authority;
    authority = next;
    await old.close();
  };
  const local = localServices({ ...opts, mode: () => authority.mode, catalogue: defaultCatalogue(), settings });
  // Looked up on every call, so a switch of authority takes effect at once.
  const channels = Object.fromEntries(
    AUTHORITY_CHANNELS.map((ch) => {
      const m = methodOf(ch);
      return [m, (input: never) => (authority[m] as (i: never) => Promise<unknown>)(input)];
    }),
  );
  const connection: Pick<Services, 'connectionConnect' | 'connectionDisconnect'> = {
    async connectionConnect(input) {
      const { services, rootSha256 } = await connect(opts.dataDir, opts.secrets, input);
      await swap(services);
      return { ...settings.set({ mode: 'connected', serverUrl: input.serverUrl }), rootSha256 };
    },
    async connectionDisconnect() {
      await swap(await openEmbeddedAuthority(opts.dataDir));
      forget(opts.dataDir, opts.secrets);
      return settings.set({ mode: 'embedded' });
    },
  };
  return { ...local, ...channels, ...connection, close: () => authority.close() } as OpenServices;
}
