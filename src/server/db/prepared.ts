// Prepared statements for the hottest reads: Drizzle builds their SQL once per database handle
// instead of on every request. On PostgreSQL (node-postgres) the statement is also named, so each
// pooled connection has the server parse it once and afterwards only binds and executes it. PGlite
// ignores the name, unless the statement asks to keep its plan there (`keepPlanOnPglite`, decision
// 040): only where measured to pay, as a generic plan can be slower than the one made for the values
// (the hot reads of the busiest day all were). Values go in as placeholders.
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { keepPlan } from './pglite-plans';

/** The driver's client under a Drizzle handle: the database's, or a transaction's (its session's). */
const clientOf = (db: DbOrTx): unknown => {
  const handle = db as unknown as { $client?: unknown; session?: { client?: unknown } };
  return handle.$client ?? handle.session?.client;
};

/** Something `.prepare(name)` gives: executed with the placeholders' values. */
interface Prepared {
  execute(values?: Record<string, unknown>): Promise<unknown>;
}

/** Per database handle (or transaction), per name: a prepared statement belongs to its session. */
const byHandle = new WeakMap<object, Map<string, Prepared>>();

/** The SQL text of every prepared statement and its name: the load bench replays them by name too. */
export const preparedStatementNames = new Map<string, string>();

/**
 * The statement `name` on this handle, prepared on first use by `build` (a query builder, not yet
 * prepared). The same name must always build the same SQL text.
 */
export function prepared<P extends Prepared>(
  db: DbOrTx,
  name: string,
  build: (db: DbOrTx) => { toSQL(): { sql: string }; prepare(name: string): P },
  options: { keepPlanOnPglite?: boolean } = {},
): P {
  let statements = byHandle.get(db);
  if (!statements) byHandle.set(db, (statements = new Map()));
  let statement = statements.get(name) as P | undefined;
  if (!statement) {
    const query = build(db);
    const text = query.toSQL().sql;
    const known = [...preparedStatementNames].find(([, n]) => n === name)?.[0];
    if (known !== undefined && known !== text) throw new Error(`prepared statement ${name}: two different texts`);
    preparedStatementNames.set(text, name);
    if (options.keepPlanOnPglite) keepPlan(clientOf(db), text, name);
    statement = query.prepare(name);
    statements.set(name, statement);
  }
  return statement;
}

/** A prepared read that answers the driver's own rows. */
interface PreparedRows<T> {
  execute(values?: Record<string, unknown>): Promise<T[]>;
}

/**
 * As prepared(), for a hot read whose every selected field is aliased to its answer's name
 * (`sql\`${members.fullName}\`.as('fullName')`): its rows come back as the driver builds them,
 * objects keyed by those aliases, without Drizzle's per-column mapping of array rows (≈ 0.13 ms for
 * a hundred rows of fifteen columns). Only for columns the driver already parses into the answer's
 * values (text, uuid, integer, boolean, enums; dates and timestamps stay the strings Drizzle's raw
 * queries keep them as); still executed through Drizzle's session, so its logger sees it.
 */
export function preparedRows<T>(
  db: DbOrTx,
  name: string,
  build: (db: DbOrTx) => { toSQL(): { sql: string; params: unknown[] } },
  options: { keepPlanOnPglite?: boolean } = {},
): PreparedRows<T> {
  return prepared(
    db,
    name,
    (d) => {
      const { sql, params } = build(d).toSQL();
      // No fields: the session's prepared query returns the driver's result (object rows) unmapped.
      const session = (d as unknown as { _: { session: RawSession } })._.session;
      return {
        toSQL: () => ({ sql }),
        prepare: (statementName: string) => {
          const query = session.prepareQuery({ sql, params }, undefined, statementName, false);
          return { execute: async (values?: Record<string, unknown>) => (await query.execute(values)).rows as T[] };
        },
      };
    },
    options,
  );
}

/** A statement written with Drizzle's `sql` (placeholders for its values) as preparedRows builds it. */
export const statementOf = (query: SQL) => (d: DbOrTx) => ({ toSQL: () => (d as unknown as { dialect: { sqlToQuery(q: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(query) });

/** The part of Drizzle's session preparedRows() uses (node-postgres and PGlite alike). */
interface RawSession {
  prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false): { execute(values?: Record<string, unknown>): Promise<{ rows: unknown[] }> };
}
