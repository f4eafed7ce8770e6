// Rate limits: the "redeem" bucket counts per token, the "verify" bucket per client address; over
// the limit the answer is 429 RATE_LIMITED with Retry-After, before the operation runs at all.
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/shared/api';
import type { Operation } from '../../src/shared/api/define';
import { freshAuthority } from '../support/fixtures';
import { call, tenants } from './support';

const limits = {
  redeem: { max: 3, timeWindowMs: 60_000, per: 'token' as const },
  verify: { max: 2, timeWindowMs: 60_000, per: 'ip' as const },
  register: { max: 2, timeWindowMs: 60_000, per: 'token' as const },
};

describe('rate limits', () => {
  it('every operation the contract marks is limited: the next request over the limit is 429 RATE_LIMITED', async () => {
    const { authority } = await freshAuthority();
    const { app, a } = await tenants(authority, { rateLimits: limits });
    const marked = (Object.values(OPERATIONS) as Operation[]).filter((op) => op.rateLimit);
    expect(marked.map((op) => op.rateLimit)).toEqual(expect.arrayContaining(['redeem', 'verify', 'register']));
    for (const op of marked) {
      const max = limits[op.rateLimit!].max;
      // Invalid input still counts: the limit applies before anything is read or checked.
      const statuses = [];
      for (let i = 0; i <= max; i++) statuses.push((await call(app, op.name, {}, op.public ? undefined : a)).status);
      expect(
        statuses.slice(0, max).every((s) => s !== 429),
        op.name,
      ).toBe(true);
      const over = await call(app, op.name, {}, op.public ? undefined : a);
      expect(over, op.name).toMatchObject({
        status: 429,
        body: { code: 'RATE_LIMITED', message: expect.stringContaining('try again in') },
      });
      expect(Number(over.headers['retry-after']), op.name).toBeGreaterThan(0);
    }
  });

  it('the redeem bucket counts per token: one reseller over the limit does not block another', async () => {
    const { authority } = await freshAuthority();
    const { app, a, b } = await tenants(authority, {
      rateLimits: limits,
      bucketOf: (op) => (op.name === 'devices.list' ? 'redeem' : undefined),
    });
    for (let i = 0; i < 3; i++) expect((await call(app, 'devices.list', {}, a)).status).toBe(200);
    expect(await call(app, 'devices.list', {}, a)).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect((await call(app, 'devices.list', {}, b)).status).toBe(200);
    // Other operations are not limited.
    for (let i = 0; i < 5; i++) expect((await call(app, 'customers.list', {}, a)).status).toBe(200);
  });

  it('a limit of 0 turns a bucket off', async () => {
    const { authority } = await freshAuthority();
    const { app } = await tenants(authority, {
      rateLimits: { verify: { max: 0, timeWindowMs: 60_000, per: 'ip' } },
      bucketOf: (op) => (op.name === 'system.health' ? 'verify' : undefined),
    });
    for (let i = 0; i < 5; i++) expect((await call(app, 'system.health', {})).status).toBe(200);
  });

  it('the verify bucket counts per client address', async () => {
    const { authority } = await freshAuthority();
    const { app } = await tenants(authority, {
      rateLimits: limits,
      bucketOf: (op) => (op.name === 'system.health' ? 'verify' : undefined),
    });
    const from = (ip: string) =>
      app.inject({ method: 'POST', url: '/v1/system.health', payload: {}, remoteAddress: ip });
    expect([
      (await from('10.0.0.1')).statusCode,
      (await from('10.0.0.1')).statusCode,
      (await from('10.0.0.1')).statusCode,
    ]).toEqual([200, 200, 429]);
    expect((await from('10.0.0.2')).statusCode).toBe(200);
  });
});
