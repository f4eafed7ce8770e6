// How the CLI starts, as real processes: the bundle prints its version, output into a pipe that
// was closed ends quietly, and the heavy parts (fastify and the server, browser mode, pg) are
// loaded only by the commands that use them: a resolve hook records every file the process loads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Authority } from '../../src/authority/authority';
import { insertDevices } from '../e2e/bulk';
import { BIN, REPO, cleanEnv, runCli } from '../support/cli';

const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(join(tmpdir(), 'ld-cli-start-'));
const data = join(work, 'data');
const DEVICES = 1000;

// Strings only these parts contain (fastify's error codes, pg's SASL mechanism, a function name of
// browser mode's guard: its texts are in the error registry, which every command loads).
const MARKERS = {
  fastify: 'FST_ERR_',
  pg: 'SCRAM-SHA-256',
  browserMode: 'allowedHosts',
} as const;
type Part = keyof typeof MARKERS;

beforeAll(async () => {
  await Authority.init(data);
  const a = await Authority.open({ dataDir: data });
  try {
    await insertDevices(a, DEVICES);
  } finally {
    await a.close();
  }
  writeFileSync(
    join(work, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\n" +
      'export async function resolve(specifier, context, next) {\n' +
      '  const r = await next(specifier, context);\n' +
      "  if (r.url.startsWith('file:')) appendFileSync(process.env.LD_LOADED_LOG, r.url + '\\n');\n" +
      '  return r;\n}\n',
  );
  writeFileSync(
    join(work, 'register.mjs'),
    "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n",
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the CLI with the resolve hook; which heavy parts the files it loaded contain. */
function partsLoadedBy(args: string[]): { status: number | null; stderr: string; parts: Part[] } {
  const log = join(work, `loaded-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', join(work, 'register.mjs'), BIN, ...args], {
    cwd: REPO,
    env: cleanEnv({ LD_LOADED_LOG: log }),
    encoding: 'utf8',
  });
  const files = [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))]
    .map((url) => fileURLToPath(url))
    .filter((f) => f.startsWith(join(REPO, 'out', 'cli')));
  expect(files, 'the CLI ran from its bundle').toContain(join(REPO, 'out', 'cli', 'main.mjs'));
  const code = files.map((f) => readFileSync(f, 'utf8')).join('\n');
  const parts = (Object.keys(MARKERS) as Part[]).filter((p) => code.includes(MARKERS[p]));
  return { status: r.status, stderr: r.stderr, parts };
}

/** A real shell pipeline; the CLI's own exit status comes back on stderr's last line. */
function intoClosedPipe(command: string, env = cleanEnv()): { head: string; status: number; stderr: string } {
  const r = spawnSync('bash', ['-c', `node "${BIN}" ${command} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {
    cwd: REPO,
    env,
    encoding: 'utf8',
  });
  const lines = r.stderr.trimEnd().split('\n');
  const status = Number(/^status=(\d+)$/.exec(lines.pop() ?? '')?.[1]);
  return { head: r.stdout, status, stderr: lines.join('\n') };
}

describe('licence-desk --version', () => {
  it.each(['--version', '-V'])('%s prints the package version and nothing else', async (flag) => {
    const r = await runCli([flag]);
    expect(r).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('output into a closed pipe (| head -1)', () => {
  it('device list --json ends with exit 0 and no stack trace', () => {
    const r = intoClosedPipe(`--data "${data}" device list --json`);
    expect(r.head).toBe('[\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('a command whose reader went away still runs to its end (demo removes its temporary folder)', () => {
    const tmp = join(work, 'tmp');
    mkdirSync(tmp);
    const r = intoClosedPipe('demo', cleanEnv({ TMPDIR: tmp }));
    expect(r.head).toMatch(/^Licence Desk demo/);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('heavy parts load only for the commands that use them', () => {
  it(`device list --json (${DEVICES} devices) loads neither fastify, browser mode nor pg`, () => {
    const r = partsLoadedBy(['--data', data, 'device', 'list', '--json']);
    expect(r.status).toBe(0);
    expect(r.parts).toEqual([]);
  });

  it('--version and --help load none of them either', () => {
    expect(partsLoadedBy(['--version']).parts).toEqual([]);
    expect(partsLoadedBy(['--help']).parts).toEqual([]);
  });

  it('serve loads fastify (and not pg for a SQLite database)', () => {
    const r = partsLoadedBy(['--data', join(work, 'no-such-authority'), 'serve', '--port', '0']);
    expect(r.stderr).toMatch(/\[AUTHORITY_MISSING\]/);
    expect(r.status).toBe(1);
    expect(r.parts).toContain('fastify');
    expect(r.parts).not.toContain('pg');
  });

  it('a postgres:// database loads pg, and only then', () => {
    const r = partsLoadedBy(['--data', data, '--database', 'postgres://ld@127.0.0.1:1/none', 'device', 'list']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.parts).toEqual(['pg']);
  });
});
