// Runs the real `licence-desk` CLI in a fresh Node process (as tests/integration/cli.test.ts does).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(REPO, 'bin', 'licence-desk.mjs');

export interface CliResult { status: number | null; stdout: string; stderr: string }

export function runCli(args: string[]): Promise<CliResult> {
  const env = { ...process.env };
  delete env.LICENCE_DESK_DATA;
  delete env.LICENCE_DESK_TOKEN;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
