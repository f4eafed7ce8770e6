// The CLI's start, as a user's script sees it: whole processes, beside Node's own start.
// - cli_ms: median wall time of `licence-desk --data D device list --json` on a data folder with
//   1,000 devices (process start to exit, output read through a pipe); baseline node_ms: `node -e 0`.
//   cli_ratio = cli_ms / node_ms (target ≤ 3).
// - cli_peak_mb / node_peak_mb: their peak resident memory (Maximum resident set size from
//   /usr/bin/time), median over the same runs.
// Runs alternate between the two so a busy machine slows both alike.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Authority } from '../src/authority/authority';
import { insertDevices } from '../tests/e2e/bulk';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'licence-desk.mjs');
const TIME = '/usr/bin/time';
const DEVICES = 1000;
const MIN_ROUNDS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

interface Run {
  ms: number;
  peakMb: number;
}

/** One whole process under /usr/bin/time: wall time measured here, peak memory reported by time. */
function timed(args: string[], rssFile: string): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let bytes = 0;
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    child.on('error', fail);
    child.on('close', (status) => {
      const ms = performance.now() - started;
      if (status !== 0) return fail(new Error(`${args.join(' ')} exited with ${status}`));
      if (args[0] === BIN && bytes === 0) return fail(new Error('the CLI printed nothing'));
      done({ ms, peakMb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 });
    });
  });
}

export async function benchCli(seconds: number): Promise<Record<string, number>> {
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed for the peak memory figures (apt-get install time).`);
  // The bundle users run, current with the sources (a plain .mjs script, hence the untyped import).
  const { buildCli } = (await import('../scripts/build-cli.mjs' as string)) as { buildCli: () => Promise<unknown> };
  await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'ld-bench-cli-'));
  try {
    const data = join(dir, 'data');
    await Authority.init(data);
    const a = await Authority.open({ dataDir: data });
    try {
      await insertDevices(a, DEVICES);
    } finally {
      await a.close();
    }
    const rss = join(dir, 'rss');
    const cliArgs = [BIN, '--data', data, 'device', 'list', '--json'];
    await timed(cliArgs, rss); // warm the page cache
    const cli: Run[] = [];
    const node: Run[] = [];
    const until = performance.now() + seconds * 1000;
    while (cli.length < MIN_ROUNDS || performance.now() < until) {
      node.push(await timed(['-e', '0'], rss));
      cli.push(await timed(cliArgs, rss));
    }
    const cliMs = median(cli.map((r) => r.ms));
    const nodeMs = median(node.map((r) => r.ms));
    return {
      cli_ms: round1(cliMs),
      node_ms: round1(nodeMs),
      cli_ratio: Math.round((cliMs / nodeMs) * 100) / 100,
      cli_peak_mb: round1(median(cli.map((r) => r.peakMb))),
      node_peak_mb: round1(median(node.map((r) => r.peakMb))),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
