// The channels main answers itself in either mode: what the app is, settings, and reading a
// pasted code (pure parsing: it needs no authority and never signs anything).
import type { Catalogue } from '../../licensing/catalogue';
import { inspectCode } from '../../licensing/inspect';
import { err } from '../../shared/errors';
import type { Input, Output } from '../../shared/ipc/contract';
import type { SettingsStore } from './settings';
import type { Services } from './types';

export type LocalServices = Pick<Services, 'appInfo' | 'codesInspect' | 'settingsGet' | 'settingsSet'>;

export interface LocalContext {
  name: string;
  version: string;
  runtime: 'electron' | 'browser';
  /** The authority's mode now (it changes when the user connects or disconnects). */
  mode: () => 'embedded' | 'connected';
  catalogue: Catalogue;
  settings: SettingsStore;
  dataDir: string;
}

export function localServices(ctx: LocalContext): LocalServices {
  return {
    appInfo: async () => ({
      name: ctx.name,
      version: ctx.version,
      runtime: ctx.runtime,
      mode: ctx.mode(),
      catalogue: catalogueSummary(ctx.catalogue),
      dataDir: ctx.dataDir,
    }),
    codesInspect: async (input: Input<'codes:inspect'>) =>
      inspectCode(input.code, ctx.catalogue) as Output<'codes:inspect'>,
    settingsGet: async () => ctx.settings.get(),
    settingsSet: async (input: Input<'settings:set'>) => {
      // Refused before anything is written, so the settings file never names a mode that cannot run.
      // The server address goes with the stored token: only connecting (which checks the server and
      // the token first) may change it, or a renderer could send the token anywhere on next start.
      const current = ctx.settings.get();
      if (
        (input.mode !== undefined && input.mode !== current.mode) ||
        (input.serverUrl !== undefined && input.serverUrl !== current.serverUrl)
      ) {
        throw err.MODE_CHANGE_NEEDS_CONNECT();
      }
      return ctx.settings.set(input);
    },
  };
}

function catalogueSummary(cat: Catalogue): Output<'app:info'>['catalogue'] {
  return {
    models: cat.models.map((m) => ({
      id: m.id,
      name: m.name,
      vendor: m.vendor,
      features: [...m.features],
      ...(m.shopUrl ? { shopUrl: m.shopUrl } : {}),
    })),
    features: cat.features.map((f) => ({
      number: f.number,
      id: f.id,
      name: f.name,
      kind: f.kind,
      ...(f.names ? { names: { ...f.names } } : {}),
    })),
  };
}
