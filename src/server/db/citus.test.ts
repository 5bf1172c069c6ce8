// `bin/quantriet citus-distribute` (db/citus.ts): every table of the schema distributed exactly once,
// in an order Citus accepts, with the triggers around it. The schema's own rules are checked by
// distribution.test.ts; here, what the script makes of them.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DistributionPlanError, citusScript, distributionSteps, schemaTables, triggerTarget } from './citus';
import { COLOCATION_ANCHOR, lookupTables, referenceTables, triggersAfterDistribution } from './distribution';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const tables = schemaTables();
const script = citusScript(tables);
const statements = script.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('--'));
const distributed = (line: string) => /create_(?:reference|distributed)_table\('(\w+)'/u.exec(line)?.[1];
const order = statements.map(distributed).filter((name): name is string => name !== undefined);

describe('citus-distribute', () => {
  it('distributes every table of the schema exactly once', () => {
    expect(tables.length).toBeGreaterThan(20);
    expect([...order].sort()).toEqual(tables.map((t) => t.name).sort());
    expect(new Set(order).size).toBe(order.length);
  });

  it('reference tables first, then units, the tenant tables colocated on tenant_id, then the lookups', () => {
    const kinds = order.map((name) => (referenceTables.includes(name) ? 'reference' : name in lookupTables ? 'lookup' : 'tenant'));
    const firstTenant = kinds.indexOf('tenant');
    expect(kinds.slice(0, firstTenant).every((k) => k === 'reference')).toBe(true);
    expect(kinds.lastIndexOf('tenant')).toBeLessThan(kinds.indexOf('lookup'));
    expect(order[firstTenant]).toBe(COLOCATION_ANCHOR);
    for (const line of statements.filter((l) => l.includes('create_distributed_table'))) {
      const name = distributed(line)!;
      if (name in lookupTables) expect(line).toBe(`SELECT create_distributed_table('${name}', '${lookupTables[name]}', colocate_with => 'none');`);
      else if (name === COLOCATION_ANCHOR) expect(line).toBe(`SELECT create_distributed_table('units', 'tenant_id', colocate_with => 'none');`);
      else expect(line).toBe(`SELECT create_distributed_table('${name}', 'tenant_id', colocate_with => 'units');`);
    }
    for (const name of referenceTables) expect(statements).toContain(`SELECT create_reference_table('${name}');`);
  });

  it('distributes each table after every table its foreign keys point at', () => {
    for (const table of tables) {
      for (const target of table.references) {
        if (target === table.name) continue;
        expect(order.indexOf(target), `${table.name} → ${target}`).toBeLessThan(order.indexOf(table.name));
      }
    }
  });

  it('drops each trigger before its table is distributed and creates it again after every table', () => {
    const entries = Object.entries(triggersAfterDistribution);
    expect(entries.length).toBeGreaterThan(0);
    const lastDistribution = Math.max(...statements.map((l, i) => (distributed(l) ? i : -1)));
    for (const [table, create] of entries) {
      const { name } = triggerTarget(create);
      const drop = statements.indexOf(`DROP TRIGGER IF EXISTS ${name} ON ${table};`);
      const distribute = statements.findIndex((l) => distributed(l) === table);
      const recreate = statements.findIndex((l) => l.startsWith(`CREATE TRIGGER ${name} `));
      expect(drop).toBeGreaterThanOrEqual(0);
      expect(drop).toBeLessThan(distribute);
      expect(recreate).toBeGreaterThan(lastDistribution);
    }
    // The setting that allows triggers on distributed tables comes before any of them.
    expect(statements.indexOf('SET citus.enable_unsafe_triggers = on;')).toBe(0);
  });

  it('empties the local copy of every table once all are distributed', () => {
    const truncates = statements.filter((l) => l.includes('truncate_local_data_after_distributing_table'));
    expect(truncates.map((l) => /'public\.(\w+)'/u.exec(l)?.[1]).sort()).toEqual(tables.map((t) => t.name).sort());
    const lastDistribution = Math.max(...statements.map((l, i) => (distributed(l) ? i : -1)));
    expect(statements.indexOf(truncates[0]!)).toBeGreaterThan(lastDistribution);
  });

  it('refuses a schema Citus cannot distribute, naming the tables', () => {
    const base = [{ name: 'units', references: [] }];
    expect(() => distributionSteps([...base, { name: 'a', references: ['b'] }, { name: 'b', references: ['a'] }])).toThrow(
      new DistributionPlanError('foreign keys form a cycle between a, b'),
    );
    expect(() => distributionSteps([...base, { name: 'usernames', references: [] }, { name: 'x', references: ['usernames'] }])).toThrow(
      'x (tenant) may not have a foreign key to usernames (lookup)',
    );
    expect(() => distributionSteps([...base, { name: 'vocabulary_extensions', references: ['units'] }])).toThrow(
      'vocabulary_extensions (reference) may not have a foreign key to units (tenant)',
    );
    // A table pointing at itself (units' parent, a task's parent) is fine.
    expect(distributionSteps([{ name: 'units', references: ['units'] }]).map((s) => s.table)).toEqual(['units']);
  });

  it('is what bin/quantriet citus-distribute prints', () => {
    const printed = execFileSync(process.execPath, [join(repo, 'bin/quantriet'), 'citus-distribute'], { cwd: repo, encoding: 'utf8' });
    expect(printed).toBe(script);
  }, 60_000);
});
