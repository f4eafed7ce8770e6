// Browser mode's API: POST /api/<channel> with a JSON body, answered by the IPC dispatcher with
// its usual envelope. The checks run before the body is read, cheapest first: method, token,
// content type, channel; then the size limit while reading, then JSON.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isChannel } from '../../shared/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import { PAYLOAD_LIMITS } from '../ipc/payload';
import { err } from '../../shared/errors';
import { checkToken, refusal, type Refusal } from './guard';

/** JSON bytes for the largest valid call, with room to spare; more is refused before parsing. */
export const MAX_BODY = PAYLOAD_LIMITS.maxChars * 2;

export interface ApiOptions {
  dispatch: Dispatch;
  token: string;
}

export function refuse(reply: FastifyReply, r: Refusal): FastifyReply {
  return reply
    .code(r.status)
    .header('Cache-Control', 'no-store')
    .send({ ok: false, error: { code: r.code, message: r.message, params: r.params } });
}

const TOO_LARGE = refusal(
  err.INPUT_TOO_LARGE({ variant: 'input', limitKiB: Math.floor(MAX_BODY / 1024), what: 'read' }),
  413,
);
const NOT_JSON = refusal(err.INPUT_INVALID({ variant: 'notJson' }));

function precheck(req: FastifyRequest, token: string): Refusal | undefined {
  if (req.method !== 'POST') return refusal(err.METHOD_NOT_ALLOWED({ variant: 'api' }));
  const tokenRefusal = checkToken(req.headers.authorization, token);
  if (tokenRefusal) return tokenRefusal;
  // JSON only: a cross-site form or a "simple" fetch cannot send it without a CORS preflight we never grant.
  if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? ''))
    return refusal(err.CONTENT_TYPE_UNSUPPORTED());
  if (!isChannel(channelOf(req))) return refusal(err.CHANNEL_UNKNOWN(), 404);
  return undefined;
}

const channelOf = (req: FastifyRequest): string => (req.params as { '*': string })['*'];

export async function apiRoute(app: FastifyInstance, opts: ApiOptions): Promise<void> {
  // Plain JSON.parse, not fastify's prototype-stripping parser: the dispatcher refuses
  // __proto__ and friends itself, with the same error the IPC path gives.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error(NOT_JSON.message), { refusal: NOT_JSON }), undefined);
    }
  });
  app.setErrorHandler((error: { code?: string; refusal?: Refusal }, _req, reply) => {
    if (error.refusal) return refuse(reply, error.refusal);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, TOO_LARGE);
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return refuse(reply, NOT_JSON);
    return refuse(reply, refusal(err.INTERNAL({ variant: 'browserMode' })));
  });
  app.all('/api/*', {
    onRequest: async (req, reply) => {
      const refusal = precheck(req, opts.token);
      if (refusal) return refuse(reply, refusal);
    },
    handler: async (req, reply) =>
      reply.header('Cache-Control', 'no-store').send(await opts.dispatch(channelOf(req), req.body ?? {})),
  });
}
