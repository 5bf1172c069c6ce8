// The Citus rules (decision 017), checked on every table of the Drizzle schema and on the join code,
// so that a new table breaks this test on its first migration instead of on a real cluster.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig, pgTable, text, uniqueIndex, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { TENANT_COLUMN, isTenantTable, lookupTables, referenceTables } from './distribution';

type TableEntry = { exportName: string; config: ReturnType<typeof getTableConfig> };
const tables: TableEntry[] = Object.entries(schema)
  .filter(([, value]) => is(value, PgTable))
  .map(([exportName, value]) => ({ exportName, config: getTableConfig(value as PgTable) }));
const names = new Set(tables.map((t) => t.config.name));
const columnName = (c: unknown) => (c && typeof c === 'object' && 'name' in c ? String((c as PgColumn).name) : '(expression)');

/** Every broken rule as "table: rule". */
function violations(list: TableEntry[]): string[] {
  const found: string[] = [];
  for (const { config } of list) {
    const table = config.name;
    const say = (rule: string) => found.push(`${table}: ${rule}`);
    const fks = config.foreignKeys.map((fk) => fk.reference());
    if (!isTenantTable(table)) {
      for (const fk of fks) {
        const target = getTableConfig(fk.foreignTable).name;
        if (isTenantTable(target)) say(`a ${referenceTables.includes(table) ? 'reference' : 'lookup'} table may not have a foreign key to the tenant table ${target}`);
      }
      if (table in lookupTables) {
        const key = config.columns.find((c) => c.primary)?.name;
        if (key !== lookupTables[table]) say(`a lookup table's primary key must be its distribution column ${lookupTables[table]}`);
      }
      continue;
    }
    const tenant = config.columns.find((c) => c.name === TENANT_COLUMN);
    if (!tenant) say(`a tenant table needs ${TENANT_COLUMN} (or list it in db/distribution.ts as reference or lookup)`);
    else if (!tenant.notNull) say(`${TENANT_COLUMN} must be NOT NULL`);
    const columnPk = config.columns.filter((c) => c.primary).map((c) => c.name);
    const pk = config.primaryKeys[0]?.columns.map((c) => c.name) ?? columnPk;
    if (pk.length === 0) say('a tenant table needs a primary key');
    else if (!pk.includes(TENANT_COLUMN)) say(`the primary key (${pk.join(', ')}) must hold ${TENANT_COLUMN}`);
    for (const c of config.columns) if (c.isUnique) say(`the unique column ${c.name} must be a unique index starting with ${TENANT_COLUMN}`);
    for (const index of config.indexes) {
      const first = columnName(index.config.columns[0]);
      if (index.config.unique && first !== TENANT_COLUMN) say(`the unique index ${index.config.name} must start with ${TENANT_COLUMN} (starts with ${first})`);
    }
    for (const unique of config.uniqueConstraints) {
      if (unique.columns[0]?.name !== TENANT_COLUMN) say(`the unique constraint ${unique.name ?? ''} must start with ${TENANT_COLUMN}`);
    }
    for (const fk of fks) {
      const target = getTableConfig(fk.foreignTable).name;
      if (!isTenantTable(target)) continue; // a tenant table may point at a reference table
      const at = fk.columns.findIndex((c) => c.name === TENANT_COLUMN);
      if (at < 0 || fk.foreignColumns[at]?.name !== TENANT_COLUMN) {
        say(`the foreign key (${fk.columns.map((c) => c.name).join(', ')}) → ${target} must be composite: (${TENANT_COLUMN}, …) → (${TENANT_COLUMN}, …)`);
      }
    }
  }
  return found;
}

const serverDir = fileURLToPath(new URL('..', import.meta.url));
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** The condition of a join: the text of the call's arguments, to its closing parenthesis. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** Joins to a tenant table whose condition does not name tenantId: "file:line table". */
function joinsWithoutTenant(): string[] {
  const sqlName = new Map(tables.map((t) => [t.exportName, t.config.name]));
  const found: string[] = [];
  for (const file of sourceFiles(serverDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\.(?:inner|left|right|full)Join\(\s*(\w+)/g)) {
      const joined = match[1]!;
      const table = sqlName.get(joined) ?? joined; // an alias of a tenant table counts as one
      if (!isTenantTable(table)) continue;
      if (!callArguments(text, match.index! + match[0].indexOf('(')).includes('tenantId')) {
        found.push(`${file.slice(serverDir.length)}:${text.slice(0, match.index).split('\n').length} joins ${joined} without tenant_id`);
      }
    }
  }
  return found;
}

describe('distribution by tenant (decision 017)', () => {
  it('knows every table of the schema', () => {
    expect(tables.length).toBeGreaterThan(20);
    for (const name of [...referenceTables, ...Object.keys(lookupTables)]) expect(names, `${name} is listed in db/distribution.ts`).toContain(name);
  });

  it('every tenant table keys on tenant_id; reference and lookup tables point at none', () => {
    expect(violations(tables)).toEqual([]);
  });

  it('names the table and the rule a table breaks', () => {
    const bad = pgTable(
      'bad_things',
      {
        id: uuid('id').primaryKey(),
        tenantId: uuid('tenant_id'),
        code: text('code').unique(),
        unitId: uuid('unit_id').references(() => schema.units.id),
      },
      (t) => [uniqueIndex('bad_things_code_uq').on(t.code, t.tenantId)],
    );
    const lookup = pgTable('usernames', { username: text('username').primaryKey(), unitId: uuid('unit_id').references(() => schema.units.id) });
    expect(violations([bad, lookup].map((table) => ({ exportName: 'x', config: getTableConfig(table) })))).toEqual([
      'bad_things: tenant_id must be NOT NULL',
      'bad_things: the primary key (id) must hold tenant_id',
      'bad_things: the unique column code must be a unique index starting with tenant_id',
      'bad_things: the unique index bad_things_code_uq must start with tenant_id (starts with code)',
      'bad_things: the foreign key (unit_id) → units must be composite: (tenant_id, …) → (tenant_id, …)',
      'usernames: a lookup table may not have a foreign key to the tenant table units',
    ]);
  });

  it('every join between tenant tables holds tenant_id', () => {
    expect(joinsWithoutTenant()).toEqual([]);
  });
});
