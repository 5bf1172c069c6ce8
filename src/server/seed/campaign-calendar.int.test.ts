import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { buildApp } from '../app';
import { openDatabase, type Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import * as schema from '../db/schema';
import { loadEnv } from '../env';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { openTestDatabase } from '../../../test/support/app';

// The demo tells the campaign's story (May-June 2026) whatever day the seed runs: here, the day the
// 9th issue was found, 2/12/2026 05:51 Vietnam time.
const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
/** Sessions keep the real time: they expire from when they really began. */
const realTimeTables = new Set(['sessions']);

let database: Database;
beforeAll(async () => {
  database = process.env.QT_TEST_DB === 'postgres' ? await emptyPostgres() : await openDatabase({});
  await migrateDatabase(database);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T22:51:00Z'));
  try {
    await seedDemo(database.db);
  } finally {
    vi.useRealTimers();
  }
}, 120_000);
afterAll(() => database?.close());

async function emptyPostgres(): Promise<Database> {
  // The template of the postgres project holds the demo; empty every table of this private copy.
  const copy = await openTestDatabase();
  const names = tables.map((t) => `"${getTableName(t)}"`).join(', ');
  await copy.db.execute(sql.raw(`TRUNCATE ${names} CASCADE`));
  return copy;
}

describe('the demo seed on 2/12/2026', () => {
  it('stamps every timestamp of every table within May-June 2026', async () => {
    const checked: string[] = [];
    for (const table of tables) {
      const name = getTableName(table);
      if (realTimeTables.has(name)) continue;
      for (const column of Object.values(getTableColumns(table))) {
        if (column.columnType !== 'PgTimestamp' && column.columnType !== 'PgTimestampString') continue;
        const result = await database.db.execute(
          sql.raw(`SELECT min("${column.name}") AS first, max("${column.name}") AS last, count("${column.name}") AS n FROM "${name}"`),
        );
        const row = (result as unknown as { rows: { first: unknown; last: unknown; n: unknown }[] }).rows[0]!;
        if (Number(row.n) === 0) continue;
        checked.push(`${name}.${column.name}`);
        const [first, last] = [new Date(row.first as string), new Date(row.last as string)];
        expect(first.getTime(), `${name}.${column.name}`).toBeGreaterThanOrEqual(Date.parse('2026-05-01T00:00:00+07:00'));
        expect(last.getTime(), `${name}.${column.name}`).toBeLessThan(Date.parse('2026-07-01T00:00:00+07:00'));
      }
    }
    // The walk found the tables the demo fills (a new table is covered without touching this test).
    expect(checked).toEqual(expect.arrayContaining(['units.created_at', 'members.updated_at', 'users.created_at', 'audit_log.at', 'plans.updated_at', 'plan_deliveries.delivered_at', 'plan_deliveries.read_at']));
  });

  it('shows the read receipts of the plan issued on 15/05/2026 at the campaign moments', async () => {
    const app = await buildApp({ env: loadEnv({ NODE_ENV: 'test', QT_WEB_DIR: '/nonexistent', QT_LOGIN_RATE_LIMIT: '1000' }), database });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
      const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; ') };
      const plans = (await app.inject({ method: 'GET', url: '/api/plans', headers })).json().plans as { id: string; status: string }[];
      const issued = plans.find((p) => p.status === 'issued')!;
      const { deliveries } = (await app.inject({ method: 'GET', url: `/api/plans/${issued.id}/deliveries`, headers })).json() as {
        deliveries: { unitName: string; deliveredAt: string; readAt: string | null }[];
      };
      expect(new Set(deliveries.map((d) => d.deliveredAt))).toEqual(new Set([new Date('2026-05-15T09:00:00+07:00').toISOString()]));
      expect(deliveries.filter((d) => d.readAt).map((d) => d.readAt).sort()).toEqual([
        new Date('2026-05-15T10:12:00+07:00').toISOString(),
        new Date('2026-05-16T07:45:00+07:00').toISOString(),
      ]);
    } finally {
      await app.close();
    }
  });
});
