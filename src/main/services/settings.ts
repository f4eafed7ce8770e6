// User settings in settings.json in the user-data folder, through `conf` (electron-store's base,
// which runs in plain Node, so browser mode and tests use the very same store). conf validates
// every write against the JSON schema below; a file broken by hand is replaced by the defaults
// rather than stopping the app from starting.
import Conf, { type Schema } from 'conf';
import type { Settings, SettingsPatch } from '../../shared/ipc/contract';
import { LANGUAGES, MODES, THEMES } from '../../shared/ipc/contract';

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

const coordinate = { type: 'integer', minimum: -100_000, maximum: 100_000 };
const size = { type: 'integer', minimum: 200, maximum: 20_000 };

/** JSON schema (ajv, inside conf): the shape on disk. */
export const SETTINGS_SCHEMA: Schema<Stored> = {
  mode: { type: 'string', enum: [...MODES], default: DEFAULT_SETTINGS.mode },
  serverUrl: { type: 'string', maxLength: 2048, default: DEFAULT_SETTINGS.serverUrl },
  language: { type: 'string', enum: [...LANGUAGES], default: DEFAULT_SETTINGS.language },
  theme: { type: 'string', enum: [...THEMES], default: DEFAULT_SETTINGS.theme },
  // Licence Desk's own licence agreement (the first-start gate), not a MIKO registration's EULA.
  eulaAcceptedVersion: { type: ['string', 'null'], maxLength: 40, default: DEFAULT_SETTINGS.eulaAcceptedVersion },
  window: {
    type: 'object',
    properties: { x: coordinate, y: coordinate, width: size, height: size, maximized: { type: 'boolean' } },
    required: ['width', 'height', 'maximized'],
    additionalProperties: false,
    default: DEFAULT_WINDOW,
  },
};

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
