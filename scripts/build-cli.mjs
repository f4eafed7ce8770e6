// The `licence-desk` CLI as one ESM bundle in out/cli, built by esbuild (at npm install through
// `prepare`, by `npm run build`, by the test suite's global setup, and by bin/licence-desk.mjs
// itself when a source is newer than the bundle). Node then loads a few files instead of
// compiling hundreds of TypeScript sources at every start.
//   out/cli/main.mjs         the entry: commander, the commands, the embedded authority on SQLite
//   out/cli/chunk-*.mjs      what dynamic imports reach: fastify and the server (serve), browser
//                            mode (ui), pg (postgres:// databases); loaded only by those commands
//   out/cli/inputs.json      our source files in the bundle, written last: the launcher compares
//                            their modification times with this file's to spot a stale bundle
// Chunks sit beside the entry (no subfolder), so out/cli/x.mjs is as deep as src/cli/x.ts and a
// path the CLI builds from import.meta.url means the same in the bundle and in the sources.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Bundled CommonJS dependencies call require() for Node built-ins and read __filename/__dirname (e.g.
// write-file-atomic names its temp files with it, pino looks for its package.json); ESM output has neither.
const banner = [
  "import { createRequire as __ldCreateRequire } from 'node:module';",
  "import { fileURLToPath as __ldFileURLToPath } from 'node:url';",
  "import { dirname as __ldDirname } from 'node:path';",
  'const require = __ldCreateRequire(import.meta.url);',
  'const __filename = __ldFileURLToPath(import.meta.url);',
  'const __dirname = __ldDirname(__filename);',
].join('\n');

export async function buildCli(outDir = join(root, 'out', 'cli')) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The native SQLite driver cannot be bundled; pg's optional native part is never installed.
    // Native addons stay in node_modules: esbuild cannot bundle .node files, and they load on use.
    external: ['better-sqlite3', 'pg-native', '@napi-rs/keyring', 'pkcs11js'],
    banner: { js: banner },
    legalComments: 'none',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
    metafile: true,
    write: false,
  });
  mkdirSync(outDir, { recursive: true });
  const written = new Set(result.outputFiles.map((f) => basename(f.path)));
  for (const f of result.outputFiles) writeIfChanged(f.path, f.contents);
  // Chunks of earlier builds; kept ones would only grow the folder.
  for (const name of readdirSync(outDir))
    if (name.endsWith('.mjs') && !written.has(name)) rmSync(join(outDir, name), { force: true });
  // This script too: a changed build setting makes the bundle stale like a changed source.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/')),
    relative(root, fileURLToPath(import.meta.url)),
  ];
  writeIfChanged(join(outDir, 'inputs.json'), Buffer.from(`${JSON.stringify({ inputs }, null, 1)}\n`), true);
  return { files: [...written], inputs };
}

/** Atomically (a CLI started meanwhile never reads half a file); untouched when equal, unless `always`. */
function writeIfChanged(path, contents, always = false) {
  let same = false;
  try {
    same = Buffer.compare(readFileSync(path), contents) === 0;
  } catch {
    // not there yet
  }
  if (same && !always) return;
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}
