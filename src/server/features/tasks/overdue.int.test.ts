// The overdue scan (one row of parallel arrays) answers exactly what the plain query over the table
// answers: open, dated, unit tasks due by the moment, oldest first; a commune's own when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, isNotNull, lte, ne, eq, count } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { buildCommune } from '../../../../test/support/factories';
import { planTasks } from './tables';
import { overdueOpenTasks } from './overdue';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const plainScan = (at: Date, tenantId?: string) =>
  t.database.db
    .select({ tenantId: planTasks.tenantId, id: planTasks.id, planId: planTasks.planId, assigneeUnitId: planTasks.assigneeUnitId, dueAt: planTasks.dueAt })
    .from(planTasks)
    .where(and(ne(planTasks.status, 'done'), lte(planTasks.dueAt, at), isNotNull(planTasks.assigneeUnitId), tenantId ? eq(planTasks.tenantId, tenantId) : undefined))
    .orderBy(asc(planTasks.dueAt), asc(planTasks.id));

describe('the overdue scan', () => {
  it('matches the plain query on the demo campaign, before, during and after its deadlines', async () => {
    const [{ n }] = (await t.database.db.select({ n: count() }).from(planTasks).where(isNotNull(planTasks.dueAt))) as [{ n: number }];
    expect(n).toBeGreaterThan(0);
    let seen = 0;
    for (const at of ['2026-05-01T00:00:00+07:00', '2026-06-01T00:00:00+07:00', '2026-06-10T10:00:00+07:00', '2027-01-01T00:00:00+07:00']) {
      const moment = new Date(at);
      const scanned = await overdueOpenTasks(t.database.db, moment);
      expect(scanned).toEqual(await plainScan(moment));
      for (const task of scanned) expect(task.dueAt.getTime()).toBeLessThanOrEqual(moment.getTime());
      seen = Math.max(seen, scanned.length);
    }
    // The demo's cells leave some of their tasks undone: the comparison was over real rows.
    expect(seen).toBeGreaterThan(0);
  });

  it('keeps to one commune when asked, and answers an empty list with no rows', async () => {
    const at = new Date('2027-01-01T00:00:00+07:00');
    const [first] = await overdueOpenTasks(t.database.db, at);
    const own = await overdueOpenTasks(t.database.db, at, { tenantId: first!.tenantId });
    expect(own).toEqual(await plainScan(at, first!.tenantId));
    const other = await buildCommune(t.database, 'Đảng ủy xã Không Việc');
    expect(await overdueOpenTasks(t.database.db, at, { tenantId: other.id })).toEqual([]);
    expect(await overdueOpenTasks(t.database.db, new Date('2000-01-01T00:00:00Z'))).toEqual([]);
  });
});
