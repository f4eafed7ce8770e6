// Shared helpers for the server tests: an in-process app with a vendor token and two resellers'
// tokens, requests by app.inject, table dumps to prove "nothing changed", and real `serve`
// processes for the tests where processes matter.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { runProcess, type CliResult } from '../support/cli';
import { afterEach } from 'vitest';
import { ensureFirstVendorToken } from '../../src/authority/admin/bootstrap';
import type { Authority } from '../../src/authority/authority';
import type { Db } from '../../src/authority/db/executor';
import { buildApp, type AppOptions } from '../../src/authority/http/app';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO, 'bin', 'licence-desk.mjs');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
export const onCleanup = (fn: () => Promise<void> | void): void => void cleanups.push(fn);

/** The test's environment without settings that could point a child at real data or a real server. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['LICENCE_DESK_DATA', 'LICENCE_DESK_TOKEN', 'LICENCE_DESK_TIMEOUT', 'LICENCE_DESK_LOG'])
    delete env[k];
  return { ...env, ...extra };
}

export interface Tenants {
  app: FastifyInstance;
  vendor: string;
  /** Reseller tokens: A owns the fixtures, B is the neighbour who must not see them. */
  a: string;
  b: string;
}

/** The app on this authority, its first vendor token, and resellers "Alpha" and "Beta" with a token each. */
export async function tenants(authority: Authority, opts: AppOptions = {}): Promise<Tenants> {
  const app = await buildApp(authority, opts);
  onCleanup(() => app.close());
  const vendor = (await ensureFirstVendorToken(authority.ctx))!;
  const token = async (reseller: string) => {
    await authority.call('resellers.create', { name: reseller });
    return (await authority.call('tokens.create', { role: 'reseller', reseller, label: `${reseller} desk` })).token;
  };
  return { app, vendor, a: await token('Alpha'), b: await token('Beta') };
}

export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; message?: string };
  headers: Record<string, unknown>;
}

/** POST /v1/<op> as the holder of token (none: no Authorization header). */
export async function call(
  app: FastifyInstance,
  op: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const r = await app.inject({
    method: 'POST',
    url: `/v1/${op}`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  return { status: r.statusCode, body: r.json(), headers: r.headers };
}

/** Like call, but the operation must succeed. */
export async function ok<T = Record<string, unknown>>(
  app: FastifyInstance,
  op: string,
  body: unknown,
  token?: string,
  headers?: Record<string, string>,
): Promise<T> {
  const r = await call(app, op, body, token, headers);
  if (r.status !== 200) throw new Error(`${op} answered ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

/** Every row of every table, as text: equal dumps mean nothing changed. */
export async function dumpTables(db: Db): Promise<Record<string, string[]>> {
  const names =
    db.dialect === 'sqlite'
      ? await db.read.all(
          sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.compile(db.qb),
        )
      : await db.read.all(
          sql<{
            name: string;
          }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.compile(db.qb),
        );
  const dump: Record<string, string[]> = {};
  for (const { name } of names) {
    const rows = await db.read.all(sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.compile(db.qb));
    dump[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return dump;
}

export const waitFor = async (what: string, cond: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  dialect: string;
  stdout: () => string;
  stderr: () => string;
  /** The first vendor token, if this process made it. */
  token: () => string | undefined;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `licence-desk --data DIR serve --port 0 …` and waits for its one line. */
export async function startServe(
  dataDir: string,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, '--data', dataDir, 'serve', '--port', '0', ...extra], {
    cwd: REPO,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  onCleanup(async () => {
    if (!gone) child.kill('SIGKILL');
    await exited;
  });
  await waitFor(`serve to listen (stderr: ${err})`, () => /listening on/.test(out) || gone);
  const m = /^Licence Desk authority listening on (http:\/\/\S+) \((sqlite|postgres)\)\n$/.exec(out);
  if (!m) throw new Error(`serve did not start: ${JSON.stringify(out)} ${err}`);
  await new Promise((r) => setTimeout(r, 50)); // stderr (the token line) is written first; let its pipe catch up
  return {
    child,
    url: m[1]!,
    dialect: m[2]!,
    stdout: () => out,
    stderr: () => err,
    exited,
    token: () => /ldt_[A-Za-z0-9_-]{43}/.exec(err)?.[0],
  };
}

export type { CliResult };

/** Runs the real CLI in a new process. */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<CliResult> {
  return runProcess(args, { env: childEnv(env), input });
}
