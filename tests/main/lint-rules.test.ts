// The lint rules, run through ESLint's API with the project's own config: the layer table (each
// row: a wrong import is reported with the row's reason, a right one is not), and the rule that
// keeps ipcMain/ipcRenderer in their two files without switching the layering off.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(__dirname, '../..') });

async function layerMessages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importOf = (from: string) => `import { x } from '${from}';\nvoid x;\n`;

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

// [file, import, part of the reason the lint message must give]
const SHARED = 'src/shared is the lowest layer';
const LICENSING = 'src/licensing may import only src/shared';
const DEVICE = 'src/device (the PBX side) may import only src/licensing and src/shared';
const AUTHORITY = 'src/authority must not import the app, the CLI, the renderer or the preload';
const MAIN = 'src/main must not import the CLI, the renderer or the preload';
const CLI = 'src/cli must not import the renderer or the preload';
const RENDERER = 'src/renderer may import only src/shared (and the pure code armour';
const PRELOAD = 'src/preload may import only src/shared';
const NO_NODE = 'runs without Node: no Node builtins here';
const NO_ELECTRON = 'Electron is imported only in src/main/electron (the shell) and src/preload';

const FORBIDDEN: [string, string, string][] = [
  ...[
    'licensing/gf32',
    'device/simulator',
    'authority/authority',
    'main/services/open',
    'cli/io',
    'renderer/api',
    'preload/index',
  ].map((to): [string, string, string] => ['src/shared/api/x.ts', `../../${to}`, SHARED]),
  ['src/shared/x.ts', 'node:fs', NO_NODE],
  ['src/shared/x.ts', 'electron', NO_ELECTRON],
  ...['device/simulator', 'authority/ca', 'main/version', 'cli/io', 'renderer/api', 'preload/index'].map(
    (to): [string, string, string] => ['src/licensing/x.ts', `../${to}`, LICENSING],
  ),
  ['src/licensing/x.ts', 'electron', NO_ELECTRON],
  ...['authority/ca', 'main/version', 'cli/io', 'renderer/api', 'preload/index'].map((to): [string, string, string] => [
    'src/device/x.ts',
    `../${to}`,
    DEVICE,
  ]),
  ...['main/services/open', 'cli/main', 'renderer/api', 'preload/index'].map((to): [string, string, string] => [
    'src/authority/http/x.ts',
    `../../${to}`,
    AUTHORITY,
  ]),
  ['src/authority/x.ts', 'electron', NO_ELECTRON],
  ...['cli/main', 'renderer/api', 'preload/index'].map((to): [string, string, string] => [
    'src/main/services/x.ts',
    `../../${to}`,
    MAIN,
  ]),
  ...['cli/main', 'renderer/api', 'preload/index'].map((to): [string, string, string] => [
    'src/main/electron/x.ts',
    `../../${to}`,
    MAIN,
  ]),
  ['src/main/services/x.ts', 'electron', NO_ELECTRON],
  ['src/main/browser-mode/x.ts', 'electron/main', NO_ELECTRON],
  ...['renderer/api', 'preload/index'].map((to): [string, string, string] => ['src/cli/x.ts', `../${to}`, CLI]),
  ['src/cli/x.ts', 'electron', NO_ELECTRON],
  ...['licensing/pem', 'device/simulator', 'authority/client', 'main/ipc/dispatch', 'cli/io', 'preload/index'].map(
    (to): [string, string, string] => ['src/renderer/lib/x.ts', `../../${to}`, RENDERER],
  ),
  ['src/renderer/x.tsx', 'node:path', NO_NODE],
  ['src/renderer/x.tsx', 'fs', NO_NODE],
  ['src/renderer/x.tsx', 'electron', NO_ELECTRON],
  ...['licensing/armour', 'device/simulator', 'authority/client', 'main/ipc/dispatch', 'cli/io', 'renderer/api'].map(
    (to): [string, string, string] => ['src/preload/x.ts', `../${to}`, PRELOAD],
  ),
  ['src/preload/x.ts', 'node:fs', NO_NODE],
  // The GF(32) maths moved into src/shared/typed-codes: shared reaches into licensing for nothing.
  ['src/shared/registration-number.ts', '../licensing/gf32', SHARED],
  ['src/shared/registration-number.ts', '../licensing/armour', SHARED],
];

const ALLOWED: [string, string][] = [
  ['src/shared/api/x.ts', '../errors'],
  ['src/shared/x.ts', 'zod'],
  ['src/licensing/x.ts', '../shared/errors'],
  ['src/licensing/x.ts', 'node:crypto'],
  ['src/device/x.ts', '../licensing/chain'],
  ['src/device/x.ts', '../shared/errors'],
  ['src/authority/http/x.ts', '../../device/one-off'],
  ['src/authority/http/x.ts', '../../licensing/pem'],
  ['src/main/services/x.ts', '../../authority/client'],
  ['src/main/electron/x.ts', 'electron'],
  ['src/main/electron/x.ts', '../services/open'],
  ['src/cli/x.ts', '../main/browser-mode/ui-command'],
  ['src/cli/x.ts', '../device/simulator'],
  ['src/cli/x.ts', '../authority/authority'],
  ['src/renderer/lib/x.ts', '../../shared/ipc/contract'],
  ['src/renderer/lib/x.ts', '../../licensing/armour'],
  ['src/preload/x.ts', 'electron'],
  ['src/preload/x.ts', '../shared/ipc/channels'],
  ['src/shared/registration-number.ts', './typed-codes/gf32'],
];

describe('lint: the layer table', () => {
  it.each(FORBIDDEN)('%s may not import %s', async (file, from, reason) => {
    const messages = await layerMessages(importOf(from), file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it.each(ALLOWED)('%s may import %s', async (file, from) => {
    expect(await layerMessages(importOf(from), file)).toEqual([]);
  });

  it('lets Electron types (not values) into the Electron-free part of main', async () => {
    const code =
      "import type { MenuItemConstructorOptions } from 'electron';\nexport type M = MenuItemConstructorOptions;\n";
    expect(await layerMessages(code, 'src/main/policy/x.ts')).toEqual([]);
  });
});

describe('lint: IPC only in ipc-handle.ts and the preload', () => {
  it.each([
    ["import { ipcMain } from 'electron';\nvoid ipcMain;", 'src/main/services/sneaky.ts'],
    ["import { ipcRenderer } from 'electron';\nvoid ipcRenderer;", 'src/main/window-helpers.ts'],
    ["import { ipcMain as m } from 'electron/main';\nvoid m;", 'src/authority/x.ts'],
    ["import * as electron from 'electron';\nvoid electron.ipcMain;", 'src/main/other.ts'],
    ["import electron from 'electron';\nconst { ipcRenderer } = electron;\nvoid ipcRenderer;", 'src/main/other2.ts'],
  ])('forbids %j in %s', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-syntax');
  });

  it('allows them in src/main/electron/ipc-handle.ts and src/preload/index.ts', async () => {
    expect(
      await ruleIds("import { ipcMain } from 'electron';\nvoid ipcMain;", 'src/main/electron/ipc-handle.ts'),
    ).not.toContain('no-restricted-syntax');
    expect(
      await ruleIds("import { ipcRenderer } from 'electron';\nvoid ipcRenderer;", 'src/preload/index.ts'),
    ).not.toContain('no-restricted-syntax');
  });

  it('leaves the layering rules in force', async () => {
    expect(await ruleIds("import { readFileSync } from 'node:fs';\nvoid readFileSync;", 'src/renderer/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds("import { Authority } from '../authority/authority';\nvoid Authority;", 'src/licensing/x.ts'),
    ).toContain('no-restricted-imports');
    expect(await ruleIds("import { app } from 'electron';\nvoid app;", 'src/shared/x.ts')).toContain(
      'no-restricted-imports',
    );
  });
});
