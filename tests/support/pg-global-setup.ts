// Starts one throwaway PostgreSQL cluster on 127.0.0.1 for the whole test run (ready in ~1 s):
// initdb with trust auth and fsync off, a free port, a socket folder of its own. Each test that
// needs PostgreSQL creates its own database in it (see postgres.ts). Stopped and deleted at the end.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const PG_ROOT = '/usr/lib/postgresql';

function pgBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const version = readdirSync(PG_ROOT).sort((a, b) => Number(b) - Number(a))[0];
  return version ? join(PG_ROOT, version, 'bin') : undefined;
}

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as { port: number };
    s.close(() => resolve(port));
  }).on('error', reject);
});

/** Runs a PostgreSQL tool as the postgres user when we are root (initdb refuses root). */
function asPostgres(cmd: string, args: string[]): void {
  if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', [cmd, ...args].map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
  else execFileSync(cmd, args, { stdio: 'pipe' });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const bin = pgBin();
  if (!bin) {
    project.provide('pgUrl', '');
    return () => undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ld-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  asPostgres(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`, 'start']);
  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return () => {
    try {
      asPostgres(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
