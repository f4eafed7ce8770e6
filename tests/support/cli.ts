// Runs the real `licence-desk` CLI (or another script of the repo) in a fresh Node process, the
// way a user or a script would: arguments, environment, standard input; collects the outputs.
// BIN runs the built bundle (out/cli), rebuilt first by BIN itself whenever a source is newer.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO, 'bin', 'licence-desk.mjs');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Script to run instead of the CLI entry. */
  script?: string;
  cwd?: string;
  /** The whole environment (default: ours without LICENCE_DESK_DATA and LICENCE_DESK_TOKEN). */
  env?: NodeJS.ProcessEnv;
  input?: string;
}

/** Our environment minus the variables that would point a test at real data or a real server, in English. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('LICENCE_DESK_DATA' in extra)) delete env.LICENCE_DESK_DATA;
  if (!('LICENCE_DESK_TOKEN' in extra)) delete env.LICENCE_DESK_TOKEN;
  // The CLI words its errors in the locale's language: English (C.UTF-8) unless a test names a
  // locale, and then only the variables it names, so the developer's own LC_ALL cannot win.
  const locale = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;
  const asked = locale.some((v) => v in extra);
  for (const v of locale) if (!(v in extra)) delete env[v];
  if (!asked) env.LANG = 'C.UTF-8';
  return env;
}

export function runProcess(args: string[], o: RunOptions = {}): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [o.script ?? BIN, ...args], {
      cwd: o.cwd ?? REPO,
      env: o.env ?? cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(o.input ?? '');
  });
}

export const runCli = (args: string[]): Promise<CliResult> => runProcess(args);
