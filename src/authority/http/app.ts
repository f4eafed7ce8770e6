// The authority as an HTTP application (fastify), built but not listening: tests drive it with
// app.inject, server.ts puts it on a port. Every operation of the contract becomes a route.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Operation } from '../../shared/api/define';
import { err, LdError } from '../../shared/errors';
import type { Authority } from '../authority';
import { errorHandler, notFoundHandler } from './errors';
import {
  expireIdempotencyKeys,
  IDEMPOTENCY_DEFAULTS,
  IDEMPOTENCY_RETENTION_MS,
  idempotencyHook,
  type IdempotencyOptions,
} from './idempotency';
import { registerOpenApi } from './openapi';
import { DEFAULT_RATE_LIMITS } from './rate-limits';
import { healthRoute, operationRoutes, type Bucket, type RouteOptions } from './routes';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Largest request body; codes are at most 16 KiB, so 64 KiB leaves room for any single item. */
  bodyLimit?: number;
  /** Largest body of an operation that takes a long list (a CSV import of 1,000 rows). */
  bulkBodyLimit?: number;
  /** Per bucket; max 0 turns a bucket's limit off. */
  rateLimits?: Partial<RouteOptions['rateLimits']>;
  /** Which rate-limit bucket an operation uses (default: the contract's rateLimit). */
  bucketOf?: (op: Operation) => Bucket | undefined;
  idempotency?: Partial<IdempotencyOptions>;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (rate limits per address). */
  trustProxy?: boolean;
  version?: string;
}

export { DEFAULT_RATE_LIMITS };

const rateLimited = (after: string): LdError => err.RATE_LIMITED({ after });

export async function buildApp(opened: Authority, opts: AppOptions = {}): Promise<FastifyInstance> {
  // Served changes also mark their Idempotency-Key, in the change's own transaction.
  const authority = opened.withChangeHooks([idempotencyHook]);
  const bodyLimit = opts.bodyLimit ?? 64 * 1024;
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit, trustProxy: opts.trustProxy ?? false });
  // Answers are already shaped by the contract (dispatch parses them); plain JSON.stringify keeps
  // the route schemas for documentation only, so a schema gap can never drop a field silently.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.removeContentTypeParser('text/plain'); // JSON only: anything else is 415, not a confusing schema error
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await app.register(rateLimit, { global: false, errorResponseBuilder: (_req, ctx) => rateLimited(ctx.after) });
  await registerOpenApi(app, opts.version ?? '1');
  healthRoute(app, authority);
  operationRoutes(app, authority, {
    bodyLimit,
    bulkBodyLimit: opts.bulkBodyLimit ?? 2 * 1024 * 1024,
    bucketOf: opts.bucketOf ?? ((op) => op.rateLimit),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...opts.rateLimits },
    idempotency: { ...IDEMPOTENCY_DEFAULTS, ...opts.idempotency },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  expireKeysRegularly(app, authority, opts.idempotency?.retentionMs ?? IDEMPOTENCY_RETENTION_MS);
  return app;
}

/** Idempotency keys expire: forgotten once when the app is ready, then hourly, until it closes. */
function expireKeysRegularly(app: FastifyInstance, authority: Authority, retentionMs: number): void {
  const expire = () =>
    expireIdempotencyKeys(authority.ctx.db, retentionMs).catch((e: unknown) =>
      app.log.error({ err: e }, 'expiring idempotency keys failed'),
    );
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await expire();
    timer = setInterval(() => void expire(), Math.min(retentionMs, 3_600_000));
    timer.unref(); // never what keeps the process alive
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
