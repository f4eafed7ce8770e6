// The built files, not the sources: esbuild's main bundle must start under (a stand-in for)
// Electron with only electron and the native SQLite driver left outside it, and the sandboxed
// preload may require nothing but electron. Catches bundling breakage (an ESM-only dependency,
// import.meta, a JSON import) that the source-level tests cannot see.
import { builtinModules, createRequire } from 'node:module';
import Module from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';
import { makeTempDir } from './support';

type Build = (outDir: string) => Promise<void>;
const temp = makeTempDir('ld-bundle-');
// Inside the checkout (out/ is ignored by git), so the bundle finds node_modules/better-sqlite3.
const out = join(__dirname, '../../out', `.test-bundle-${process.pid}`);
const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;

const requiresOf = (file: string): string[] => [
  ...new Set([...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!)),
];

beforeAll(async () => {
  const build = (await import('../../scripts/build.mjs' as string)) as { buildMain: Build; buildPreload: Build };
  await Promise.all([build.buildMain(out), build.buildPreload(out)]);
});
afterAll(() => {
  loader._load = originalLoad;
  vi.unstubAllEnvs();
  temp.remove();
  rmSync(out, { recursive: true, force: true });
});

describe('bundles', () => {
  it('preload: one file whose only require is electron', () => {
    expect(requiresOf(join(out, 'preload', 'index.cjs'))).toEqual(['electron']);
  });

  it('main: everything bundled except electron, the native modules (better-sqlite3, the keychain) and Node built-ins', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    // ajv keeps require("ajv/…") and require("ajv-formats/…") inside code-generation strings
    // (for its standalone mode), which are never run.
    const external = requiresOf(join(out, 'main', 'index.cjs')).filter(
      (r) => !builtins.has(r) && !/^ajv(-formats)?\//.test(r),
    );
    expect(external.sort()).toEqual(['@napi-rs/keyring', 'better-sqlite3', 'electron', 'pg-native']);
  });

  it('main: starts, opens the window and answers IPC when loaded as Electron would load it', async () => {
    fake.state.appPath = join(temp.dir, 'app');
    mkdirSync(join(fake.state.appPath, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(fake.state.appPath, 'out', 'renderer', 'index.html'), '<!doctype html>');
    vi.stubEnv('LICENCE_DESK_DATA', join(temp.dir, 'data'));
    loader._load = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? fake : originalLoad.call(this, request, ...rest);
    };
    createRequire(join(temp.dir, 'x.cjs'))(join(out, 'main', 'index.cjs'));
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1), { timeout: 20_000 });
    const info = await fake.state.ipcHandlers.get('app:info')!(
      { senderFrame: { url: 'app://licence-desk/index.html', parent: null } },
      {},
    );
    expect(info).toMatchObject({ ok: true, value: { runtime: 'electron', mode: 'embedded' } });
    fake.app.emit('will-quit', { preventDefault: () => undefined });
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1));
  });
});
