// Every failure leaves the server as {code, message} (plus details where they help, e.g. where a
// pasted code is broken), with the status status.ts gives it; never a stack trace. Failures that
// are not ours (a bug, a database that fell over) are logged here with their cause and answered
// with a generic message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, inputError, isLdError, LdError, notFound, type ErrorValue } from '../../shared/errors';
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
      return inputError('BODY_TOO_LARGE', 'The request body is larger than this server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return inputError('CONTENT_TYPE_UNSUPPORTED', 'Send the request body as JSON (Content-Type: application/json).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return inputError('BODY_NOT_JSON', 'The request body is empty; send a JSON object ({} for no fields).');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return inputError('BODY_NOT_JSON', `The request body is not valid JSON: ${e.message}`);
  }
  if (e instanceof SyntaxError) return inputError('BODY_NOT_JSON', 'The request body is not valid JSON.');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return inputError('REQUEST_INVALID', e.message);
  return undefined;
}

/** Any thrown value as an LdError; the second value says whether it was unexpected (to be logged). */
export function classify(e: unknown): [LdError, boolean] {
  if (isLdError(e)) return [e, e.kind === 'internal'];
  const fromFw = e instanceof Error ? fromFastify(e as FastifyError) : undefined;
  if (fromFw) return [fromFw, false];
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string' && DB_DOWN.has(code)) {
    return [
      new LdError({
        code: 'DATABASE_UNAVAILABLE',
        message: "The authority's database cannot be reached right now; try again shortly.",
        kind: 'unavailable',
      }),
      true,
    ];
  }
  return [
    new LdError({
      code: 'INTERNAL',
      message: 'The server failed unexpectedly; the failure was logged.',
      kind: 'internal',
    }),
    true,
  ];
}

export const errorBody = (e: ErrorValue) => ({
  code: e.code,
  message: e.message,
  ...(e.details ? { details: e.details } : {}),
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
  return sendOutcome(
    reply,
    failure(
      notFound(
        'ROUTE_NOT_FOUND',
        `There is no ${request.method} ${path}; operations are POST /v1/<operation> (see /openapi.json).`,
      ),
      request,
    ),
  );
}

export const tokenMissing = () =>
  forbidden('TOKEN_MISSING', 'This operation needs an API token: send "Authorization: Bearer <token>".');
export const tokenInvalid = () => forbidden('TOKEN_INVALID', 'The API token is unknown or was revoked.');
