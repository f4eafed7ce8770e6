// The server's default rate limits, apart from the fastify app so the CLI can show them in
// `serve --help` without loading fastify.
import type { RouteOptions } from './routes';

export const DEFAULT_RATE_LIMITS: RouteOptions['rateLimits'] = {
  redeem: { max: 20, timeWindowMs: 60_000, per: 'token' },
  verify: { max: 600, timeWindowMs: 60_000, per: 'ip' },
  // Registering serials claims them (first come, first served): a token may not squat thousands at once.
  register: { max: 120, timeWindowMs: 60_000, per: 'token' },
};
