// A retry that takes over a key it believes dead (no answer after staleMs) while the first
// request is in fact still running: exactly one of the two changes commits.
import { expect, it } from 'vitest';
import { idempotencyHook, withIdempotency } from '../../src/authority/http/idempotency';
import { toErrorValue } from '../../src/shared/errors';
import { freshAuthority } from '../support/fixtures';

it('Idempotency: a slow first request that was taken over rolls back; the change happens once', async () => {
  // Composed as the HTTP server composes it: changes mark the Idempotency-Key.
  const authority = (await freshAuthority()).authority.withChangeHooks([idempotencyHook]);
  await authority.call('devices.add', { serial: 'IDEM-1', model: 'comtrexx-vm' });
  const opts = { waitMs: 2_000, staleMs: 50, pollMs: 5 };
  const req = { scope: 'reseller:1', key: 'retry-key-1', hash: 'same-body' };
  const grant = (delayMs: number) => async () => {
    await new Promise((r) => setTimeout(r, delayMs));
    try {
      return {
        status: 200,
        body: await authority.call('licences.grant', { serial: 'IDEM-1', feature: 11, quantity: 5 }),
      };
    } catch (e) {
      const err = toErrorValue(e);
      return { status: 409, body: { code: err.code, message: err.message } };
    }
  };
  const log = () => undefined;
  const first = withIdempotency(authority.ctx, opts, req, grant(300), log);
  await new Promise((r) => setTimeout(r, 20));
  const retry = withIdempotency(authority.ctx, opts, req, grant(0), log);
  const [a, b] = await Promise.all([first, retry]);
  expect(b).toMatchObject({ status: 200, replayed: false });
  expect(a).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_IN_PROGRESS' } });
  // A grant is not unique by itself: only the idempotency mark keeps it from happening twice.
  expect((await authority.call('devices.get', { serial: 'IDEM-1' })).licences).toHaveLength(1);
});
