// The server database: PostgreSQL through a pg pool. Transactions run at READ COMMITTED; the
// one-time rules rely on constraints and conditional UPDATE … RETURNING (and row locks where a
// rule reads before it writes), so two server processes on one database behave as one.
// Serialization failures and deadlocks are retried a few times with jitter.
import pg from 'pg';
import { queryBuilder } from './builder';
import { compiled, type Db, type Tx } from './executor';
import { isPrepared } from './prepared';

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

// One name per prepared query's SQL; pg prepares a named statement once per connection.
const statementNames = new Map<string, string>();
const statementName = (sql: string): string => {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `ld_${statementNames.size + 1}`));
  return name;
};

function clientTx(client: pg.Pool | pg.PoolClient): Tx {
  const exec = async (q: Parameters<Tx['all']>[0]) => {
    const c = compiled(q);
    const name = isPrepared(c) ? statementName(c.sql) : undefined;
    return client.query({ text: c.sql, values: c.parameters as unknown[], ...(name ? { name } : {}) });
  };
  return {
    async all(q) {
      return (await exec(q)).rows as never[];
    },
    async first(q) {
      return (await exec(q)).rows[0] as never;
    },
    async run(q) {
      const r = await exec(q);
      return r.rowCount ?? 0;
    },
  };
}

export async function openPostgresDb(url: string, migrate: (client: pg.PoolClient) => Promise<void>): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined); // an idle client dropped by the server: the pool replaces it
  const setup = await pool.connect();
  try {
    await migrate(setup);
  } finally {
    setup.release();
  }
  return {
    dialect: 'postgres',
    qb: queryBuilder('postgres'),
    read: clientTx(pool),
    write: (fn) => transaction(pool, fn),
    writeStatement: (q) => retrying(() => clientTx(pool).all(q)),
    close: () => pool.end(),
  };
}

async function transaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return retrying(async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const value = await fn(clientTx(client));
      await client.query('COMMIT');
      return value;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  });
}

async function retrying<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}
