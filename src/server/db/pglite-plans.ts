// Prepared statements on the embedded database (decision 040). PGlite's query() parses and plans
// every statement it is given, and its WebAssembly PostgreSQL plans several times slower than a
// native server: a report's creation spent ~6 ms of its first statement's ~7 ms planning it. Drizzle
// names a prepared statement but PGlite ignores the name. So for a statement prepared with
// `keepPlanOnPglite` (prepared.ts), the client's query() runs `EXECUTE name(values)` of a statement
// it PREPAREd once for this connection, and PostgreSQL keeps its plan. Always its generic plan
// (decision 042): left to itself, PostgreSQL plans the statement again for each execution whenever its
// estimates make the generic plan look dearer than the custom ones, as the creations' batch read's
// did (0.7-1.3 ms a session instead of 0.4), and that planning is what keeping the plan is for. So the
// EXECUTE runs with `SET LOCAL plan_cache_mode = force_generic_plan` in the same simple query, an
// implicit transaction: the setting ends with it, for every other statement too. A generic plan can
// also be the slower one (the busiest day's hot reads ran slower so), hence opt-in. The answer is the
// same statement's: same columns, types, parsers.
//
// The values are written as SQL literals. Only text, numbers, booleans and nulls are: a string is
// quoted with its quotes doubled, which is the whole escaping rule while standard_conforming_strings
// is on (PostgreSQL's default, checked once); anything else (an array, an object) runs as a plain query.
// In a transaction too (PGlite's transactions query through another object, wrapped the same way).
import type { PGlite } from '@electric-sql/pglite';

type Query = PGlite['query'];

const registries = new WeakMap<object, Map<string, string>>();

/** Asks the client to keep the plan of this SQL text under this name (a no-op on other clients). */
export function keepPlan(client: unknown, text: string, name: string) {
  if (/^[a-z_][a-z0-9_]{0,62}$/u.test(name)) registries.get(client as object)?.set(text, name);
}

function literal(value: unknown): string | null {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'number') return Number.isFinite(value) ? `'${value}'` : null;
  if (typeof value === 'boolean' || typeof value === 'bigint') return `'${String(value)}'`;
  return null;
}

/** What a kept statement runs through: the client, or one of its transactions. */
interface Queryable {
  query: Query;
  exec: PGlite['exec'];
}

/**
 * Makes the client honour keepPlan(), in its transactions too; returns how many statements ran from
 * a kept plan (for the tests).
 */
export function keepPlansOf(client: PGlite): { executed: () => number } {
  const names = new Map<string, string>();
  registries.set(client, names);
  const prepared = new Set<string>();
  const refused = new Set<string>();
  let literalsSafe: boolean | null = null;
  let executed = 0;

  /** PREPAREs the statement once for the connection; false if PostgreSQL refuses it (planned each time). */
  async function prepare(target: Queryable, name: string, text: string, inTransaction: boolean): Promise<boolean> {
    if (prepared.has(name)) return true;
    try {
      // In a transaction a refusal would abort it: the PREPARE goes under a savepoint. A prepared
      // statement belongs to the connection and outlives a transaction rolled back (checked in the test).
      await target.exec(inTransaction ? `SAVEPOINT qt_keep_plan; PREPARE ${name} AS ${text}; RELEASE SAVEPOINT qt_keep_plan` : `PREPARE ${name} AS ${text}`);
      prepared.add(name);
      return true;
    } catch {
      // A statement PostgreSQL cannot prepare alone (a parameter of no known type): planned each time.
      if (inTransaction) await target.exec('ROLLBACK TO SAVEPOINT qt_keep_plan; RELEASE SAVEPOINT qt_keep_plan');
      refused.add(name);
      return false;
    }
  }

  /** The query() of the client or of a transaction (`inTransaction`), running kept statements as EXECUTE. */
  function keptQuery(target: Queryable, inTransaction: boolean): Query {
    const original: Query = target.query.bind(target);
    const query = async (text: string, params?: unknown[], options?: Parameters<Query>[2]) => {
      // Every statement of the embedded database passes here: one map lookup for those not asked for.
      const name = names.get(text);
      if (name === undefined || refused.has(name)) return original(text, params, options);
      const values = (params ?? []).map(literal);
      if (values.some((v) => v === null)) return original(text, params, options);
      if (literalsSafe === null) {
        const [row] = (await original<{ standard_conforming_strings: string }>('show standard_conforming_strings')).rows;
        literalsSafe = row?.standard_conforming_strings === 'on';
      }
      if (!literalsSafe || !(await prepare(target, name, text, inTransaction))) return original(text, params, options);
      executed += 1;
      const execute = `EXECUTE ${name}${values.length ? `(${values.join(', ')})` : ''}`;
      // Outside a transaction the simple query is its own implicit one and SET LOCAL ends with it; in a
      // transaction the setting is put back at once, for the transaction's other statements.
      const results = await target.exec(
        inTransaction ? `SET LOCAL plan_cache_mode = force_generic_plan; ${execute}; SET LOCAL plan_cache_mode TO DEFAULT` : `SET LOCAL plan_cache_mode = force_generic_plan; ${execute}`,
        options,
      );
      return results[1]!;
    };
    return query as Query;
  }

  client.query = keptQuery(client, false);
  const transaction = client.transaction.bind(client);
  client.transaction = (async (callback: (tx: Parameters<Parameters<PGlite['transaction']>[0]>[0]) => Promise<unknown>) =>
    transaction(async (tx) => {
      registries.set(tx, names);
      tx.query = keptQuery(tx, true);
      return callback(tx);
    })) as PGlite['transaction'];
  return { executed: () => executed };
}
