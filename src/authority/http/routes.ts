// One route per operation of the contract: POST /v1/<name> with a JSON body, validated by the
// operation's own zod schema (the same messages as the embedded authority; dispatch checks again),
// authenticated before the body is read, rate-limited where the contract says, and idempotent
// where it mutates. Also GET /health (is the database reachable) and GET /openapi.json.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { OPERATIONS, type OpName } from '../../shared/api';
import type { Operation } from '../../shared/api/define';
import { err, isLdError } from '../../shared/errors';
import { parseInput } from '../api/dispatch';
import type { Authority } from '../authority';
import type { Actor } from '../context';
import { actorFor } from './auth';
import { failure, sendOutcome, type HttpOutcome } from './errors';
import { idempotencyKey, requestHash, withIdempotency, type IdempotencyOptions } from './idempotency';
import { ERROR_SCHEMA, routeSchema, takesBulk } from './openapi';

export type Bucket = 'redeem' | 'verify' | 'register';

export interface RouteOptions {
  bodyLimit: number;
  /** For operations that take a long list (takesBulk). */
  bulkBodyLimit: number;
  bucketOf: (op: Operation) => Bucket | undefined;
  rateLimits: Record<Bucket, { max: number; timeWindowMs: number; per: 'token' | 'ip' }>;
  idempotency: IdempotencyOptions;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Validation by the operation's zod schema; the raw body goes on (dispatch parses it again). */
const validator =
  (op: Operation) =>
  ({ httpPart }: { httpPart?: string }) =>
  (data: unknown) => {
    if (httpPart !== 'body') return { value: data };
    try {
      parseInput(op.input, data ?? {});
      return { value: data };
    } catch (e) {
      return { error: isLdError(e) ? e : err.INPUT_INVALID({ variant: 'raw', reason: String(e) }) };
    }
  };

// Rate-limit buckets are keyed by the token's tail (never logged, never stored) or by address.
const rateKey = (per: 'token' | 'ip') => (req: FastifyRequest) =>
  per === 'token' && req.headers.authorization ? `t:${req.headers.authorization.slice(-24)}` : `ip:${req.ip}`;

async function runOp(authority: Authority, name: OpName, req: FastifyRequest): Promise<HttpOutcome> {
  try {
    return { status: 200, body: await authority.call(name, req.body ?? {}, req.actor!) };
  } catch (e) {
    return failure(e, req);
  }
}

export function operationRoutes(app: FastifyInstance, authority: Authority, opts: RouteOptions): void {
  app.decorateRequest('actor', null);
  for (const op of Object.values(OPERATIONS) as Operation[]) {
    const bucket = opts.bucketOf(op);
    const limit = bucket && opts.rateLimits[bucket].max > 0 ? opts.rateLimits[bucket] : undefined;
    const schema = routeSchema(op, limit ? bucket : undefined);
    app.route({
      method: 'POST',
      url: `/v1/${op.name}`,
      schema,
      validatorCompiler: validator(op),
      bodyLimit: takesBulk(schema.body as Record<string, unknown>) ? opts.bulkBodyLimit : opts.bodyLimit,
      ...(limit
        ? {
            config: { rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs, keyGenerator: rateKey(limit.per) } },
          }
        : {}),
      // preParsing: after the rate limit (onRequest), before the body is read.
      preParsing: async (req, _reply, payload) => {
        req.actor = await actorFor(authority.ctx, op, req.headers.authorization);
        return payload;
      },
      handler: async (req, reply) => {
        const key = op.mutating ? idempotencyKey(req.headers['idempotency-key']) : undefined;
        const execute = () => runOp(authority, op.name as OpName, req);
        const outcome = key
          ? await withIdempotency(
              authority.ctx,
              opts.idempotency,
              { scope: req.actor!.label, key, hash: requestHash(op.name, req.body) },
              execute,
              (e) => req.log.error({ err: e }, 'could not store the answer for an Idempotency-Key'),
            )
          : await execute();
        if ('replayed' in outcome && outcome.replayed) reply.header('idempotent-replayed', 'true');
        return sendOutcome(reply, outcome);
      },
    });
  }
}

export function healthRoute(app: FastifyInstance, authority: Authority): void {
  const { db } = authority.ctx;
  app.get(
    '/health',
    {
      schema: {
        summary: 'Is the authority up and its database reachable',
        tags: ['system'],
        security: [],
        response: {
          200: {
            type: 'object',
            properties: { ok: { type: 'boolean' }, database: { type: 'string' }, time: { type: 'string' } },
          },
          '5xx': ERROR_SCHEMA,
        },
      },
    },
    async (req, reply) => {
      try {
        await db.read.first(sql<{ one: number }>`SELECT 1 AS one`.compile(db.qb));
      } catch (e) {
        req.log.error({ err: e }, 'health: database unreachable');
        return sendOutcome(reply, {
          status: 503,
          body: { code: 'DATABASE_UNAVAILABLE', message: "The authority's database cannot be reached right now." },
        });
      }
      return { ok: true, database: db.dialect, time: new Date().toISOString() };
    },
  );
}
