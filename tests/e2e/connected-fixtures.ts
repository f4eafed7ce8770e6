// Connected mode for real: a vendor's `licence-desk serve` on a throwaway PostgreSQL cluster (one
// per worker), two resellers with their tokens made through the CLI as a vendor would, and a
// reseller's desk (`licence-desk ui`, browser mode) with a fresh data folder of its own. The desk
// keeps its token in the real OS keychain: the suite runs inside scripts/with-keyring.sh. Without a
// Secret Service the tests fail in CI (CI=true) and are skipped, saying why, elsewhere.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { Authority } from '../../src/authority/authority';
import { rootPem } from '../../src/authority/ca';
import { initPbx, installAnswer, type PbxStatus } from '../../src/device/simulator';
import { SettingsStore } from '../../src/main/services/settings';
import { EULA_VERSION } from '../../src/renderer/i18n/eula';
import { startPgCluster } from '../support/pg-cluster';
import { startAndWait, stop } from '../support/process';
import { keychainProblem } from '../support/keyring';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'licence-desk.mjs');

export interface VendorServer {
  url: string;
  /** The server's folder (its CA). */
  dataDir: string;
  vendor: string;
  /** Reseller tokens: Acme works in the desk, Beta is the neighbour who must stay invisible. */
  acme: string;
  beta: string;
  /** The real CLI against the server with `token`; returns stdout, throws on a non-zero exit. */
  cli(token: string, args: string[]): string;
}

export interface Desk {
  page: Page;
  dataDir: string;
  /** Stops this desk's `ui` and starts a new one on the same folder (the token comes from the keychain). */
  restart(): Promise<void>;
  pbx(serial: string, model: string): { initCode(): Promise<string>; install(answer: string): Promise<PbxStatus> };
}

function runCli(args: string[]): string {
  const env = { ...process.env };
  delete env.LICENCE_DESK_TOKEN;
  delete env.LICENCE_DESK_DATA;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`licence-desk ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

async function startServer(dir: string, database: string) {
  const started = await startAndWait([BIN, '--data', dir, 'serve', '--port', '0', '--database', database], {
    // Both lines, in whichever order their pipes deliver them: the vendor token and the address.
    ready: /^(?=[\s\S]*listening on http:\/\/\S+\s)(?=[\s\S]*ldt_[A-Za-z0-9_-]{43})/,
    timeoutMs: 60_000,
  });
  const out = started.output();
  const url = /listening on (http:\/\/\S+)/.exec(out)![1]!;
  const vendor = /ldt_[A-Za-z0-9_-]{43}/.exec(out)?.[0];
  if (!vendor) throw new Error(`serve printed no first vendor token: ${out}`);
  return { child: started.child, url, vendor };
}

async function startUi(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const { child, match } = await startAndWait([BIN, '--data', dataDir, 'ui', '--port', '0'], {
    ready: /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/,
  });
  return { child, url: match[1]! };
}

export const test = base.extend<{ desk: Desk }, { server: VendorServer }>({
  server: [
    // Playwright reads a fixture's dependencies from its destructuring pattern: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const problem = await keychainProblem();
      if (problem && process.env.CI)
        throw new Error(`connected mode needs a real Secret Service (run under scripts/with-keyring.sh): ${problem}`);
      base.skip(!!problem, `no Secret Service here (run under scripts/with-keyring.sh): ${problem}`);
      const pg = await startPgCluster();
      if (!pg) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
      const dir = mkdtempSync(join(tmpdir(), 'ld-e2e-server-'));
      let serve: Awaited<ReturnType<typeof startServer>> | undefined;
      try {
        runCli(['--data', join(dir, 'server'), '--database', pg.url, 'init']);
        serve = await startServer(join(dir, 'server'), pg.url);
        const { url, vendor } = serve;
        const cli = (token: string, args: string[]) => runCli(['--server', url, '--token', token, ...args]);
        const tokenFor = (name: string) => {
          cli(vendor, ['reseller', 'create', '--name', name]);
          return cli(vendor, ['token', 'create', '--role', 'reseller', '--reseller', name]).trim().split('\n').at(-1)!;
        };
        await use({ url, dataDir: join(dir, 'server'), vendor, acme: tokenFor('Acme'), beta: tokenFor('Beta'), cli });
      } finally {
        if (serve) await stop(serve.child);
        pg.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  desk: async ({ page, server }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ld-e2e-desk-'));
    const dataDir = join(dir, 'data');
    await Authority.init(dataDir); // the desk's own embedded authority, before it connects
    new SettingsStore(dataDir).set({ eulaAcceptedVersion: EULA_VERSION });
    let ui: { child: ChildProcess; url: string } | undefined;
    try {
      ui = await startUi(dataDir);
      await page.goto(ui.url);
      await use({
        page,
        dataDir,
        async restart() {
          await stop(ui!.child);
          ui = await startUi(dataDir);
          await page.goto(ui.url);
        },
        pbx(serial, model) {
          const state = join(dir, `pbx-${serial}`);
          return {
            initCode: async () => (await initPbx(state, { serial, model, trustPem: rootPem(server.dataDir) })).code,
            install: (answer) => installAnswer(state, answer),
          };
        },
      });
    } finally {
      if (ui) await stop(ui.child);
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

export { expect };
