// electron-builder.yml checked offline: electron-builder's own schema validation (the check it
// runs before packaging), plus the fields this project relies on: fuses, ASAR, the native SQLite
// driver unpacked and rebuilt, the targets, and icons of our own at every size.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const require = createRequire(join(root, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
type Target = { target: string[]; icon: string };
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  appId: string;
  asarUnpack: string[];
  files: string[];
  electronFuses: Record<string, boolean>;
  linux: Target;
  win: Target;
  mac: Target;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util/out/DebugLogger.js');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, asar: 'yes' }, new DebugLogger(false))).rejects.toThrow(/asar/);
  });

  it('sets every fuse the issue asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the built app into ASAR, with better-sqlite3 rebuilt for Electron and its .node unpacked', () => {
    expect(config).toMatchObject({ productName: 'Licence Desk', asar: true, npmRebuild: true });
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', 'node_modules/better-sqlite3/**']));
    expect(pkg.main).toBe('out/main/index.cjs');
  });

  it('builds AppImage and deb, NSIS and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('points at icons of our own, at the sizes each target needs', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(pngSize(join(root, 'assets/icons', `${size}x${size}.png`))).toEqual([size, size]);
    expect(config.linux.icon).toBe('assets/icons');
    expect(pngSize(join(root, config.win.icon))).toEqual([256, 256]);
    expect(pngSize(join(root, config.mac.icon))).toEqual([1024, 1024]);
    expect(readFileSync(join(root, 'assets/icons/icon.svg'), 'utf8')).toContain('<svg');
  });
});
