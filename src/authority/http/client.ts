// The authority over HTTP, for the CLI (--server URL --token T) and the desktop's connected mode.
// Mutating calls carry an Idempotency-Key that stays the same across retries, so a retry after a
// lost answer returns the first result and never issues twice. "Unreachable" (we never got an
// answer) and "rejected by the server" (it answered no) are different errors.
import { randomUUID } from 'node:crypto';
import { OPERATIONS, type OpName, type OpOutput } from '../../shared/api';
import { LdError, type ErrorKind } from '../../shared/errors';
import type { Client } from '../client';

export interface HttpClientOptions {
  url: string;
  token?: string;
  timeoutMs?: number;
  retries?: number;
}

const STATUS_KIND: Record<number, ErrorKind> = { 400: 'input', 401: 'forbidden', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'input', 422: 'rule', 429: 'rule' };

export function httpClient(opts: HttpClientOptions): Client {
  const base = new URL(opts.url);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new LdError({ code: 'SERVER_URL_INVALID', message: `The server address must start with http:// or https://, not ${base.protocol}`, kind: 'input' });
  return {
    call: (name, input) => callWithRetries(base, opts, name, input),
    close: async () => undefined,
  };
}

async function callWithRetries<N extends OpName>(base: URL, opts: HttpClientOptions, name: N, input: unknown): Promise<OpOutput<N>> {
  const op = OPERATIONS[name];
  const key = op.mutating ? randomUUID() : undefined;
  const attempts = 1 + (opts.retries ?? 2);
  for (let attempt = 1; ; attempt++) {
    try {
      return await callOnce(base, opts, name, input, key);
    } catch (e) {
      const retryable = e instanceof LdError && (e.kind === 'unavailable' || e.code === 'SERVER_BUSY');
      if (!retryable || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function callOnce<N extends OpName>(base: URL, opts: HttpClientOptions, name: N, input: unknown, key: string | undefined): Promise<OpOutput<N>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (key) headers['idempotency-key'] = key;
  let res: Response;
  try {
    res = await fetch(new URL(`v1/${name}`, base.href.endsWith('/') ? base : `${base.href}/`), {
      method: 'POST', headers, body: JSON.stringify(input ?? {}), signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
  } catch (e) {
    const timedOut = (e as Error).name === 'TimeoutError';
    throw new LdError({ code: timedOut ? 'SERVER_TIMEOUT' : 'SERVER_UNREACHABLE', kind: 'unavailable',
      message: timedOut ? `The server at ${base.host} did not answer in time.` : `The server at ${base.host} cannot be reached (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : 'no connection'}).` });
  }
  const body = await readJson(res, base);
  if (res.ok) {
    const parsed = OPERATIONS[name].output.safeParse(body);
    if (!parsed.success) throw badResponse(base, 'its answer does not match the contract');
    return parsed.data as OpOutput<N>;
  }
  return rejected(res.status, body, base);
}

async function readJson(res: Response, base: URL): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw badResponse(base, `it answered HTTP ${res.status} without JSON`);
  }
}

function rejected(status: number, body: unknown, base: URL): never {
  const b = body as { code?: unknown; message?: unknown };
  if (typeof b?.code !== 'string' || typeof b?.message !== 'string') throw badResponse(base, `it answered HTTP ${status} without an error code`);
  if (status === 503) throw new LdError({ code: 'SERVER_BUSY', message: b.message, kind: 'unavailable' });
  throw new LdError({ code: b.code, message: `${b.message} (rejected by the server)`, kind: STATUS_KIND[status] ?? 'internal' });
}

const badResponse = (base: URL, why: string) =>
  new LdError({ code: 'SERVER_BAD_RESPONSE', message: `The server at ${base.host} is not a Licence Desk authority: ${why}.`, kind: 'unavailable' });
