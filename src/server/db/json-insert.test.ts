// The rows of a prepared JSON insert (decision 042): every insertable column written out, in the
// table's column names, Drizzle's $defaultFn for what a row leaves out; identity columns left to the
// database; a column only the database defaults may not be left out (it would be written null).
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, PgDialect, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { jsonInsertSql, jsonRowsText } from './json-insert';

const stamp = new Date('2026-06-05T01:00:00.000Z');
const notes = pgTable('notes', {
  id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  tenantId: uuid('tenant_id').notNull(),
  body: jsonb('body').$type<{ items: string[] }>().notNull(),
  status: text('status').notNull().default('draft'),
  version: integer('version'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow().$defaultFn(() => stamp),
});

describe('JSON inserts of one fixed text', () => {
  it('names every column but the identity, whatever the rows', () => {
    const { sql: text, params } = new PgDialect().sqlToQuery(jsonInsertSql(notes, sql.placeholder('rows')));
    expect(text).toBe(
      'insert into "notes" ("tenant_id", "body", "status", "version", "at") select "tenant_id", "body", "status", "version", "at" from json_populate_recordset(null::"notes", $1::json)',
    );
    expect(params).toHaveLength(1);
  });

  it('writes each row in column names, nested JSON as it is, dates as ISO, $defaultFn for what is left out, null for the rest', () => {
    const rows = JSON.parse(
      jsonRowsText(notes, [
        { tenantId: 't1', body: { items: ['a', "O'Brien \\ \"x\""] }, status: 'submitted', version: 2, at: new Date('2026-06-01T00:00:00Z') },
        { tenantId: 't2', body: { items: [] }, status: 'draft' },
      ]),
    );
    expect(rows).toEqual([
      { tenant_id: 't1', body: { items: ['a', "O'Brien \\ \"x\""] }, status: 'submitted', version: 2, at: '2026-06-01T00:00:00.000Z' },
      { tenant_id: 't2', body: { items: [] }, status: 'draft', version: null, at: stamp.toISOString() },
    ]);
  });

  it('refuses a row that leaves out a column only the database defaults', () => {
    expect(() => jsonRowsText(notes, [{ tenantId: 't1', body: { items: [] } }])).toThrow(/notes\.status/u);
  });
});
