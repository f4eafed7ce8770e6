// Group commit for check-ins on PostgreSQL. Each check-in is one row in `verifications`; written
// one transaction each, PostgreSQL spends its time on BEGIN/INSERT/COMMIT round trips and one
// WAL flush per check-in. Check-ins that arrive while a batch is being written wait for the next
// one, which writes them all with one multi-row INSERT … ON CONFLICT DO NOTHING RETURNING, a
// transaction of its own (one round trip): the rows it returns are the new check-ins, the others
// are replays. Two copies
// of one request in the same batch are told apart here: the first one counts, the rest are replays.
// Callers hear back only after the COMMIT.
import type { Db } from '../db/executor';

export interface CheckRow {
  device_id: number;
  certificate_serial: string;
  nonce: string;
  device_time: string;
  server_time: string;
  status: string;
}

interface Pending {
  row: CheckRow;
  /** true: recorded; false: this (device, nonce) was already recorded, a replay. */
  resolve: (recorded: boolean) => void;
  reject: (e: unknown) => void;
}

// Bounded so that one INSERT stays well under PostgreSQL's 65,535 bind parameters (6 per row).
const MAX_BATCH = 1_000;

const keyOf = (r: { device_id: number; nonce: string }) => `${r.device_id}\n${r.nonce}`;

export class CheckBatch {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  /** Resolves true once the row is committed, false when it is a replay. */
  record(row: CheckRow): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.writing) {
        this.writing = true;
        // After the current turn, so that check-ins arriving together start in one batch.
        setImmediate(() => void this.loop());
      }
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length) await this.write(this.queue.splice(0, MAX_BATCH));
    this.writing = false;
  }

  private async write(batch: Pending[]): Promise<void> {
    const first = new Map<string, Pending>();
    const copies: Pending[] = [];
    for (const p of batch) {
      const key = keyOf(p.row);
      if (first.has(key)) copies.push(p);
      else first.set(key, p);
    }
    let recorded: Set<string>;
    try {
      const rows = [...first.values()].map((p) => p.row);
      const inserted = await this.db.writeStatement(
        this.db.qb
          .insertInto('verifications')
          .values(rows)
          .onConflict((oc) => oc.columns(['device_id', 'nonce']).doNothing())
          .returning(['device_id', 'nonce']),
      );
      recorded = new Set(inserted.map(keyOf));
    } catch (e) {
      for (const p of batch) p.reject(e);
      return;
    }
    for (const [key, p] of first) p.resolve(recorded.has(key));
    for (const p of copies) p.resolve(false);
  }
}
