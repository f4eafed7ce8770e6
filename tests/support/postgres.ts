// A fresh PostgreSQL database per test, in the cluster the global setup started.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/** Where PostgreSQL is required: on CI always (the run must not silently skip it). */
export const pgAvailable = (): boolean => {
  if (inject('pgUrl')) return true;
  if (process.env.CI)
    throw new Error('PostgreSQL is not installed, but CI must run the PostgreSQL tests (.ci/run installs it).');
  return false;
};

export async function freshPgDatabase(): Promise<string> {
  const admin = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
