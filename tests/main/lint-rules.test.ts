// The lint rule that keeps ipcMain/ipcRenderer in their two files, run through ESLint's API with
// the project's own config, and the layering rules it must not switch off.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(__dirname, '../..') });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint: IPC only in handle.ts and the preload', () => {
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
