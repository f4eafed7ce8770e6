// Group commit for SQLite: transactions that arrive together share one BEGIN … COMMIT and so one
// fsync. With synchronous=FULL a commit costs ~0.2 ms of fsync here — more than signing a
// certificate — so under load (a server, a bulk run) batching keeps issuance near the crypto
// limit. Each transaction runs in its own SAVEPOINT: one that fails rolls back alone and only
// its caller sees the error. Callers are answered only once the COMMIT is durable.
import type Database from 'better-sqlite3';
import type { Tx } from './executor';

interface Pending {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 256;

export class GroupCommit {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private readonly sql;

  constructor(
    private readonly db: Database.Database,
    private readonly tx: Tx,
  ) {
    const s = (text: string) => db.prepare(text);
    this.sql = {
      begin: s('BEGIN IMMEDIATE'),
      commit: s('COMMIT'),
      rollback: s('ROLLBACK'),
      savepoint: s('SAVEPOINT w'),
      release: s('RELEASE w'),
      undo: s('ROLLBACK TO w'),
    };
  }

  write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.running ??= new Promise<void>((done) => setImmediate(() => void this.loop().finally(done)));
    });
  }

  /** Resolves when every queued transaction has been committed or rejected. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.queue.length) await this.batch(this.queue.splice(0, MAX_BATCH));
    this.running = null;
  }

  private async batch(batch: Pending[]): Promise<void> {
    const results: { p: Pending; ok: boolean; value: unknown }[] = [];
    try {
      this.sql.begin.run();
      for (const p of batch) results.push(await this.one(p));
      this.sql.commit.run();
    } catch (e) {
      if (this.db.inTransaction) this.sql.rollback.run();
      for (const p of batch) p.reject(e);
      return;
    }
    for (const r of results) (r.ok ? r.p.resolve : r.p.reject)(r.value);
  }

  private async one(p: Pending): Promise<{ p: Pending; ok: boolean; value: unknown }> {
    this.sql.savepoint.run();
    try {
      const value = await p.fn(this.tx);
      this.sql.release.run();
      return { p, ok: true, value };
    } catch (e) {
      this.sql.undo.run();
      this.sql.release.run();
      return { p, ok: false, value: e };
    }
  }
}
