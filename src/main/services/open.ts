// Opening the services for one data folder, the same way for the Electron app and browser mode:
// settings first (they say which mode), then the authority for that mode. The authority can be
// switched while the app runs (connect to a server, or back to the embedded one), so its channels
// go through one holder.
import { defaultCatalogue } from '../../licensing/catalogue';
import { AUTHORITY_CHANNELS, methodOf } from '../../shared/ipc/contract';
import { connect, forget, reopen } from './connection';
import { dataServices, type PickFile } from './data';
import { openKeySealer } from './key-sealer';
import type { KeySealer } from '../../authority/keys/sealer';
import { openEmbeddedAuthority } from './embedded';
import { localServices } from './local';
import { osKeychain } from './keychain';
import { serverTokens, type ServerTokens } from './secrets';
import { SettingsStore } from './settings';
import type { AuthorityServices, OpenServices, Services } from './types';

export interface OpenOptions {
  dataDir: string;
  runtime: 'electron' | 'browser';
  name: string;
  version: string;
  /** Given by the Electron shell so it can remember window bounds in the same file. */
  settings?: SettingsStore;
  /** Server tokens; the OS keychain unless a test about something else passes a fake. */
  tokens?: ServerTokens;
  /** The system's save/open dialog for backups (the Electron shell); browser mode types the path. */
  pickFile?: PickFile;
  /** Asks for the keys' passphrase where no keychain answers (`licence-desk ui` on a terminal). */
  askPassphrase?: (question: string) => Promise<string>;
}

export async function openServices(opts: OpenOptions): Promise<OpenServices> {
  const settings = opts.settings ?? new SettingsStore(opts.dataDir);
  const tokens = opts.tokens ?? serverTokens(osKeychain());
  const current = settings.get();
  // One sealer for the whole run, so a passphrase typed at start is not asked again on reconnects.
  let sealer: Promise<KeySealer> | undefined;
  const keys = (fresh = false) => {
    if (fresh || !sealer)
      sealer = openKeySealer(opts.dataDir, { fresh, ...(opts.askPassphrase ? { prompt: opts.askPassphrase } : {}) });
    return sealer;
  };
  const embedded = async () => openEmbeddedAuthority(opts.dataDir, await keys());
  let authority: AuthorityServices =
    current.mode === 'connected' ? await reopen(opts.dataDir, tokens, current.serverUrl) : await embedded();
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
      const { services, rootSha256 } = await connect(opts.dataDir, tokens, input);
      await swap(services);
      return { ...settings.set({ mode: 'connected', serverUrl: input.serverUrl }), rootSha256 };
    },
    async connectionDisconnect() {
      const { mode, serverUrl } = settings.get();
      if (mode === 'connected') await forget(opts.dataDir, tokens, serverUrl);
      await swap(await embedded());
      return settings.set({ mode: 'embedded' });
    },
  };
  const data = dataServices({
    dataDir: opts.dataDir,
    mode: () => authority.mode,
    ...(opts.pickFile ? { pickFile: opts.pickFile } : {}),
    sealer: keys,
    async reopenAround(fn) {
      await authority.close();
      try {
        return fn();
      } finally {
        authority = await embedded();
      }
    },
  });
  return { ...local, ...channels, ...connection, ...data, close: () => authority.close() } as OpenServices;
}
