#!/usr/bin/env node
// `npm run lint:security`: Doyensec electronegativity over the main, preload and renderer sources,
// offline (the Electron version is given, not looked up). Fails on any HIGH finding and on any
// MEDIUM that is not justified below; prints one summary line (plus the failures, if any).
//
// Why not the CLI (`electronegativity -i … -e … -o out.csv`): in this dependency tree its
// `commander` import resolves to our commander 14, where `program.version` does not exist, so even
// `--help` crashes; and it exits 0 with HIGH findings anyway. Its runner (the CLI's own engine)
// is called directly instead, and the findings it returns are gated: they are exactly the rows the
// CLI writes to its CSV, but without that file's race (header and rows are written by two
// unawaited async writes, so a CSV read right after the run may be incomplete).
// The three folders are copied into one scan root so the global checks see them together:
// navigation limits live in main, the CSP <meta> in the renderer.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const FOLDERS = ['src/main', 'src/preload', 'src/renderer'];

/** MEDIUM findings reviewed and accepted, by "CHECK_ID@file": one line each on why. */
const JUSTIFIED = {
  // The preload is the bundled contract bridge: one ipcRenderer.invoke per contract channel,
  // sandboxed, contextIsolation on; it exposes no Electron or Node object (src/preload/index.ts).
  'PRELOAD_JS_CHECK@src/main/electron/window.ts': 'preload exposes only the contract functions',
  // openExternal is reached only through decideNavigation(): exact-match https shop URLs from the
  // validated catalogue, never credentials, never other schemes (src/main/policy/urls.ts, tested).
  'OPEN_EXTERNAL_JS_CHECK@src/main/electron/security.ts': 'only allow-listed https shop URLs',
};

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

async function scan() {
  const scanRoot = mkdtempSync(join(tmpdir(), 'ld-electronegativity-'));
  for (const folder of FOLDERS) cpSync(join(root, folder), join(scanRoot, folder), { recursive: true });
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const quiet = silenceConsole(); // the library logs its banner and offline warnings itself
  try {
    return await run(
      {
        input: scanRoot,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: [],
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    quiet();
    rmSync(scanRoot, { recursive: true, force: true });
  }
}

function silenceConsole() {
  const saved = { log: console.log, warn: console.warn, info: console.info };
  console.log = console.warn = console.info = () => {};
  return () => Object.assign(console, saved);
}

const keyOf = (issue) => `${issue.id}@${issue.file}`;

function report({ issues, errors }) {
  const bySeverity = (name) => issues.filter((i) => i.severity.name === name);
  const high = bySeverity('HIGH');
  const medium = bySeverity('MEDIUM');
  const unjustified = medium.filter((i) => !Object.hasOwn(JUSTIFIED, keyOf(i)));
  const parseErrors = errors.filter((e) => !e.tolerable);
  const failures = [...high, ...unjustified];
  for (const i of failures)
    console.error(`  ${i.severity.name} ${i.id} ${i.file}:${i.location.line} ${i.description} (${i.shortenedURL})`);
  for (const e of parseErrors) console.error(`  could not parse ${e.file}: ${e.message}`);
  const stale = Object.keys(JUSTIFIED).filter((k) => !medium.some((i) => keyOf(i) === k));
  const verdict = failures.length || parseErrors.length ? 'FAILED' : 'ok';
  console.log(
    `lint:security ${verdict}: electronegativity (Electron ${electronVersion}) on ${FOLDERS.join(', ')}: ` +
      `${high.length} HIGH, ${medium.length} MEDIUM (${medium.length - unjustified.length} justified), ` +
      `${bySeverity('LOW').length} LOW, ${bySeverity('INFORMATIONAL').length} informational` +
      (stale.length ? `; justification no longer needed: ${stale.join(', ')}` : ''),
  );
  return failures.length || parseErrors.length ? 1 : 0;
}

/** Same columns as the CLI's CSV, for people and CI artifacts (LD_SECURITY_CSV=path). */
function writeCsv(path, issues) {
  const q = (s) => `"${String(s ?? '').replaceAll('"', '""')}"`;
  const rows = issues.map((i) =>
    [
      i.id,
      i.severity.name,
      i.confidence.name,
      i.file,
      `${i.location.line}:${i.location.column}`,
      i.sample,
      i.description,
    ]
      .map(q)
      .join(','),
  );
  writeFileSync(path, ['issue,severity,confidence,filename,location,sample,description', ...rows].join('\n') + '\n');
}

const result = await scan();
if (process.env.LD_SECURITY_CSV) writeCsv(process.env.LD_SECURITY_CSV, result.issues);
process.exitCode = report(result);
