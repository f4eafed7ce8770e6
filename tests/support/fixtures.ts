// Shared test fixtures: a fresh authority in a temporary folder, always removed afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Authority, type OpenOptions } from '../../src/authority/authority';
import { oneOffRequest, type OneOffRequest } from '../../src/device/one-off';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export function tempDir(prefix = 'ld-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A clock tests can move: the authority reads the time only through it. */
export interface TestClock {
  now: Date;
}

/** Composition a test may change (e.g. its own issuance policies); the rest is the default. */
export type Composition = Pick<OpenOptions, 'policies' | 'changeHooks'>;

export async function freshAuthority(
  opts: { database?: string } & Composition = {},
): Promise<{ dir: string; authority: Authority; clock: TestClock }> {
  const dir = tempDir();
  await Authority.init(dir, opts.database);
  const clock: TestClock = { now: new Date() };
  const authority = await Authority.open({ dataDir: dir, ...opts, now: () => clock.now });
  cleanups.push(() => authority.close());
  return { dir, authority, clock };
}

export const recreate = (authority: Authority, initCode: string, serial?: string) =>
  authority.call('certificates.recreate', { initCode, ...(serial ? { serial } : {}) });

export type TestRequest = OneOffRequest;

export function makeRequest(
  serial: string,
  model: string | undefined,
  opts: { generation?: number; key?: 'ec' | 'ed25519' | 'rsa' } = {},
): TestRequest {
  const keyType = opts.key === 'ed25519' ? 'ed25519' : opts.key === 'rsa' ? 'rsa' : 'ec-p256';
  return oneOffRequest({
    serial,
    ...(model ? { model } : {}),
    keyType,
    ...(opts.generation ? { generation: opts.generation } : {}),
  });
}
