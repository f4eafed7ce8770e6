// Opening the services for one data folder, the same way for the Electron app and browser mode:
// settings first (they say which mode), then the authority for that mode.
import { defaultCatalogue } from '../../licensing/catalogue';
import { openEmbeddedAuthority } from './embedded';
import { localServices } from './local';
import { SettingsStore } from './settings';
import type { OpenServices } from './types';

export interface OpenOptions {
  dataDir: string;
  runtime: 'electron' | 'browser';
  name: string;
  version: string;
  /** Given by the Electron shell so it can remember window bounds in the same file. */
  settings?: SettingsStore;
}

export async function openServices(opts: OpenOptions): Promise<OpenServices> {
  const settings = opts.settings ?? new SettingsStore(opts.dataDir);
  // Connected mode is not built yet: settings:set refuses it, so only embedded is ever opened.
  const authority = await openEmbeddedAuthority(opts.dataDir);
  const local = localServices({ ...opts, mode: authority.mode, catalogue: defaultCatalogue(), settings });
  const { mode: _mode, close, ...channels } = authority;
  return { ...local, ...channels, close };
}
