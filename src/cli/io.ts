// Input and output for CLI commands: bounded reads, one-line errors, JSON when asked.
import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import { err } from '../shared/errors';

/** Codes are at most 16 KiB; a little slack lets the decoder give its own, more specific error. */
const MAX_INPUT = 64 * 1024;

/** Reads FILE, or standard input for '-' (or no argument). */
export function readInput(source: string | undefined, what: string): string {
  const fd = !source || source === '-' ? 0 : openOrFail(source, what);
  try {
    if (fd !== 0 && fstatSync(fd).size > MAX_INPUT)
      throw err.INPUT_TOO_LARGE({ variant: 'source', source: source!, limitKiB: MAX_INPUT / 1024, what });
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(16 * 1024);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > MAX_INPUT) throw err.INPUT_TOO_LARGE({ variant: 'input', limitKiB: MAX_INPUT / 1024, what });
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function openOrFail(file: string, what: string): number {
  try {
    return openSync(file, 'r');
  } catch {
    throw err.FILE_UNREADABLE({ file, what });
  }
}

export const print = (line: string): void => void process.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
export const printJson = (value: unknown): void => print(JSON.stringify(value, null, 2));

/** Parses a whole positive number option, naming the option in the error. */
export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw err.OPTION_INVALID({ variant: 'wholeNumber', name, value });
  return Number(value);
}

/**
 * `licence-desk … | head -1`: once the reader has gone, output is dropped instead of ending the
 * process with an unhandled EPIPE stack trace. The command itself still runs to its end, so a
 * mutation is never cut off halfway by a reader that stopped reading; the exit code is the usual one.
 */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
      throw e;
    });
  }
}
