// Inserting thousands of rows in one statement with one parameter: the rows travel as a JSON array
// that json_populate_recordset turns into the table's row type. A multi-row VALUES with a parameter
// per cell costs far more to bind and parse (bulk onboarding writes 3,000 accounts, their grants and
// codes in one transaction). Rows are given with the table's TypeScript keys. insertJsonRows: every
// row names the same columns, and columns left out take their SQL defaults (not Drizzle's $defaultFn:
// pass those). jsonInsertSql and jsonRowsText: one statement text per table whatever the rows, to be
// prepared once (decision 042).
import { getTableColumns, getTableName, is, sql, SQL, type Placeholder } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

export async function insertJsonRows<T extends PgTable>(tx: DbOrTx, table: T, rows: readonly Partial<T['$inferInsert']>[], chunk = 5000): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const names = keys.map((k) => columns[k]!.name);
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows.slice(i, i + chunk).map((row) => Object.fromEntries(keys.map((k, j) => [names[j], (row as Record<string, unknown>)[k] ?? null]))),
    );
    await tx.execute(populateSql(table, names, json));
  }
}

/** `insert into table (names) select names from json_populate_recordset(null::table, json)`. */
function populateSql(table: PgTable, names: readonly string[], json: string | SQL | Placeholder): SQL {
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  return sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(getTableName(table))}, ${json}::json)`;
}

/**
 * The columns a JSON insert into the table names, as [TypeScript key, column]: all but those the
 * database generates itself (identity).
 */
function insertableColumns(table: PgTable) {
  return Object.entries(getTableColumns(table)).filter(([, column]) => !(column as { generatedIdentity?: unknown }).generatedIdentity);
}

/**
 * `insert into table (…) select … from json_populate_recordset(null::table, json)` naming every
 * insertable column: one fixed text per table, whatever the rows, so that a statement made of it can
 * be prepared once (report creations' batch write). `json` is a parameter (a placeholder) of jsonRowsText's value.
 */
export function jsonInsertSql(table: PgTable, json: SQL | Placeholder): SQL {
  return populateSql(
    table,
    insertableColumns(table).map(([, column]) => column.name),
    json,
  );
}

/**
 * The rows as jsonInsertSql's JSON, every insertable column written out: a value left out takes the
 * column's Drizzle default ($defaultFn, as an insert by Drizzle would), else null. A row may not leave
 * out a column only the database defaults: it would be written null, not defaulted.
 */
export function jsonRowsText<T extends PgTable>(table: T, rows: readonly Partial<T['$inferInsert']>[]): string {
  const columns = insertableColumns(table);
  return JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        columns.map(([key, column]) => {
          let value = (row as Record<string, unknown>)[key];
          if (value === undefined && column.defaultFn) value = column.defaultFn();
          if (is(value, SQL)) throw new Error(`${getTableName(table)}.${column.name}: an SQL default cannot travel in JSON`);
          if (value === undefined && column.hasDefault) throw new Error(`${getTableName(table)}.${column.name}: left out of a JSON insert, it would be null, not its default`);
          return [column.name, value ?? null];
        }),
      ),
    ),
  );
}
