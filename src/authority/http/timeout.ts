// How long a client of the HTTP authority (the CLI with --server, the desktop in connected mode)
// waits for an answer: LICENCE_DESK_TIMEOUT seconds, else 15 s (docs/server.md).
import { err } from '../../shared/errors';

export const DEFAULT_TIMEOUT_MS = 15_000;

export function requestTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.LICENCE_DESK_TIMEOUT;
  if (raw === undefined || raw === '') return DEFAULT_TIMEOUT_MS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw err.OPTION_INVALID({ variant: 'timeout', raw });
  return Math.round(seconds * 1000);
}
