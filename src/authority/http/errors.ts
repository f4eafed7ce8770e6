// Every failure leaves the server as {code, kind, params, message} (params: the values its message
// is made of, so a client renders it in its own language), with the status status.ts gives it; never a stack trace. Failures that
// are not ours (a bug, a database that fell over) are logged here with their cause and answered
// with a generic message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { err, isLdError, LdError, type ErrorValue } from '../../shared/errors';
import { statusOf } from './status';

export interface HttpOutcome {
  status: number;
  body: unknown;
}

// Connection-level failures of either database: the server is fine, its database is not (yet).
const DB_DOWN = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/** Fastify's own request errors, as our codes. */
function fromFastify(e: FastifyError): LdError | undefined {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return err.BODY_TOO_LARGE();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return err.CONTENT_TYPE_UNSUPPORTED();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return err.BODY_NOT_JSON({ variant: 'empty' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return err.BODY_NOT_JSON({ variant: 'syntax', message: e.message });
  }
  if (e instanceof SyntaxError) return err.BODY_NOT_JSON({ variant: 'invalid' });
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return err.REQUEST_INVALID({ reason: e.message });
  return undefined;
}

/** Any thrown value as an LdError; the second value says whether it was unexpected (to be logged). */
export function classify(e: unknown): [LdError, boolean] {
  if (isLdError(e)) return [e, e.kind === 'internal'];
  const fromFw = e instanceof Error ? fromFastify(e as FastifyError) : undefined;
  if (fromFw) return [fromFw, false];
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && DB_DOWN.has(code)) {
    return [err.DATABASE_UNAVAILABLE(), true];
  }
  return [err.INTERNAL({ variant: 'server' }), true];
}

export const errorBody = (e: ErrorValue) => ({
  code: e.code,
  kind: e.kind,
  params: e.params ?? {},
  message: e.message,
});

/** The outcome a failed request answers with; unexpected failures are logged with their cause. */
export function failure(e: unknown, request: FastifyRequest): HttpOutcome {
  const [err, unexpected] = classify(e);
  if (unexpected) request.log.error({ err: e, op: request.url }, 'request failed');
  return { status: statusOf(err), body: errorBody(err) };
}

export function sendOutcome(reply: FastifyReply, outcome: HttpOutcome): FastifyReply {
  if (outcome.status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(outcome.status).type('application/json; charset=utf-8').send(outcome.body);
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendOutcome(reply, failure(error, request));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const path = request.url.split('?')[0]!.slice(0, 80);
  return sendOutcome(reply, failure(err.ROUTE_NOT_FOUND({ method: request.method, path }), request));
}

export const tokenMissing = () => err.TOKEN_MISSING({ variant: 'api' });
export const tokenInvalid = () => err.TOKEN_INVALID({ variant: 'unknown' });
