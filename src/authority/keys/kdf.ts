// Passphrase → key: scrypt, memory-hard so a stolen sealed file or backup cannot be brute-forced
// cheaply. N = 2^17, r = 8, p = 1 (about 128 MiB and a few hundred ms per derivation here), the
// parameters stored with each file so a later, costlier default still opens older files. Tests
// lower the cost with LICENCE_DESK_SCRYPT_LOG2N=10; it only affects what is sealed from now on.
import { scryptSync } from 'node:crypto';
import { err } from '../../shared/errors';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_LOG2N = 17;
const MIN_LOG2N = 10;
/** A file asking for more than this is refused rather than letting it exhaust memory. */
const MAX_LOG2N = 20;

export function scryptParams(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const raw = env.LICENCE_DESK_SCRYPT_LOG2N;
  if (raw === undefined || raw === '') return { N: 2 ** DEFAULT_LOG2N, r: 8, p: 1 };
  const log2n = Number(raw);
  if (!Number.isInteger(log2n) || log2n < MIN_LOG2N || log2n > MAX_LOG2N)
    throw err.SCRYPT_COST_INVALID({ raw, min: MIN_LOG2N, max: MAX_LOG2N });
  return { N: 2 ** log2n, r: 8, p: 1 };
}

/** Whether parameters read from a file are ones we would ever write (an edited file must not make us allocate gigabytes). */
export function validScryptParams(v: unknown): v is ScryptParams {
  const o = v as ScryptParams;
  return (
    typeof o === 'object' &&
    o !== null &&
    Number.isInteger(o.N) &&
    o.N >= 2 ** MIN_LOG2N &&
    o.N <= 2 ** MAX_LOG2N &&
    (o.N & (o.N - 1)) === 0 &&
    o.r === 8 &&
    o.p === 1
  );
}

export function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  const { N, r, p } = params;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem: 128 * N * r * 2 });
}
