// Each test gets its own app: a fresh data folder, a fresh `licence-desk ui` on a free loopback
// port (the real main-process services and the built renderer), and a page opened at its URL.
// Everything is torn down after the test, whatever happened. `pbx` makes real initialisation
// codes with the PBX simulator and installs answers the way a PBX would.
//
// First start: a fresh data folder shows Licence Desk's licence agreement first. Tests that
// are about something else (every wizard test) start behind it with
//     test.use({ acceptedEula: true });
// (the agreement is recorded in settings.json before the app starts, so the page opens straight on
// My devices), or click through it with `await app.acceptEula()` (Accept, then the default mode).
// `app.openScreen('My devices')` clicks a sidebar entry by its English name.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { initPbx, installAnswer, pbxStatus, type PbxStatus } from '../../src/device/simulator';
import { Authority } from '../../src/authority/authority';
import { rootPem } from '../../src/authority/ca';
import { startAndWait, stop } from '../support/process';
import { SettingsStore } from '../../src/main/services/settings';
import { EULA_VERSION } from '../../src/renderer/i18n/eula';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AppHandle {
  page: Page;
  url: string;
  dataDir: string;
  /** Direct access to the same authority, for arranging data (close it before the UI writes). */
  seed<T>(fn: (a: Authority) => Promise<T>): Promise<T>;
  /** A simulated PBX trusting this app's root. */
  pbx(serial: string, model: string): Promise<SimulatedPbx>;
  /** Clicks through the first start: Accept the licence agreement, then Continue (embedded). */
  acceptEula(): Promise<void>;
  /** Clicks a sidebar entry ("My devices", "Fleet health"…; English unless `name` is a RegExp). */
  openScreen(name: string | RegExp): Promise<void>;
}

export interface AppOptions {
  /** Start with Licence Desk's licence agreement already accepted (no first-start gate). */
  acceptedEula: boolean;
}

export interface SimulatedPbx {
  initCode(): Promise<string>;
  install(answer: string): Promise<PbxStatus>;
  status(): Promise<PbxStatus>;
}

async function startUi(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, match } = await startAndWait(
    [join(ROOT, 'bin', 'licence-desk.mjs'), '--data', dataDir, 'ui', '--port', '0'],
    { ready: /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/ },
  );
  return { child, url: match[1]! };
}

export const test = base.extend<{ app: AppHandle } & AppOptions>({
  acceptedEula: [false, { option: true }],
  app: async ({ page, acceptedEula }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ld-e2e-'));
    const dataDir = join(dir, 'data');
    await Authority.init(dataDir);
    // The same settings store (and file) the app reads.
    if (acceptedEula) new SettingsStore(dataDir).set({ eulaAcceptedVersion: EULA_VERSION });
    let ui: { child: ChildProcess; url: string } | undefined;
    try {
      ui = await startUi(dataDir);
      const handle: AppHandle = {
        page,
        url: ui.url,
        dataDir,
        async seed(fn) {
          const a = await Authority.open({ dataDir });
          try {
            return await fn(a);
          } finally {
            await a.close();
          }
        },
        async pbx(serial, model) {
          const state = join(dir, `pbx-${serial}`);
          return {
            initCode: async () => (await initPbx(state, { serial, model, trustPem: rootPem(dataDir) })).code,
            install: (answer) => installAnswer(state, answer),
            status: () => pbxStatus(state),
          };
        },
        async acceptEula() {
          await page.getByRole('button', { name: 'Accept' }).click();
          await page.getByRole('button', { name: 'Continue' }).click();
          await expect(page.getByRole('navigation')).toBeVisible();
        },
        async openScreen(name) {
          await page
            .getByRole('navigation')
            .getByRole('button', { name, exact: typeof name === 'string' })
            .click();
        },
      };
      await page.goto(ui.url);
      await use(handle);
    } finally {
      if (ui) await stop(ui.child);
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect };
