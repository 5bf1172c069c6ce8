// Tasks views (issue 12): the ward overview of 40 units × 10 plans, by unit and by plan — p95 < 30 ms.
// Rows inserted directly (each plan: 3 tasks fanned out to the 40 units, 5 tasks of single units, in
// every state), then the service the route calls, in-process, on an embedded PGlite.
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { planTasks, type TaskStatus } from '../src/server/features/tasks/tables';
import { taskOverview } from '../src/server/features/task-views/service';
import { dueMoment } from '../src/domain/due-moment';
import type { Due } from '../src/domain/plan-import/types';
import type { Actor } from '../src/server/auth/actor';
import { report } from './support';

const UNITS = 40;
const PLANS = 10;

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  const db = database.db;
  const communeId = crypto.randomUUID();
  const communePath = `/${communeId}/`;
  await db.insert(units).values({ id: communeId, tenantId: communeId, kind: 'commune', name: 'Đảng ủy phường Thử', path: communePath });
  const cells = Array.from({ length: UNITS }, (_, i) => {
    const id = crypto.randomUUID();
    return { id, tenantId: communeId, parentId: communeId, kind: 'cell' as const, name: `Chi bộ ${i + 1}`, path: `${communePath}${id}/` };
  });
  await db.insert(units).values(cells);
  const staff: Actor = { userId: crypto.randomUUID(), username: 'bench', displayName: 'bench', tenantId: communeId, communeId, memberId: null, grants: [{ role: 'wardStaff', unitId: communeId, unitPath: communePath, unitKind: 'commune', unitTenantId: communeId }] };

  const dues: Due[] = [
    { phrase: 'Hoàn thành trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' },
    { phrase: 'Trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' },
    { phrase: 'Thường xuyên', kind: 'ongoing' },
    { phrase: 'Ngày 20/12/2030', kind: 'on', date: '2030-12-20' },
  ];
  const statuses: TaskStatus[] = ['done', 'in-progress', 'not-started', 'not-started'];
  let rows = 0;
  for (let p = 0; p < PLANS; p++) {
    const [plan] = await db
      .insert(plans)
      .values({ tenantId: communeId, issuerUnitId: communeId, kind: 'propagation', status: 'issued', title: `Kế hoạch thử ${p + 1}`, source: '', number: p + 1, numberPeriod: '2026', body: { preamble: [], sections: [], conferences: [], tasks: [], selfAssessment: null, signature: null, resolutions: [] }, issuedOn: '2026-05-15' })
      .returning();
    const values: (typeof planTasks.$inferInsert)[] = [];
    for (let g = 0; g < 3; g++) {
      const due = dues[g % dues.length]!;
      const groupId = crypto.randomUUID();
      values.push({ tenantId: communeId, id: groupId, planId: plan!.id, assigneeUnitId: null, assigneeLabel: 'Các chi bộ', text: `Nhiệm vụ chung ${g + 1}`, due, dueAt: dueMoment(due), position: g });
      cells.forEach((c, i) => values.push({ tenantId: communeId, planId: plan!.id, parentId: groupId, assigneeUnitId: c.id, assigneeLabel: c.name, text: `Nhiệm vụ chung ${g + 1}`, due, dueAt: dueMoment(due), status: statuses[(i + g + p) % statuses.length]!, position: g }));
    }
    for (let k = 0; k < 5; k++) {
      const due = dues[(k + p) % dues.length]!;
      const c = cells[(k * 7 + p) % UNITS]!;
      values.push({ tenantId: communeId, planId: plan!.id, assigneeUnitId: c.id, assigneeLabel: c.name, text: `Nhiệm vụ riêng ${k + 1}`, due, dueAt: dueMoment(due), status: statuses[k % statuses.length]!, position: 3 + k });
    }
    await db.insert(planTasks).values(values);
    rows += values.length;
  }

  for (const by of ['unit', 'plan'] as const) {
    const times: number[] = [];
    let result = await taskOverview(db, staff, by);
    for (let i = 0; i < 120; i++) {
      const start = performance.now();
      result = await taskOverview(db, staff, by);
      if (i >= 20) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)]!;
    const ok = result.rows.length === (by === 'unit' ? UNITS : PLANS) && p95 < 30;
    report(`Ward overview by ${by} (${UNITS} units × ${PLANS} plans, ${rows} task rows)`, `p95 ${p95.toFixed(1)} ms (median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms), ${result.rows.length} rows`, 'p95 < 30 ms', ok);
  }
  await database.close();
}
