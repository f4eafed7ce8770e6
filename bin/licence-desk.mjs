#!/usr/bin/env node
// `licence-desk`: runs the CLI bundle in out/cli (scripts/build-cli.mjs; built at npm install by
// `prepare`). In a checkout whose sources changed since (a pull, an edit), or where the install
// skipped scripts, the bundle is rebuilt first (about a second), so a stale bundle never runs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import module from 'node:module';

// Node 22+ keeps V8's compiled code of the bundle between runs (a V8 code cache tried by hand on
// this bundle halved the CPU time of loading it); Node 20 has no such switch and skips this.
module.enableCompileCache?.();

const root = new URL('..', import.meta.url);
const manifest = new URL('out/cli/inputs.json', root);

/** Stat only (a few hundred µs): the bundle is stale if it is missing or any of its sources is newer. */
function stale() {
  // An installed package carries the bundle without the sources: nothing to compare.
  if (!existsSync(new URL('src/cli/main.ts', root))) return false;
  let builtAt;
  let inputs;
  try {
    builtAt = statSync(manifest).mtimeMs;
    ({ inputs } = JSON.parse(readFileSync(manifest, 'utf8')));
  } catch {
    return true;
  }
  return inputs.some((file) => {
    try {
      return statSync(new URL(file, root)).mtimeMs > builtAt;
    } catch {
      return true; // a source was removed or renamed
    }
  });
}

if (stale()) await (await import('../scripts/build-cli.mjs')).buildCli();
const { main } = await import('../out/cli/main.mjs');
await main(process.argv.slice(2));
