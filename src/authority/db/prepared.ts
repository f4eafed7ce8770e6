// Hot queries compiled once. Kysely compiles a query on every call (~10–30 µs with joins), which
// on the issuance path cost more than the SQL itself. A prepared query is built once with marker
// arguments; each later call only swaps the markers in the parameter list for the real values.
// Only for queries whose SQL does not depend on the argument values (no optional clauses).
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

const MARK = '\u0000ld-param-';

// The operation trees of prepared queries: their SQL never changes, so PostgreSQL may keep a
// server-side prepared statement for each (postgres.ts), skipping parse and plan on every call.
const preparedTrees = new WeakSet<object>();
export const isPrepared = (q: CompiledQuery<unknown>): boolean => preparedTrees.has(q.query);

export function prepared<A extends unknown[], R>(build: (qb: Kysely<Database>, ...args: A) => Compilable<R>) {
  const byBuilder = new WeakMap<
    Kysely<Database>,
    { sql: string; slots: (number | { value: unknown })[]; query: CompiledQuery<R> }
  >();
  return (qb: Kysely<Database>, ...args: A): CompiledQuery<R> => {
    let p = byBuilder.get(qb);
    if (!p) {
      const markers = args.map((_, i) => `${MARK}${i}`) as A;
      const query = build(qb, ...markers).compile();
      const slots = query.parameters.map((v) =>
        typeof v === 'string' && v.startsWith(MARK) ? Number(v.slice(MARK.length)) : { value: v },
      );
      p = { sql: query.sql, slots, query };
      preparedTrees.add(query.query);
      byBuilder.set(qb, p);
    }
    const parameters = p.slots.map((s) => (typeof s === 'number' ? args[s] : s.value));
    return { ...p.query, parameters };
  };
}
