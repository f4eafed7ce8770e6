// Online verification through `licence-desk serve` (HTTP, schema, signature check, database
// write, signed receipt) against a bare node:http server answering a fixed body, in the same run,
// with the load from a second process. On SQLite, and on PostgreSQL when it is installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Authority } from '../src/authority/authority';
import { oneOffRequest } from '../src/device/one-off';
import { requestBytes } from '../src/licensing/verification';
import { startPgCluster } from '../tests/support/pg-cluster';
import { startAndWait } from '../tests/support/process';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONCURRENCY = 16;

export async function benchVerify(seconds: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'ld-bench-verify-'));
  const pg = await startPgCluster();
  try {
    const bare = await measureBare(dir, seconds);
    const sqlite = await measureServe(dir, 'sqlite', undefined, seconds);
    const out: Record<string, number> = {
      verify_per_s: sqlite,
      bare_http_per_s: bare,
      verify_ratio: round(sqlite / bare, 3),
    };
    if (pg) {
      const onPg = await measureServe(dir, 'postgres', pg.url, seconds);
      Object.assign(out, { verify_per_s_pg: onPg, verify_ratio_pg: round(onPg / bare, 3) });
    }
    return out;
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureBare(dir: string, seconds: number): Promise<number> {
  const bodies = join(dir, 'bare.json');
  writeFileSync(
    bodies,
    JSON.stringify(Array.from({ length: 200_000 }, (_, i) => JSON.stringify({ n: i, pad: 'x'.repeat(180) }))),
  );
  const server = await startChild(['bench/bare-server.mjs']);
  try {
    return await load(`${server.url}/v1/verification.check`, bodies, seconds);
  } finally {
    server.child.kill();
  }
}

async function measureServe(dir: string, name: string, database: string | undefined, seconds: number): Promise<number> {
  const data = join(dir, name);
  await Authority.init(data, database);
  const { serial, privateKey } = await issueOne(data, database);
  const bodies = join(dir, `${name}.json`);
  writeFileSync(bodies, JSON.stringify(signedRequests(serial, privateKey, Math.ceil(seconds * 6000))));
  const args = [
    'bin/licence-desk.mjs',
    '--data',
    data,
    ...(database ? ['--database', database] : []),
    'serve',
    '--port',
    '0',
    '--verify-limit',
    '0',
  ];
  const server = await startChild(args);
  try {
    return await load(`${server.url}/v1/verification.check`, bodies, seconds);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
}

async function issueOne(data: string, database: string | undefined) {
  const a = await Authority.open({ dataDir: data, ...(database ? { database } : {}) });
  try {
    await a.call('devices.add', { serial: 'BENCH-V1', model: 'comtrexx-vm' });
    await a.call('licences.grant', { serial: 'BENCH-V1', feature: 11, quantity: 10 });
    const { code, privateKey } = oneOffRequest({ serial: 'BENCH-V1', model: 'comtrexx-vm' });
    const answer = await a.call('certificates.recreate', { initCode: code });
    return { serial: answer.certificateSerial, privateKey };
  } finally {
    await a.close();
  }
}

/** Signed check-ins made in advance, each with its own nonce, so the load process only sends. */
function signedRequests(certificateSerial: string, key: KeyObject, n: number): string[] {
  const deviceTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return Array.from({ length: n }, () => {
    const nonce = randomBytes(16).toString('base64url');
    const signature = sign('sha256', requestBytes({ certificateSerial, deviceTime, nonce }), key).toString('base64');
    return JSON.stringify({ certificateSerial, deviceTime, nonce, signature });
  });
}

async function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const { child, match } = await startAndWait(args, {
    ready: /(?:listening on|running at) (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return { child, url: match[1]! };
}

function load(url: string, bodiesFile: string, seconds: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bench', 'load.mjs'), url, bodiesFile, String(seconds), String(CONCURRENCY)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', () => {
      try {
        const r = JSON.parse(out) as { count: number; errors: number; seconds: number };
        if (r.errors > r.count / 100) reject(new Error(`bench: ${r.errors} failed requests against ${url}`));
        resolve(round(r.count / r.seconds));
      } catch (e) {
        reject(e);
      }
    });
  });
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits));
