// `npm start` (scripts/launch.mjs) where Electron cannot run: one line saying why, then browser
// mode on loopback with the real services — the same path a newcomer on this machine takes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('npm start falls back to browser mode with one line saying why, and serves the app', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ld-launch-'));
  dirs.push(dir);
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'launch.mjs'), '--data', join(dir, 'data'), '--port', '0'], {
    cwd: ROOT, env: { ...process.env, LICENCE_DESK_BROWSER: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/)#token=\S+/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`launch exited ${code}: ${out}`)); });
  });
  try {
    expect(out).toMatch(/starting browser mode instead/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});
