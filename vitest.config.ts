import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The authority's keys are sealed (docs/keys.md); tests with no keychain seal them under a
    // passphrase, at scrypt's lowest cost so each derivation takes milliseconds, not a second.
    // Tests of the keychain and of the passphrase itself set their own environment.
    env: { LICENCE_DESK_PASSPHRASE: 'test passphrase', LICENCE_DESK_SCRYPT_LOG2N: '10' },
    globalSetup: ['tests/support/cli-global-setup.ts', 'tests/support/pg-global-setup.ts'],
  },
});
