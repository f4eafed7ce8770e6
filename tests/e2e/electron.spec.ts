// The desktop app itself: start Electron on the built app, paste a code, get an answer. Runs where
// Electron's binary exists (a normal desktop after `npm install`); on machines that cannot
// download it, it says so in one line and is skipped.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { rootPem } from '../../src/authority/ca';
import { Authority } from '../../src/authority/authority';
import { initPbx, installAnswer } from '../../src/device/simulator';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function electronBinary(): string | undefined {
  try {
    return createRequire(join(ROOT, 'package.json'))('electron') as string;
  } catch {
    return undefined;
  }
}

test('Electron smoke: start, paste an initialisation code, get an answer the PBX accepts', async () => {
  const binary = electronBinary();
  if (!binary)
    console.log(
      "electron smoke test skipped: Electron's binary is not installed here (its download is not possible on this machine)",
    );
  test.skip(!binary, 'Electron binary not installed');
  const dir = mkdtempSync(join(tmpdir(), 'ld-electron-'));
  try {
    const data = join(dir, 'data');
    await Authority.init(data);
    const a = await Authority.open({ dataDir: data });
    await a.call('devices.add', { serial: 'EL0001', model: 'comtrexx-vm' });
    await a.call('licences.grant', { serial: 'EL0001', feature: 11, quantity: 2 });
    await a.close();
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out', 'main', 'index.cjs'), `--user-data-dir=${data}`],
      env: { ...process.env, LICENCE_DESK_DATA: data },
    });
    try {
      const page = await app.firstWindow();
      const accept = page.getByRole('button', { name: 'Accept' });
      if (await accept.isVisible().catch(() => false)) await accept.click();
      const { code } = await initPbx(join(dir, 'pbx'), {
        serial: 'EL0001',
        model: 'comtrexx-vm',
        trustPem: rootPem(data),
      });
      const mode = page.getByRole('button', { name: /Continue|Work offline/ }).first();
      if (await mode.isVisible().catch(() => false)) await mode.click();
      await page.getByRole('button', { name: 'Recreate', exact: true }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Continue' }).click();
      await dialog.getByRole('textbox', { name: 'Initialisation code' }).fill(code);
      await dialog.getByRole('button', { name: 'Continue' }).click();
      const answer = (await dialog.getByLabel('Answer code').textContent()) ?? '';
      expect((await installAnswer(join(dir, 'pbx'), answer)).state).toBe('licensed');
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
