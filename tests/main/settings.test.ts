// Settings on conf: defaults, partial updates, window bounds, the schema on disk, and a file
// broken by hand that falls back to defaults instead of stopping the app.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, DEFAULT_WINDOW, SETTINGS_SCHEMA, SettingsStore } from '../../src/main/services/settings';
import { makeTempDir } from './support';

let temp: ReturnType<typeof makeTempDir> | undefined;
const dir = () => (temp ??= makeTempDir('ld-settings-')).dir;
afterEach(() => {
  temp?.remove();
  temp = undefined;
});

describe('SettingsStore', () => {
  it('starts with the defaults and keeps partial updates across restarts', () => {
    const store = new SettingsStore(dir());
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.windowBounds()).toEqual(DEFAULT_WINDOW);
    store.set({ language: 'ru', theme: undefined });
    store.setWindowBounds({ x: 5, y: 6, width: 900, height: 600, maximized: true });
    const again = new SettingsStore(dir());
    expect(again.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'ru' });
    expect(again.windowBounds()).toEqual({ x: 5, y: 6, width: 900, height: 600, maximized: true });
    if (process.platform !== 'win32') expect(statSync(again.path).mode & 0o777).toBe(0o600);
  });

  it('refuses values outside the schema on write', () => {
    const store = new SettingsStore(dir());
    expect(() => store.set({ language: 'fr' as never })).toThrow(/schema/i);
    expect(() => store.setWindowBounds({ width: 50, height: 50, maximized: false })).toThrow(/schema/i);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('derives the on-disk schema from zod: defaults, limits and no extra window fields', () => {
    expect(SETTINGS_SCHEMA.language).toMatchObject({ enum: ['en', 'de', 'ru'], default: 'en' });
    expect(SETTINGS_SCHEMA.window).toMatchObject({
      required: ['width', 'height', 'maximized'],
      default: DEFAULT_WINDOW,
    });
    const store = new SettingsStore(dir());
    expect(() => store.setWindowBounds({ x: 200_000, width: 900, height: 600, maximized: false })).toThrow(/schema/i);
    expect(() =>
      store.setWindowBounds({ width: 900, height: 600, maximized: false, extra: 1 } as Parameters<
        typeof store.setWindowBounds
      >[0]),
    ).toThrow(/schema/i);
    expect(() => store.set({ serverUrl: `https://${'a'.repeat(2048)}.example` })).toThrow(/schema/i);
    expect(store.windowBounds()).toEqual(DEFAULT_WINDOW);
  });

  it('falls back to the defaults when the file was broken by hand', () => {
    const path = new SettingsStore(dir()).path;
    for (const broken of ['{not json', JSON.stringify({ mode: 'hacked', language: 'xx' })]) {
      writeFileSync(path, broken);
      expect(new SettingsStore(dir()).get()).toEqual(DEFAULT_SETTINGS);
    }
    expect(readFileSync(path, 'utf8')).toBeDefined();
  });
});
