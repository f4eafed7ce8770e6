// Idempotency keys: a mutating request sent again with the same Idempotency-Key (a retry after a
// lost answer) gets the first answer back and is never carried out twice.
//
// The row (actor, key) is inserted first with response NULL: the primary key decides which of
// two concurrent requests runs; the other waits for the stored answer. While the operation's own
// transaction commits, a change hook (mutate.ts) marks the row COMMITTED in that same
// transaction; the full answer is stored right after, in a second write. So if the server dies
// between the two, a retry finds COMMITTED without an answer and is refused with
// IDEMPOTENCY_ANSWER_LOST instead of running the change (e.g. issuing a certificate) again. A row
// still NULL long after its request began belongs to a request that never committed (the server
// died): a retry takes it over and runs. Successes and refusals are remembered; server failures
// (5xx) that did not commit free the key, so the retry runs again. A refusal (4xx) that changed
// nothing (bad input, a bad signature, a rule) frees its key too: junk with fresh keys leaves no
// rows, and a retry is refused the same way again. Rows hold a hash of the key and a sealed answer
// (sealed.ts): answers may carry secrets such as a new token. Rows expire after retentionMs
// (default 24 h): expireIdempotencyKeys runs on start and then on a timer (app.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { err } from '../../shared/errors';
import type { AuthorityContext, ChangeHook } from '../context';
import type { Db } from '../db/executor';
import type { HttpOutcome } from './errors';
import { keyId, requestId, seal, unseal } from './sealed';

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first request's answer before IDEMPOTENCY_IN_PROGRESS. */
  waitMs: number;
  /** After this long without an answer, the first request is presumed dead (its server crashed). */
  staleMs: number;
  pollMs: number;
  /** How long a key is remembered; a retry after that runs as a new request. */
  retentionMs?: number;
}

/** The documented window (docs/server.md): a day covers any client's retries. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

export const IDEMPOTENCY_DEFAULTS: IdempotencyOptions = {
  waitMs: 10_000,
  staleMs: 60_000,
  pollMs: 20,
  retentionMs: IDEMPOTENCY_RETENTION_MS,
};

/** Forgets keys older than the retention window; returns how many rows went. */
export async function expireIdempotencyKeys(db: Db, retentionMs: number, now = Date.now()): Promise<number> {
  const before = new Date(now - retentionMs).toISOString();
  return db.write((tx) => tx.run(db.qb.deleteFrom('idempotency_keys').where('created_at', '<', before)));
}

export interface KeyedRequest {
  /** The actor's label: keys are scoped per tenant. */
  scope: string;
  key: string;
  hash: string;
}

export const COMMITTED = 'committed';
const KEY_SHAPE = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header, if sent. */
export function idempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY_SHAPE.test(header)) {
    throw err.IDEMPOTENCY_KEY_INVALID();
  }
  return header;
}

/** The same operation with the same fields, whatever their order. */
export function requestHash(opName: string, body: unknown): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(canonical)
        : v;
  return createHash('sha256')
    .update(`${opName}\n${JSON.stringify(canonical(body ?? {}))}`)
    .digest('hex');
}

// The request whose change is running, for the change hook (see mutate.ts for why it is captured).
// `owned` is the claim time this request wrote: if a retry took the key over meanwhile (it thought
// this request dead), the mark matches nothing and this change rolls back instead of running twice.
const running = new AsyncLocalStorage<{ db: Db; req: KeyedRequest; owned: string }>();

/** The change hook buildApp composes into the authority it serves: outside withIdempotency it adds nothing. */
export const idempotencyHook: ChangeHook = () => {
  const r = running.getStore();
  if (!r) return undefined;
  return async (tx) => {
    const marked = await tx.run(
      r.db.qb
        .updateTable('idempotency_keys')
        .set({ response: COMMITTED })
        .where('actor', '=', r.req.scope)
        .where('key', '=', keyId(r.req.scope, r.req.key))
        .where('created_at', '=', r.owned)
        .where((eb) => eb.or([eb('response', 'is', null), eb('response', '=', COMMITTED)])),
    );
    if (marked !== 1) throw err.IDEMPOTENCY_IN_PROGRESS({ variant: 'takenOver' });
  };
};

/** Runs execute at most once per (scope, key); answers a retry with the stored outcome. */
export async function withIdempotency(
  ctx: AuthorityContext,
  opts: IdempotencyOptions,
  req: KeyedRequest,
  execute: () => Promise<HttpOutcome>,
  logError: (e: unknown) => void,
): Promise<HttpOutcome & { replayed: boolean }> {
  const claimed = await claim(ctx.db, opts, req);
  if ('outcome' in claimed) return { ...claimed.outcome, replayed: true };
  const outcome = await running.run({ db: ctx.db, req, owned: claimed.owned }, execute);
  // The change is done (or refused) whatever happens to this write: the caller gets its answer.
  // Should the write fail, a retry finds the COMMITTED mark and is refused, not run twice.
  await remember(ctx.db, req, outcome).catch(logError);
  return { ...outcome, replayed: false };
}

/** The claim time this request owns, or the stored outcome when it is a retry. */
async function claim(
  db: Db,
  opts: IdempotencyOptions,
  req: KeyedRequest,
): Promise<{ owned: string } | { outcome: HttpOutcome }> {
  const deadline = Date.now() + opts.waitMs;
  const id = keyId(req.scope, req.key);
  const hash = requestId(req.key, req.hash);
  for (;;) {
    const now = new Date().toISOString();
    const inserted = await db.write((tx) =>
      tx.run(
        db.qb
          .insertInto('idempotency_keys')
          .values({ actor: req.scope, key: id, request_hash: hash, response: null, created_at: now })
          .onConflict((oc) => oc.columns(['actor', 'key']).doNothing()),
      ),
    );
    if (inserted === 1) return { owned: now };
    const row = await db.read.first(
      db.qb
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'response', 'created_at'])
        .where('actor', '=', req.scope)
        .where('key', '=', id),
    );
    if (row) {
      if (row.request_hash !== hash) throw err.IDEMPOTENCY_KEY_REUSED();
      if (row.response !== null && row.response !== COMMITTED) return { outcome: storedOutcome(req, row.response) };
      const stale = Date.now() - Date.parse(row.created_at) > opts.staleMs;
      if (stale && row.response === COMMITTED) throw answerLost();
      const taken = stale ? await takeOver(db, req.scope, id, row.created_at) : undefined;
      if (taken) return { owned: taken };
    }
    if (Date.now() >= deadline) throw err.IDEMPOTENCY_IN_PROGRESS({ variant: 'running' });
    await new Promise((r) => setTimeout(r, opts.pollMs));
  }
}

function storedOutcome(req: KeyedRequest, sealed: string): HttpOutcome {
  const plain = unseal(req.scope, req.key, sealed);
  // Same hash of scope and key, yet not sealed with this key: only a hash collision could do it.
  if (plain === undefined) throw new Error('An idempotent answer could not be unsealed with its own key.');
  return JSON.parse(plain) as HttpOutcome;
}

const answerLost = () => err.IDEMPOTENCY_ANSWER_LOST();

/** A NULL row whose request died: exactly one retry wins it (conditional update); returns its new claim time. */
async function takeOver(db: Db, scope: string, id: string, seen: string): Promise<string | undefined> {
  const at = new Date(Math.max(Date.now(), Date.parse(seen) + 1)).toISOString(); // never equal to the old claim
  const changed = await db.write((tx) =>
    tx.run(
      db.qb
        .updateTable('idempotency_keys')
        .set({ created_at: at })
        .where('actor', '=', scope)
        .where('key', '=', id)
        .where('response', 'is', null)
        .where('created_at', '=', seen),
    ),
  );
  return changed === 1 ? at : undefined;
}

async function remember(db: Db, req: KeyedRequest, outcome: HttpOutcome): Promise<void> {
  const id = keyId(req.scope, req.key);
  const row = db.qb
    .updateTable('idempotency_keys')
    .set({ response: seal(req.scope, req.key, JSON.stringify(outcome)) })
    .where('actor', '=', req.scope)
    .where('key', '=', id);
  await db.write(async (tx) => {
    // Refused or failed before anything committed (no COMMITTED mark): free the key; a retry runs again.
    if (outcome.status >= 400)
      await tx.run(
        db.qb
          .deleteFrom('idempotency_keys')
          .where('actor', '=', req.scope)
          .where('key', '=', id)
          .where('response', 'is', null),
      );
    await tx.run(row);
  });
}
