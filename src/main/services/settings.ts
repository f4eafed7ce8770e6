// User settings in settings.json in the user-data folder, through `conf` (electron-store's base,
// which runs in plain Node, so browser mode and tests use the very same store). conf validates
// every write against a JSON schema, derived here from the zod schema of the file; a file broken by
// hand is replaced by the defaults rather than stopping the app from starting. conf writes through
// `atomically` (temp file, fsync, rename), so a crash never leaves half a settings file.
import Conf, { type Schema } from 'conf';
import { z } from 'zod';
import type { Settings, SettingsPatch } from '../../shared/ipc/contract';
import { LANGUAGES, LIMITS, MODES, THEMES } from '../../shared/ipc/contract';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

// conf wants an index signature; a type alias (not an interface) gets one implicitly.
type Stored = Settings & { window: WindowBounds };

export const DEFAULT_SETTINGS: Settings = {
  mode: 'embedded',
  serverUrl: '',
  language: 'en',
  theme: 'system',
  eulaAcceptedVersion: null,
};
export const DEFAULT_WINDOW: WindowBounds = { width: 1100, height: 720, maximized: false };

const coordinate = z.int().min(-100_000).max(100_000);
const size = z.int().min(200).max(20_000);

/** The shape of settings.json. The contract checks what the renderer sends; this, what is on disk. */
const StoredSettings = z.object({
  mode: z.enum(MODES).default(DEFAULT_SETTINGS.mode),
  serverUrl: z.string().max(LIMITS.url).default(DEFAULT_SETTINGS.serverUrl),
  language: z.enum(LANGUAGES).default(DEFAULT_SETTINGS.language),
  theme: z.enum(THEMES).default(DEFAULT_SETTINGS.theme),
  // Licence Desk's own licence agreement (the first-start gate), not a MIKO registration's EULA.
  eulaAcceptedVersion: z.string().max(40).nullable().default(DEFAULT_SETTINGS.eulaAcceptedVersion),
  window: z
    .strictObject({
      x: coordinate.optional(),
      y: coordinate.optional(),
      width: size,
      height: size,
      maximized: z.boolean(),
    })
    .default(DEFAULT_WINDOW),
});

/** JSON schema (ajv, inside conf), one entry per top-level key as conf expects. */
export const SETTINGS_SCHEMA = z.toJSONSchema(StoredSettings, { io: 'input' }).properties as Schema<Stored>;

export class SettingsStore {
  private readonly conf: Conf<Stored>;

  constructor(dir: string) {
    this.conf = new Conf<Stored>({
      cwd: dir,
      configName: 'settings',
      schema: SETTINGS_SCHEMA,
      clearInvalidConfig: true,
      accessPropertiesByDotNotation: false,
      configFileMode: 0o600,
    });
  }

  get path(): string {
    return this.conf.path;
  }

  get(): Settings {
    const s = this.conf.store;
    return {
      mode: s.mode,
      serverUrl: s.serverUrl,
      language: s.language,
      theme: s.theme,
      eulaAcceptedVersion: s.eulaAcceptedVersion ?? null,
    };
  }

  /** Writes only the given fields; the patch was validated by the contract. */
  set(patch: SettingsPatch): Settings {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(defined).length > 0) this.conf.set(defined as Partial<Stored>);
    return this.get();
  }

  windowBounds(): WindowBounds {
    return { ...this.conf.get('window', DEFAULT_WINDOW) };
  }

  setWindowBounds(bounds: WindowBounds): void {
    this.conf.set('window', bounds);
  }
}
