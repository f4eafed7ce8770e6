// Group commit: writes that arrive together share one transaction and one fsync. With
// synchronous=FULL a commit costs ~0.2 ms of fsync here, more than signing a certificate, so
// under load (a server, a bulk run) batching is what keeps issuance near the crypto limit.
// Each write runs in its own SAVEPOINT, so one failing write rolls back alone and its caller
// gets the error; callers are answered only after the COMMIT is durable.
import type Database from 'better-sqlite3';

interface Pending {
  run: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const MAX_BATCH = 256;

export class GroupCommitter {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly sql;

  constructor(private readonly db: Database.Database) {
    const s = (text: string) => db.prepare(text);
    this.sql = { begin: s('BEGIN IMMEDIATE'), commit: s('COMMIT'), rollback: s('ROLLBACK'), savepoint: s('SAVEPOINT w'), release: s('RELEASE w'), undo: s('ROLLBACK TO w') };
  }

  write<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length) this.commitBatch(this.queue.splice(0, MAX_BATCH));
  }

  private commitBatch(batch: Pending[]): void {
    const results: { p: Pending; ok: boolean; value: unknown }[] = [];
    try {
      this.sql.begin.run();
      for (const p of batch) results.push(this.runOne(p));
      this.sql.commit.run();
    } catch (e) {
      if (this.db.inTransaction) this.sql.rollback.run();
      for (const p of batch) p.reject(e);
      return;
    }
    for (const r of results) (r.ok ? r.p.resolve : r.p.reject)(r.value);
  }

  private runOne(p: Pending): { p: Pending; ok: boolean; value: unknown } {
    this.sql.savepoint.run();
    try {
      const value = p.run();
      this.sql.release.run();
      return { p, ok: true, value };
    } catch (e) {
      this.sql.undo.run();
      this.sql.release.run();
      return { p, ok: false, value: e };
    }
  }
}
