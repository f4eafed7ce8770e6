// End-to-end tests: Debian's Chromium (never a downloaded browser) against browser mode, one
// fresh data folder and one fresh `licence-desk ui` per test (see tests/e2e/fixtures.ts).
import { defineConfig } from '@playwright/test';

// The app seals the authority's keys: with no keychain here, under this passphrase (cheap scrypt).
process.env.LICENCE_DESK_PASSPHRASE ??= 'e2e passphrase';
process.env.LICENCE_DESK_SCRYPT_LOG2N ??= '10';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
