// Online verification through `licence-desk serve` (HTTP, schema, signature check, database
// write, signed receipt), with the load from a second process, against two baselines in the
// same run: a bare node:http server answering a fixed body (bare_http), and a bare node:http
// server doing exactly the crypto of a check-in (limit-server.ts: verify_limit), on the same
// signed requests. On SQLite, and on PostgreSQL when it is installed: there also with two
// `serve` processes sharing one database and one load, to show how the design scales out.
import { spawn, type ChildProcess } from 'node:child_process';
import { createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Authority } from '../src/authority/authority';
import { oneOffRequest } from '../src/device/one-off';
import { decodeCode } from '../src/licensing/codes';
import { requestBytes } from '../src/licensing/verification';
import { startPgCluster } from '../tests/support/pg-cluster';
import { startAndWait, stop } from '../tests/support/process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONCURRENCY = 16;
const PATH = '/v1/verification.check';

interface Store {
  name: string;
  data: string;
  database: string | undefined;
  serial: string;
  privateKey: KeyObject;
  chainDer: Buffer;
}

export async function benchVerify(seconds: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-bench-verify-'));
  const pg = await startPgCluster();
  try {
    const bare = await measureBare(dir, seconds);
    const sqliteStore = await prepareStore(dir, 'sqlite', undefined);
    // The limit before and after the servers, averaged: a neighbour's load that comes or goes
    // during the run then weighs on both sides of the ratio.
    const limits = [await measureLimit(dir, sqliteStore, seconds)];
    const sqlite = await measureServe(dir, sqliteStore, 1, seconds);
    const servers: Record<string, number> = { verify_per_s: sqlite };
    if (pg) {
      const pgStore = await prepareStore(dir, 'postgres', pg.url);
      servers.verify_per_s_pg = await measureServe(dir, pgStore, 1, seconds);
      servers.verify_per_s_pg_2 = await measureServe(dir, pgStore, 2, seconds);
    }
    limits.push(await measureLimit(dir, sqliteStore, seconds));
    return ratios(servers, bare, round((limits[0]! + limits[1]!) / 2));
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function ratios(s: Record<string, number>, bare: number, limit: number): Record<string, number> {
  const out: Record<string, number> = {
    verify_per_s: s.verify_per_s!,
    bare_http_per_s: bare,
    verify_ratio: round(s.verify_per_s! / bare, 3),
    verify_limit_per_s: limit,
    verify_limit_ratio: round(s.verify_per_s! / limit, 3),
  };
  if (s.verify_per_s_pg !== undefined && s.verify_per_s_pg_2 !== undefined) {
    Object.assign(out, {
      verify_per_s_pg: s.verify_per_s_pg,
      verify_ratio_pg: round(s.verify_per_s_pg / bare, 3),
      verify_limit_ratio_pg: round(s.verify_per_s_pg / limit, 3),
      verify_per_s_pg_2: s.verify_per_s_pg_2,
      verify_pg_2_scaling: round(s.verify_per_s_pg_2 / s.verify_per_s_pg, 3),
    });
  }
  return out;
}

async function measureBare(dir: string, seconds: number): Promise<number> {
  const bodies = join(dir, 'bare.json');
  writeFileSync(
    bodies,
    JSON.stringify(Array.from({ length: 200_000 }, (_, i) => JSON.stringify({ n: i, pad: 'x'.repeat(180) }))),
  );
  return withServers([['bench/bare-server.mjs']], (urls) => load(urls, bodies, seconds));
}

async function measureLimit(dir: string, store: Store, seconds: number): Promise<number> {
  const bodies = writeBodies(dir, `limit-${Date.now()}`, store, seconds);
  const spki = createPublicKey(store.privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  const args = ['--import', 'tsx', 'bench/limit-server.ts', spki, store.chainDer.toString('base64')];
  return withServers([args], (urls) => load(urls, bodies, seconds));
}

/** `processes` servers on the store's database, one load spread over them. */
async function measureServe(dir: string, store: Store, processes: number, seconds: number): Promise<number> {
  const bodies = writeBodies(dir, `${store.name}-${processes}`, store, seconds);
  const args = [
    'bin/licence-desk.mjs',
    '--data',
    store.data,
    ...(store.database ? ['--database', store.database] : []),
    'serve',
    '--port',
    '0',
    '--verify-limit',
    '0',
  ];
  return withServers(
    Array.from({ length: processes }, () => args),
    (urls) => load(urls, bodies, seconds),
  );
}

async function withServers<T>(argsList: string[][], fn: (urls: string) => Promise<T>): Promise<T> {
  const started: ChildProcess[] = [];
  try {
    const urls: string[] = [];
    for (const args of argsList) {
      const { child, match } = await startAndWait(args, {
        ready: /(?:listening on|running at) (http:\/\/127\.0\.0\.1:\d+)/,
      });
      started.push(child);
      urls.push(`${match[1]!}${PATH}`);
    }
    return await fn(urls.join(','));
  } finally {
    await Promise.all(started.map(stop));
  }
}

async function prepareStore(dir: string, name: string, database: string | undefined): Promise<Store> {
  const data = join(dir, name);
  await Authority.init(data, database);
  const a = await Authority.open({ dataDir: data, ...(database ? { database } : {}) });
  try {
    await a.call('devices.add', { serial: 'BENCH-V1', model: 'comtrexx-vm' });
    await a.call('licences.grant', { serial: 'BENCH-V1', feature: 11, quantity: 10 });
    const { code, privateKey } = oneOffRequest({ serial: 'BENCH-V1', model: 'comtrexx-vm' });
    const answer = await a.call('certificates.recreate', { initCode: code });
    return {
      name,
      data,
      database,
      serial: answer.certificateSerial,
      privateKey,
      chainDer: Buffer.from(decodeCode(answer.code, 'answer').ders[1]!),
    };
  } finally {
    await a.close();
  }
}

/** Signed check-ins made in advance, each with its own nonce, so the load process only sends. */
function writeBodies(dir: string, name: string, store: Store, seconds: number): string {
  const deviceTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const certificateSerial = store.serial;
  const bodies = Array.from({ length: Math.ceil(seconds * 6000) }, () => {
    const nonce = randomBytes(16).toString('base64url');
    const signature = sign('sha256', requestBytes({ certificateSerial, deviceTime, nonce }), store.privateKey);
    return JSON.stringify({ certificateSerial, deviceTime, nonce, signature: signature.toString('base64') });
  });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(bodies));
  return file;
}

function load(urls: string, bodiesFile: string, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bench', 'load.mjs'), urls, bodiesFile, String(seconds), String(CONCURRENCY)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => {
      try {
        const r = JSON.parse(out) as { count: number; errors: number; seconds: number };
        if (r.errors > r.count / 100) reject(new Error(`bench: ${r.errors} failed requests against ${urls}`));
        resolve(round(r.count / r.seconds));
      } catch (e) {
        reject(e);
      }
    });
  });
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits));
