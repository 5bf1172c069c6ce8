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
// Outside transactions only: PGlite's transactions query through another object, left as it was.
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

/** Makes the client honour keepPlan(); returns how many statements ran from a kept plan (for the tests). */
export function keepPlansOf(client: PGlite): { executed: () => number } {
  const names = new Map<string, string>();
  registries.set(client, names);
  const prepared = new Set<string>();
  const refused = new Set<string>();
  let literalsSafe: boolean | null = null;
  let executed = 0;
  const original: Query = client.query.bind(client);
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
    if (!literalsSafe) return original(text, params, options);
    if (!prepared.has(name)) {
      try {
        await client.exec(`PREPARE ${name} AS ${text}`);
        prepared.add(name);
      } catch {
        // A statement PostgreSQL cannot prepare alone (a parameter of no known type): planned each time.
        refused.add(name);
        return original(text, params, options);
      }
    }
    executed += 1;
    const results = await client.exec(`SET LOCAL plan_cache_mode = force_generic_plan; EXECUTE ${name}${values.length ? `(${values.join(', ')})` : ''}`, options);
    return results[results.length - 1]!;
  };
  client.query = query as Query;
  return { executed: () => executed };
}
