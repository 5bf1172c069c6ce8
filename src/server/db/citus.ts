// The statements an operator runs on a Citus coordinator to distribute a migrated QuánTriệt database
// (decision 017), derived from the Drizzle schema and db/distribution.ts, never listed by hand:
//   1. the cluster setting for triggers on distributed tables;
//   2. the triggers Citus will not distribute a table with, dropped;
//   3. reference tables (create_reference_table);
//   4. the colocation anchor (units), then every other tenant table colocated with it, each after the
//      tenant tables its foreign keys point at (Citus refuses a foreign key to a table not yet distributed);
//   5. lookup tables, distributed by their own key (colocate_with => 'none');
//   6. the triggers again (db/distribution.ts: triggersAfterDistribution);
//   7. the local copies of the rows, emptied (Citus copied them into the shards).
// `bin/quantriet citus-distribute` prints them; citus.test.ts checks every table appears exactly once.
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { COLOCATION_ANCHOR, TENANT_COLUMN, isTenantTable, lookupTables, referenceTables, triggersAfterDistribution } from './distribution';

export interface SchemaTable {
  name: string;
  /** Tables this one's foreign keys point at (itself included when it points at itself). */
  references: string[];
}

/** Every table of db/schema.ts with the tables it points at. */
export function schemaTables(): SchemaTable[] {
  return (Object.values(schema) as unknown[])
    .filter((value) => is(value, PgTable))
    .map((table) => {
      const config = getTableConfig(table as PgTable);
      return { name: config.name, references: config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type DistributionKind = 'reference' | 'tenant' | 'lookup';

export interface DistributionStep {
  table: string;
  kind: DistributionKind;
  statement: string;
}

export class DistributionPlanError extends Error {}

const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** "CREATE TRIGGER audit_log_append_only BEFORE … ON audit_log …" → its name and table. */
export function triggerTarget(statement: string): { name: string; table: string } {
  const match = /CREATE\s+TRIGGER\s+(\w+)\s[\s\S]*?\bON\s+(\w+)/iu.exec(statement);
  if (!match) throw new DistributionPlanError(`not a CREATE TRIGGER statement: ${statement}`);
  return { name: match[1]!, table: match[2]! };
}

/**
 * The tables in the order they are distributed: reference tables, the anchor, the other tenant tables
 * (each after the tables it points at), lookup tables. Throws when the rules make it impossible
 * (a foreign key cycle between tenant tables, a tenant table pointing at a lookup table…).
 */
export function distributionSteps(tables: readonly SchemaTable[]): DistributionStep[] {
  const names = new Set(tables.map((t) => t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const kindOf = (name: string): DistributionKind => (referenceTables.includes(name) ? 'reference' : name in lookupTables ? 'lookup' : 'tenant');
  if (!names.has(COLOCATION_ANCHOR)) throw new DistributionPlanError(`the colocation anchor ${COLOCATION_ANCHOR} is not in the schema`);
  for (const t of tables) {
    for (const target of t.references) {
      const from = kindOf(t.name);
      const to = kindOf(target);
      // Citus: a reference table may point only at reference tables; distributed tables at colocated
      // distributed tables or reference tables.
      const allowed = to === 'reference' || (from === 'tenant' && to === 'tenant') || (from === 'lookup' && target === t.name);
      if (!allowed) throw new DistributionPlanError(`${t.name} (${from}) may not have a foreign key to ${target} (${to})`);
    }
  }

  const steps: DistributionStep[] = [];
  const ordered = (kind: DistributionKind, first: string[] = []) => {
    const pending = new Set(tables.filter((t) => kindOf(t.name) === kind).map((t) => t.name));
    const done = new Set<string>();
    const out: string[] = [];
    const take = (name: string) => {
      out.push(name);
      done.add(name);
      pending.delete(name);
    };
    for (const name of first) take(name);
    while (pending.size > 0) {
      // Alphabetical among the ready ones: the output is the same on every run.
      const ready = [...pending]
        .sort()
        .find((name) => byName.get(name)!.references.every((target) => target === name || kindOf(target) !== kind || done.has(target)));
      if (!ready) throw new DistributionPlanError(`foreign keys form a cycle between ${[...pending].sort().join(', ')}`);
      take(ready);
    }
    return out;
  };

  for (const table of ordered('reference')) steps.push({ table, kind: 'reference', statement: `SELECT create_reference_table(${quote(table)});` });
  for (const table of ordered('tenant', [COLOCATION_ANCHOR])) {
    const colocate = table === COLOCATION_ANCHOR ? 'none' : COLOCATION_ANCHOR;
    steps.push({ table, kind: 'tenant', statement: `SELECT create_distributed_table(${quote(table)}, ${quote(TENANT_COLUMN)}, colocate_with => ${quote(colocate)});` });
  }
  for (const table of ordered('lookup')) {
    steps.push({ table, kind: 'lookup', statement: `SELECT create_distributed_table(${quote(table)}, ${quote(lookupTables[table]!)}, colocate_with => 'none');` });
  }
  return steps;
}

/** The whole script, comments included, in the order it must run. */
export function citusScript(tables: readonly SchemaTable[] = schemaTables()): string {
  const steps = distributionSteps(tables);
  const names = new Set(tables.map((t) => t.name));
  const triggers = Object.entries(triggersAfterDistribution).map(([table, statement]) => {
    const target = triggerTarget(statement);
    if (target.table !== table || !names.has(table)) throw new DistributionPlanError(`the trigger ${target.name} is listed for ${table} but is on ${target.table}`);
    return { ...target, statement };
  });
  const lines: string[] = [
    '-- QuánTriệt: phân tán cơ sở dữ liệu trên Citus theo đơn vị thuê (tenant_id), quyết định 017.',
    '-- Chạy trên coordinator, một lần, sau `bin/quantriet migrate` và trước khi mở máy chủ ứng dụng:',
    '--   psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -f citus.sql',
    '-- Trước đó: CREATE EXTENSION citus; các worker đã được thêm (citus_add_node), và unaccent, pg_trgm',
    '-- có trên mọi nút. Bảng của hàng đợi (schema pgboss) và bảng migration ở lại trên coordinator.',
    '',
    '-- 1. Trigger trên bảng phân tán (nhật ký kiểm toán chỉ được ghi thêm): cho phiên này và cho cả cụm.',
    'SET citus.enable_unsafe_triggers = on;',
    'ALTER SYSTEM SET citus.enable_unsafe_triggers = on;',
    'SELECT pg_reload_conf();',
    '',
    '-- 2. Citus không phân tán bảng đang có trigger: gỡ tạm, tạo lại ở bước 6.',
    ...triggers.map((t) => `DROP TRIGGER IF EXISTS ${t.name} ON ${t.table};`),
    '',
    '-- 3. Bảng tham chiếu: nhỏ, dùng chung, chép sang mọi nút.',
    ...steps.filter((s) => s.kind === 'reference').map((s) => s.statement),
    '',
    `-- 4. Bảng theo đơn vị thuê: ${COLOCATION_ANCHOR} trước, các bảng khác cùng vị trí với nó, mỗi bảng sau các bảng nó tham chiếu.`,
    ...steps.filter((s) => s.kind === 'tenant').map((s) => s.statement),
    '',
    '-- 5. Bảng tra cứu: phân tán theo chính giá trị duy nhất (tên đăng nhập, số thẻ đảng viên).',
    ...steps.filter((s) => s.kind === 'lookup').map((s) => s.statement),
    '',
    '-- 6. Trigger tạo lại sau khi phân tán.',
    ...triggers.map((t) => (t.statement.trim().endsWith(';') ? t.statement.trim() : `${t.statement.trim()};`)),
    '',
    '-- 7. Dữ liệu cũ đã được chép vào các shard: xoá bản cục bộ trên coordinator.',
    ...steps.map((s) => `SELECT truncate_local_data_after_distributing_table(${quote(`public.${s.table}`)});`),
    '',
  ];
  return lines.join('\n');
}
