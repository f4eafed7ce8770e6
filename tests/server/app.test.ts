// The HTTP application by app.inject: one route per operation, schemas from the contract in
// /openapi.json, bad requests refused with {code, message} and the documented status, failures
// that are not the caller's answered without their cause (which is logged instead).
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { HANDLERS } from '../../src/authority/api/handlers';
import { buildApp } from '../../src/authority/http/app';
import { ERROR_CODES } from '../../src/authority/http/status';
import { OPERATIONS } from '../../src/shared/api';
import { freshAuthority } from '../support/fixtures';
import { call, ok, tenants } from './support';

const originalHealth = HANDLERS['system.health'];
afterEach(() => void (HANDLERS['system.health'] = originalHealth));

describe('HTTP application', () => {
  it('serves every operation at POST /v1/<name> and documents it in /openapi.json with its schema, the bearer scheme and the error codes', async () => {
    const { authority } = await freshAuthority();
    const { app } = await tenants(authority);
    const r = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(r.statusCode).toBe(200);
    const doc = r.json() as {
      openapi: string;
      paths: Record<
        string,
        {
          post?: {
            operationId: string;
            security?: unknown[];
            requestBody: { content: Record<string, { schema: { additionalProperties?: boolean } }> };
            parameters?: { name: string }[];
          };
        }
      >;
      components: { securitySchemes: Record<string, unknown> };
      security: unknown[];
      'x-error-codes': { code: string }[];
      info: { description: string };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    for (const op of Object.values(OPERATIONS)) {
      const route = doc.paths[`/v1/${op.name}`]?.post;
      expect(route, op.name).toBeDefined();
      expect(route!.operationId).toBe(op.name);
      // Unknown fields are refused, and the document says so.
      expect(route!.requestBody.content['application/json']!.schema.additionalProperties, op.name).toBe(false);
      if ('public' in op && op.public) expect(route!.security, op.name).toEqual([]);
      if (op.mutating)
        expect(
          route!.parameters?.map((p) => p.name),
          op.name,
        ).toContain('idempotency-key');
    }
    expect(doc.paths['/health']).toBeDefined();
    expect(doc['x-error-codes'].map((e) => e.code)).toEqual(
      expect.arrayContaining(['TOKEN_MISSING', 'DEVICE_NOT_FOUND', 'RATE_LIMITED']),
    );
    expect(doc['x-error-codes']).toEqual(ERROR_CODES);
    expect(doc.info.description).toContain('| DEVICE_NOT_FOUND | 404 | not_found |');
  });

  it('refuses requests without a valid token: 401 TOKEN_MISSING or TOKEN_INVALID, with WWW-Authenticate', async () => {
    const { authority } = await freshAuthority();
    const { app, a } = await tenants(authority);
    const missing = await call(app, 'devices.list', {});
    expect(missing).toMatchObject({ status: 401, body: { code: 'TOKEN_MISSING' } });
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    for (const header of ['Bearer ldt_nope', `Basic ${a}`, `Bearer ${a.slice(0, -1)}x`, 'Bearer']) {
      const r = await app.inject({
        method: 'POST',
        url: '/v1/devices.list',
        payload: {},
        headers: { authorization: header },
      });
      expect(r.statusCode, header).toBe(401);
      expect(r.json(), header).toMatchObject({ code: 'TOKEN_INVALID' });
    }
    // Public operations need no token, but a token that is sent must be valid.
    expect(await call(app, 'ca.root', {})).toMatchObject({
      status: 200,
      body: { pem: expect.stringContaining('BEGIN CERTIFICATE') },
    });
    expect(await call(app, 'ca.root', {}, 'ldt_x')).toMatchObject({ status: 401, body: { code: 'TOKEN_INVALID' } });
  });

  it('maps refusals to their statuses: 400 input, 403 vendor only, 404 not found, 409 conflict, 422 rule', async () => {
    const { authority } = await freshAuthority();
    const { app, a, vendor } = await tenants(authority);
    await ok(app, 'devices.add', { serial: 'S-1', model: 'comtrexx-vm' }, a);
    expect(await call(app, 'devices.add', { serial: 'S-1', model: 'comtrexx-vm', colour: 'red' }, a)).toMatchObject({
      status: 400,
      body: { code: 'INPUT_INVALID', message: 'input: unknown field colour.' },
    });
    expect(await call(app, 'devices.add', { serial: ' bad serial', model: 'comtrexx-vm' }, a)).toMatchObject({
      status: 400,
      body: { code: 'INPUT_INVALID', message: expect.stringContaining('serial') },
    });
    expect(await call(app, 'devices.add', { serial: 'S-2', model: 'comtrexx-mega' }, a)).toMatchObject({
      status: 400,
      body: { code: 'UNKNOWN_MODEL' },
    });
    expect(await call(app, 'tokens.list', {}, a)).toMatchObject({ status: 403, body: { code: 'VENDOR_ONLY' } });
    expect(await call(app, 'devices.get', { serial: 'S-9' }, a)).toMatchObject({
      status: 404,
      body: { code: 'DEVICE_NOT_FOUND' },
    });
    expect(await call(app, 'devices.add', { serial: 'S-1', model: 'comtrexx-vm' }, a)).toMatchObject({
      status: 409,
      body: { code: 'DEVICE_EXISTS' },
    });
    expect(await call(app, 'devices.add', { serial: 'S-3', model: 'comtrexx-vm' }, vendor)).toMatchObject({
      status: 422,
      body: { code: 'RESELLER_ONLY' },
    });
  });

  it('refuses bodies that are too large (413), not JSON (400, 415), and routes that do not exist (404), always as {code, message}', async () => {
    const { authority } = await freshAuthority();
    const { app, a } = await tenants(authority);
    const auth = { authorization: `Bearer ${a}` };
    const big = await app.inject({
      method: 'POST',
      url: '/v1/devices.add',
      payload: { serial: 'S', model: 'x'.repeat(70 * 1024) },
      headers: auth,
    });
    expect([big.statusCode, big.json()]).toEqual([
      413,
      { code: 'BODY_TOO_LARGE', kind: 'input', params: {}, message: expect.any(String) },
    ]);
    const notJson = await app.inject({
      method: 'POST',
      url: '/v1/devices.list',
      payload: '{"includeRetired":',
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect([notJson.statusCode, notJson.json().code]).toEqual([400, 'BODY_NOT_JSON']);
    const text = await app.inject({
      method: 'POST',
      url: '/v1/devices.list',
      payload: 'hello',
      headers: { ...auth, 'content-type': 'text/plain' },
    });
    expect([text.statusCode, text.json().code]).toEqual([415, 'CONTENT_TYPE_UNSUPPORTED']);
    const proto = await app.inject({
      method: 'POST',
      url: '/v1/devices.list',
      payload: '{"__proto__":{"x":1}}',
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(proto.statusCode).toBe(400);
    for (const [method, url] of [
      ['POST', '/v1/devices.explode'],
      ['GET', '/v1/devices.list'],
      ['GET', '/admin'],
    ] as const) {
      const r = await app.inject({ method, url, headers: auth });
      expect([r.statusCode, r.json().code], url).toEqual([404, 'ROUTE_NOT_FOUND']);
    }
    // A long list (a CSV import of 1,000 rows) may be larger than 64 KiB; its own limit still holds.
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      serial: `IMP-${i}`,
      model: 'comtrexx-vm',
      name: `Branch office number ${i}`,
      customer: 'A customer with a long name',
    }));
    const bulk = await app.inject({ method: 'POST', url: '/v1/devices.import', payload: { rows }, headers: auth });
    expect(JSON.stringify({ rows }).length).toBeGreaterThan(64 * 1024);
    expect(bulk.statusCode, bulk.body).toBe(200);
    const huge = await app.inject({
      method: 'POST',
      url: '/v1/devices.import',
      payload: { rows: rows.map((r) => ({ ...r, name: 'x'.repeat(3000) })) },
      headers: auth,
    });
    expect([huge.statusCode, huge.json().code]).toEqual([413, 'BODY_TOO_LARGE']);
    // No body at all is an empty input.
    expect((await app.inject({ method: 'POST', url: '/v1/devices.list', headers: auth })).statusCode).toBe(200);
  });

  it('answers an unexpected failure with 500 INTERNAL and a generic message, and logs the cause', async () => {
    const { authority } = await freshAuthority();
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _enc, done) => void (lines.push(String(chunk)), done()) });
    const app = await buildApp(authority, { logger: { level: 'error', stream } });
    HANDLERS['system.health'] = async () => {
      throw new Error('disk on fire at /secret/path');
    };
    const r = await app.inject({ method: 'POST', url: '/v1/system.health', payload: {} });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({
      code: 'INTERNAL',
      kind: 'internal',
      params: { variant: 'server' },
      message: 'The server failed unexpectedly; the failure was logged.',
    });
    expect(r.body).not.toContain('secret');
    expect(lines.join('')).toContain('disk on fire at /secret/path');
    // A database that cannot be reached is 503, not a bug.
    HANDLERS['system.health'] = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    expect((await app.inject({ method: 'POST', url: '/v1/system.health', payload: {} })).json()).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
    });
    await app.close();
  });

  it('GET /health checks the database: 200 when it answers, 503 DATABASE_UNAVAILABLE when not', async () => {
    const { authority } = await freshAuthority();
    const app = await buildApp(authority);
    const up = await app.inject({ method: 'GET', url: '/health' });
    expect([up.statusCode, up.json()]).toEqual([200, { ok: true, database: 'sqlite', time: expect.any(String) }]);
    const read = authority.ctx.db.read;
    const first = read.first.bind(read);
    read.first = async () => {
      throw new Error('database is gone');
    };
    try {
      const down = await app.inject({ method: 'GET', url: '/health' });
      expect([down.statusCode, down.json().code]).toEqual([503, 'DATABASE_UNAVAILABLE']);
    } finally {
      read.first = first;
    }
    await app.close();
  });
});
