#!/usr/bin/env node
// Starts Licence Desk the best way this machine allows (meant for `npm start`):
//   1. builds out/ when it is missing or older than the sources;
//   2. runs Electron if its binary is installed, fetching it once with electron's own install.js
//      when it is not (npm install skips that download: "allowScripts": {"electron": false});
//   3. otherwise says why in one line and starts browser mode (`licence-desk ui`) instead.
// Options for browser mode: --port P, --data DIR. Set LICENCE_DESK_BROWSER=1 to skip Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const stamp = join(root, 'out', '.build-stamp');
const SOURCES = ['src', 'vite.config.ts', 'package.json', 'assets'];
/** Electron exiting with an error this soon means it could not start at all (missing libraries). */
const EARLY_EXIT_MS = 5_000;

const say = (line) => process.stdout.write(`${line}\n`);

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), info.mtimeMs);
}

function buildIfStale() {
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changedAt = Math.max(
    ...SOURCES.map((s) => join(root, s))
      .filter(existsSync)
      .map(newestMtime),
  );
  if (builtAt >= changedAt) return;
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron binary's path, or undefined; require('electron') throws when it is not installed. */
function electronPath() {
  try {
    return require('electron');
  } catch {
    return undefined;
  }
}

/** { binary } when Electron can be started, else { reason } in words for the one line we print. */
function findElectron() {
  if (process.env.LICENCE_DESK_BROWSER) return { reason: 'LICENCE_DESK_BROWSER is set' };
  let binary = electronPath();
  if (!binary) {
    if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
      return { reason: "Electron's binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD forbids fetching it" };
    const install = join(dirname(require.resolve('electron/package.json')), 'install.js');
    const r = spawnSync(process.execPath, [install], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 10 * 60_000,
    });
    binary = r.status === 0 ? electronPath() : undefined;
    if (!binary) return { reason: "Electron's binary is not available here (its download failed)" };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { binary };
}

function runElectron(binary, args) {
  const started = Date.now();
  const child = spawn(binary, [root, ...args], { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', () => startBrowserMode('Electron could not be started', args));
  child.on('exit', (code, signal) => {
    if (code && !signal && Date.now() - started < EARLY_EXIT_MS)
      startBrowserMode(`Electron exited at once (code ${code})`, args);
    else process.exit(code ?? 0);
  });
}

/** --port P and --data DIR, as `licence-desk ui` takes them. */
function browserOptions(args) {
  const value = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  return { port: value('--port'), data: value('--data') };
}

async function startBrowserMode(reason, args) {
  say(`${reason}; starting browser mode instead.`);
  const { register } = await import('tsx/esm/api');
  register();
  const { runUi } = await import('../src/main/browser-mode/ui-command.ts');
  const { parsePort } = await import('../src/cli/ui-command.ts');
  const { defaultDataDir } = await import('../src/authority/data-dir.ts');
  const { ttyPrompt } = await import('../src/cli/prompt.ts');
  const o = browserOptions(args);
  try {
    const port = parsePort(o.port);
    // Without a keychain the keys' passphrase is asked here (or taken from LICENCE_DESK_PASSPHRASE).
    const ask = ttyPrompt();
    await runUi({
      dataDir: o.data ?? defaultDataDir(),
      ...(port !== undefined ? { port } : {}),
      ...(ask ? { askPassphrase: ask } : {}),
    });
  } catch (e) {
    process.stderr.write(`licence-desk: ${e?.message ?? e}${e?.code ? ` [${e.code}]` : ''}\n`);
    process.exitCode = 1;
  }
}

const args = process.argv.slice(2);
buildIfStale();
const found = findElectron();
if (found.binary) runElectron(found.binary, args);
else await startBrowserMode(found.reason, args);
