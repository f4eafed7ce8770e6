#!/usr/bin/env node
// `npm run build`: main, preload and the CLI with esbuild, the renderer with vite, into out/.
//   out/main/index.cjs     Electron main (Node platform, CJS; electron and the native SQLite and keychain modules stay external)
//   out/preload/index.cjs  sandboxed preload: one self-contained CJS file, because a sandboxed
//                          preload can require only a few Electron modules, never our own files
//   out/renderer/          vite build of src/renderer
//   out/cli/               the `licence-desk` CLI (also built alone at npm install: `prepare`, `--cli`)
// Writes out/.build-stamp last, so scripts/launch.mjs can tell a complete build from a broken one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { buildCli } from './build-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');

const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  legalComments: 'none',
};

export async function buildMain(outDir = out) {
  await esbuild({
    ...common,
    entryPoints: ['src/main/electron/index.ts'],
    outfile: join(outDir, 'main', 'index.cjs'),
    platform: 'node',
    target: 'node20',
    // pg is only reached for postgres:// URLs, which the desktop never opens; its optional native
    // part (pg-native) must not be resolved at bundle time.
    external: ['electron', 'better-sqlite3', 'pg-native', '@napi-rs/keyring'],
  });
}

export async function buildPreload(outDir = out) {
  await esbuild({
    ...common,
    entryPoints: ['src/preload/index.ts'],
    outfile: join(outDir, 'preload', 'index.cjs'),
    platform: 'browser',
    target: 'chrome130',
    external: ['electron'],
  });
}

async function buildRenderer() {
  // Imported here, not at the top: the CLI's build (npm install, a stale bundle) never needs vite.
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

// Run as a script; imported (by tests/main/bundle.test.ts) it only provides the build functions.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2] === '--cli') {
  await buildCli();
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await Promise.all([buildMain(), buildPreload(), buildCli()]);
  await buildRenderer();
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '.build-stamp'), `${new Date().toISOString()}\n`);
  console.log(
    `Built out/main, out/preload, out/cli and out/renderer in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
