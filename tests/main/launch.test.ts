// `npm start` (scripts/launch.mjs) where Electron cannot run: one line saying why, then browser
// mode on loopback with the real services — the same path a newcomer on this machine takes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { startAndWait, stop } from '../support/process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

it('npm start falls back to browser mode with one line saying why, and serves the app', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ld-launch-'));
  dirs.push(dir);
  const { child, match, output } = await startAndWait(
    [join(ROOT, 'scripts', 'launch.mjs'), '--data', join(dir, 'data'), '--port', '0'],
    {
      env: { ...process.env, LICENCE_DESK_BROWSER: '1' },
      ready: /running at (http:\/\/127\.0\.0\.1:\d+\/)#token=\S+/,
      timeoutMs: 60_000,
    },
  );
  const url = match[1]!;
  try {
    expect(output()).toMatch(/starting browser mode instead/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  } finally {
    await stop(child);
  }
});
