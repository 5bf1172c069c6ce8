// Inserts written as SQL, for a write of several rows that must go to the database as one statement
// (data-modifying WITH clauses: one round trip, one transaction). The values are bound through each
// column's own encoder, as Drizzle's insert binds them (JSON, timestamps, numerics); columns left out
// take their database default, so a row passes every value Drizzle's $defaultFn would have given.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** `INSERT INTO table (columns) VALUES (values)` of one row, its keys the table's field names. */
export function insertValuesSql<T extends PgTable>(table: T, row: Partial<T['$inferInsert']>): SQL {
  const columns = getTableColumns(table);
  const keys = Object.keys(row).filter((k) => (row as Record<string, unknown>)[k] !== undefined);
  for (const k of keys) if (!columns[k]) throw new Error(`insertValuesSql: no column ${k}`);
  const names = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  const values = sql.join(
    keys.map((k) => sql.param((row as Record<string, unknown>)[k], columns[k])),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) values (${values})`;
}

/** Whether a statement failed on a unique index (PostgreSQL's 23505), however the driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}
