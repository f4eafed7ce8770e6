// The UI's two figures, each beside a baseline from the same run:
// - filter_ms_100k: one keystroke's filter over 100,000 devices with My devices' own pure function
//   (src/renderer/lib/device-filter.ts), median over many keystrokes; baseline filter_scan_ms_100k
//   is the floor for any search: one bare String#includes per device over the same keys.
// - first_render_ms: browser mode with 10,000 devices in a fresh data folder, from page.goto to
//   the first device row visible (Debian's Chromium, a new browser context each time so nothing is
//   cached); baseline first_render_ms_empty: the same app with no devices, to its empty state.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { Authority } from '../src/authority/authority';
import { startUi, type RunningUi } from '../src/main/browser-mode/ui-command';
import { SettingsStore } from '../src/main/services/settings';
import { EULA_VERSION } from '../src/renderer/i18n/eula';
import { EMPTY_QUERY, filterDevices, indexDevices, sortIndex } from '../src/renderer/lib/device-filter';
import { insertDevices } from '../tests/e2e/bulk';
import { makeDevices } from '../tests/renderer/devices-data';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RENDER_DEVICES = 10_000;
const FILTER_DEVICES = 100_000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round2 = (x: number) => Math.round(x * 100) / 100;

export async function benchUi(seconds: number): Promise<Record<string, number>> {
  const filter = benchFilter(seconds / 2);
  const render = await benchFirstRender(seconds / 2);
  return { ...filter, ...render };
}

/** What a person typing a serial costs: each prefix filtered over the whole sorted list. */
function benchFilter(seconds: number): Record<string, number> {
  const now = Date.now();
  const sorted = sortIndex(indexDevices(makeDevices(FILTER_DEVICES, now)), { key: 'serial', dir: 'asc' });
  const keys = sorted.map((d) => d.key);
  const typed = [
    'p',
    'pb',
    'pbx',
    'pbx-',
    'pbx-0',
    'pbx-07',
    'pbx-076',
    'pbx-0765',
    'pbx-07654',
    'berlin',
    'customer 12',
  ];
  const filterTimes: number[] = [];
  const scanTimes: number[] = [];
  let sink = 0;
  const until = performance.now() + seconds * 1000;
  do {
    for (const search of typed) {
      let t = performance.now();
      sink += filterDevices(sorted, { ...EMPTY_QUERY, search }, now).length;
      filterTimes.push(performance.now() - t);
      t = performance.now();
      for (let i = 0; i < keys.length; i++) if (keys[i]!.includes(search)) sink++;
      scanTimes.push(performance.now() - t);
    }
  } while (performance.now() < until);
  if (sink < 0) console.log(sink); // keeps the work observable
  return { filter_ms_100k: round2(median(filterTimes)), filter_scan_ms_100k: round2(median(scanTimes)) };
}

async function benchFirstRender(seconds: number): Promise<Record<string, number>> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  const dir = mkdtempSync(join(tmpdir(), 'ld-bench-ui-'));
  const apps: RunningUi[] = [];
  let browser: Browser | undefined;
  try {
    const [full, empty] = await Promise.all([
      prepareApp(join(dir, 'full'), RENDER_DEVICES),
      prepareApp(join(dir, 'empty'), 0),
    ]);
    apps.push(full, empty);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const fullTimes: number[] = [];
    const emptyTimes: number[] = [];
    const until = performance.now() + seconds * 1000;
    // Interleaved, at least 3 rounds: load on the machine hits both sides of the ratio alike.
    for (let round = 0; round < 3 || performance.now() < until; round++) {
      fullTimes.push(await timeToVisible(browser, full.url, '[role="row"][aria-rowindex="2"]'));
      emptyTimes.push(await timeToVisible(browser, empty.url, '.empty-state'));
      if (round >= 15) break;
    }
    return { first_render_ms: Math.round(median(fullTimes)), first_render_ms_empty: Math.round(median(emptyTimes)) };
  } finally {
    await browser?.close();
    for (const app of apps) await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A data folder with `count` devices and the licence agreement accepted, served by browser mode. */
async function prepareApp(dataDir: string, count: number): Promise<RunningUi> {
  await Authority.init(dataDir);
  if (count > 0) {
    const a = await Authority.open({ dataDir });
    try {
      await insertDevices(a, count);
    } finally {
      await a.close();
    }
  }
  new SettingsStore(dataDir).set({ eulaAcceptedVersion: EULA_VERSION });
  return startUi({ dataDir });
}

async function timeToVisible(browser: Browser, url: string, selector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(selector, { state: 'visible', timeout: 30_000 });
    return performance.now() - started;
  } finally {
    await context.close();
  }
}
