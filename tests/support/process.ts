// Starts a long-running process of the repo (browser mode, a server, `npm start`) and waits for
// the line that says it is ready. No vitest imports: Playwright fixtures and the bench use it too.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface Started {
  child: ChildProcess;
  /** The match of `ready` in the output. */
  match: RegExpExecArray;
  output: () => string;
}

export interface StartOptions {
  /** Matched against stdout and stderr together. */
  ready: RegExp;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export function startAndWait(args: string[], o: StartOptions): Promise<Started> {
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: o.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready after ${o.timeoutMs ?? 30_000} ms: ${out}`));
    }, o.timeoutMs ?? 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const match = o.ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready: ${out}`));
    });
  });
}

/** Stops a started process: SIGTERM, then SIGKILL after 5 s. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
  });
}
