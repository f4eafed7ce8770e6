// The authority over HTTP, for the CLI (--server URL --token T) and the desktop's connected mode.
// Mutating calls carry an Idempotency-Key that stays the same across retries, so a retry after a
// lost answer returns the first result and never issues twice. "Unreachable" (we never got an
// answer) and "rejected by the server" (it answered no) are different errors; so is a server that
// answers, but not as a Licence Desk authority (SERVER_BAD_RESPONSE, not retried).
import { randomUUID } from 'node:crypto';
import { OPERATIONS, type OpName, type OpOutput } from '../../shared/api';
import { err, LdError, type ErrorKind, type Params } from '../../shared/errors';
import type { Client } from '../client';
import { DEFAULT_TIMEOUT_MS } from './timeout';

export interface HttpClientOptions {
  url: string;
  token?: string;
  /** Per attempt, including reading the answer (default 15 s). */
  timeoutMs?: number;
  /** Further attempts after a failure that may be passing (unreachable, timeout, busy); default 2. */
  retries?: number;
}

const STATUS_KIND: Record<number, ErrorKind> = {
  400: 'input',
  401: 'forbidden',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'input',
  415: 'input',
  422: 'rule',
  429: 'rule',
  500: 'internal',
};
// Worth another attempt with the same Idempotency-Key: the request may not have arrived, the server
// is briefly unavailable (503), or the first attempt is still running there. A server that answered
// something other than a Licence Desk answer will not change its mind in a second.
const retryable = (e: unknown): boolean =>
  e instanceof LdError &&
  ((e.kind === 'unavailable' && e.code !== 'SERVER_BAD_RESPONSE') || e.code === 'IDEMPOTENCY_IN_PROGRESS');

export function httpClient(opts: HttpClientOptions): Client {
  let base: URL;
  try {
    base = new URL(opts.url);
  } catch {
    throw err.SERVER_URL_INVALID({ variant: 'address', serverUrl: opts.url.slice(0, 100) });
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw err.SERVER_URL_INVALID({ variant: 'protocol', protocol: base.protocol });
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return {
    call: (name, input) => callWithRetries(base, opts, name, input),
    close: async () => undefined,
  };
}

async function callWithRetries<N extends OpName>(
  base: URL,
  opts: HttpClientOptions,
  name: N,
  input: unknown,
): Promise<OpOutput<N>> {
  const key = OPERATIONS[name].mutating ? randomUUID() : undefined;
  const attempts = 1 + (opts.retries ?? 2);
  for (let attempt = 1; ; attempt++) {
    try {
      return await callOnce(base, opts, name, input, key);
    } catch (e) {
      if (!retryable(e) || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function callOnce<N extends OpName>(
  base: URL,
  opts: HttpClientOptions,
  name: N,
  input: unknown,
  key: string | undefined,
): Promise<OpOutput<N>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (key) headers['idempotency-key'] = key;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  let res: Response;
  let body: unknown;
  try {
    res = await fetch(new URL(`v1/${name}`, base), {
      method: 'POST',
      headers,
      body: JSON.stringify(input ?? {}),
      signal,
    });
    body = await readJson(res, base);
  } catch (e) {
    throw e instanceof LdError ? e : unreachable(e, base);
  }
  if (res.ok) {
    const parsed = OPERATIONS[name].output.safeParse(body);
    if (!parsed.success) throw badResponse(base, 'its answer does not match the contract');
    return parsed.data as OpOutput<N>;
  }
  return rejected(res.status, body, base);
}

/** The body as JSON; a timeout while reading it is still a timeout. */
async function readJson(res: Response, base: URL): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    if (res.status === 503) return {}; // e.g. a proxy's "service unavailable" page: still busy, not a bad server
    throw badResponse(base, `it answered HTTP ${res.status} without JSON`);
  }
}

function unreachable(e: unknown, base: URL): LdError {
  const failure = e as Error;
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') {
    return err.SERVER_TIMEOUT({ host: base.host });
  }
  const cause = failure.cause instanceof Error ? failure.cause.message : 'no connection';
  return err.SERVER_UNREACHABLE({ host: base.host, cause });
}

function rejected(status: number, body: unknown, base: URL): never {
  const b = body as { code?: unknown; message?: unknown; params?: unknown };
  const params = b?.params && typeof b.params === 'object' ? (b.params as Params) : {};
  if (status === 503) {
    // Ours (DATABASE_UNAVAILABLE) or a proxy's page: either way, try again shortly.
    if (typeof b?.code !== 'string' || typeof b?.message !== 'string') throw err.SERVER_BUSY({ host: base.host });
    throw new LdError({ code: b.code, message: b.message, kind: 'unavailable', params });
  }
  if (typeof b?.code !== 'string' || typeof b?.message !== 'string')
    throw badResponse(base, `it answered HTTP ${status} without an error code`);
  // The server's code and params travel on, so the desktop renders the message in its own language.
  throw new LdError({
    code: b.code,
    message: `${b.message} (rejected by the server)`,
    kind: STATUS_KIND[status] ?? 'internal',
    params,
  });
}

const badResponse = (base: URL, why: string) => err.SERVER_BAD_RESPONSE({ host: base.host, why });
