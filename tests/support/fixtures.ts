// Shared test fixtures: a fresh authority in a temporary folder, always removed afterwards.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { encodeInitCode } from '../../src/licensing/codes';
import type { DeviceInfo } from '../../src/licensing/extensions';
import { buildRequest } from '../../src/licensing/request';

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
export interface TestClock { now: Date }

export async function freshAuthority(opts: { database?: string } = {}): Promise<{ dir: string; authority: Authority; clock: TestClock }> {
  const dir = tempDir();
  await Authority.init(dir, opts.database);
  const clock: TestClock = { now: new Date() };
  const authority = await Authority.open({ dataDir: dir, ...opts, now: () => clock.now });
  cleanups.push(() => authority.close());
  return { dir, authority, clock };
}

export const recreate = (authority: Authority, initCode: string, serial?: string) =>
  authority.call('certificates.recreate', { initCode, ...(serial ? { serial } : {}) });

export interface TestRequest {
  der: Buffer;
  code: string;
  privateKey: KeyObject;
  device: DeviceInfo;
}

export function makeRequest(serial: string, model: string | undefined, opts: { generation?: number; key?: 'ec' | 'ed25519' | 'rsa' } = {}): TestRequest {
  const { privateKey, publicKey } =
    opts.key === 'ed25519' ? generateKeyPairSync('ed25519')
      : opts.key === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 })
        : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const device: DeviceInfo = { hostFingerprint: randomBytes(16), nonce: randomBytes(16), generation: opts.generation ?? 1, firmware: '8.4.1' };
  const der = buildRequest({ serial, ...(model ? { model } : {}), privateKey, publicKey, device });
  return { der, code: encodeInitCode(der), privateKey, device };
}
