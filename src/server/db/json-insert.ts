// Inserting thousands of rows in one statement with one parameter: the rows travel as a JSON array
// that json_populate_recordset turns into the table's row type. A multi-row VALUES with a parameter
// per cell costs far more to bind and parse (bulk onboarding writes 3,000 accounts, their grants and
// codes in one transaction). Rows are given with the table's TypeScript keys; every row names the
// same columns, and columns left out take their SQL defaults (not Drizzle's $defaultFn: pass those).
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

export async function insertJsonRows<T extends PgTable>(tx: DbOrTx, table: T, rows: readonly Partial<T['$inferInsert']>[], chunk = 5000): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const names = keys.map((k) => columns[k]!.name);
  const list = sql.join(names.map((n) => sql.identifier(n)), sql`, `);
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows.slice(i, i + chunk).map((row) => Object.fromEntries(keys.map((k, j) => [names[j], (row as Record<string, unknown>)[k] ?? null]))),
    );
    await tx.execute(sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(getTableName(table))}, ${json}::json)`);
  }
}
