// Tasks (issue 12): the overdue scan over 100,000 tasks (5,000 cells × 20 plans), < 200 ms. Rows are
// inserted directly (the plans' fan-out is measured by the sessions' bench); the query measured is
// overdueOpenTasks(), the scan of open tasks by the partial index on due_at, on an embedded PGlite.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { planTasks } from '../src/server/features/tasks/tables';
import { overdueOpenTasks } from '../src/server/features/tasks/overdue';
import { dueMoment } from '../src/domain/due-moment';
import type { Due } from '../src/domain/plan-import/types';
import { report } from './support';

const CELLS = 5000;
const PLANS = 20;

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  const db = database.db;
  const communeId = crypto.randomUUID();
  const communePath = `/${communeId}/`;
  await db.insert(units).values({ id: communeId, tenantId: communeId, kind: 'commune', name: 'Đảng ủy phường Thử', path: communePath });
  const cells = Array.from({ length: CELLS }, (_, i) => {
    const id = crypto.randomUUID();
    return { id, tenantId: communeId, parentId: communeId, kind: 'cell' as const, name: `Chi bộ ${i + 1}`, path: `${communePath}${id}/` };
  });
  for (let i = 0; i < cells.length; i += 1000) await db.insert(units).values(cells.slice(i, i + 1000));

  // 20 plans over 2026, one a fortnight; each gives every cell one task due at the end of its month.
  const insertStart = performance.now();
  for (let p = 0; p < PLANS; p++) {
    const month = 1 + Math.floor(p / 2);
    const to = new Date(Date.UTC(2026, month, 0)).toISOString().slice(0, 10);
    const due: Due = { phrase: `Hoàn thành trong tháng ${month}/2026`, kind: 'within-month', from: `2026-${String(month).padStart(2, '0')}-01`, to };
    const [plan] = await db
      .insert(plans)
      .values({ tenantId: communeId, issuerUnitId: communeId, kind: 'propagation', status: 'issued', title: `Kế hoạch ${p + 1}`, source: '', body: { preamble: [], sections: [], conferences: [], tasks: [], selfAssessment: null, signature: null, resolutions: [] }, issuedOn: `2026-${String(month).padStart(2, '0')}-01` })
      .returning();
    const [parent] = await db.insert(planTasks).values({ tenantId: communeId, planId: plan!.id, assigneeLabel: 'Các chi bộ', text: 'Tổ chức học tập', due, dueAt: dueMoment(due) }).returning();
    // The older the plan, the more of its cells have done their task (one INSERT … SELECT per plan).
    const doneShare = Math.max(0, 0.9 - p * 0.08);
    await db.execute(sql`
      INSERT INTO plan_tasks (tenant_id, plan_id, parent_id, assignee_unit_id, assignee_label, text, due, due_at, status, follows)
      SELECT tenant_id, ${plan!.id}, ${parent!.id}, id, name, 'Tổ chức học tập', ${JSON.stringify(due)}::jsonb, ${dueMoment(due)!.toISOString()}::timestamptz,
             CASE WHEN n <= ${Math.round(doneShare * CELLS)} THEN 'done' ELSE 'not-started' END, 'study-session'
      FROM (SELECT tenant_id, id, name, row_number() OVER (ORDER BY path) AS n FROM units WHERE tenant_id = ${communeId} AND kind = 'cell') c`);
  }
  const insertMs = performance.now() - insertStart;
  await db.execute(sql`ANALYZE plan_tasks`);

  // On 15/07/2026: the plans of January to June have fallen due.
  const at = new Date('2026-07-15T09:00:00+07:00');
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    found = (await overdueOpenTasks(db, at)).length;
    const ms = performance.now() - start;
    if (i >= 3) times.push(ms);
  }
  // A job reads it in pages of 1,000 (keyset on due_at, id): the first page.
  const pageTimes: number[] = [];
  for (let i = 0; i < 15; i++) {
    const start = performance.now();
    await db.execute(sql`SELECT tenant_id, id, plan_id, assignee_unit_id, due_at FROM plan_tasks WHERE status <> 'done' AND due_at <= ${at.toISOString()}::timestamptz AND assignee_unit_id IS NOT NULL ORDER BY due_at, id LIMIT 1000`);
    if (i >= 3) pageTimes.push(performance.now() - start);
  }
  pageTimes.sort((a, b) => a - b);
  const plan = ((await db.execute(sql`EXPLAIN SELECT id FROM plan_tasks WHERE status <> 'done' AND due_at <= ${at.toISOString()}::timestamptz ORDER BY due_at`)) as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join(' / ');
  console.log(`  plan: ${plan.slice(0, 160)}`);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const total = ((await db.execute(sql`SELECT count(*)::int AS n FROM plan_tasks`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
  console.log(`  (${total} tasks inserted in ${(insertMs / 1000).toFixed(1)} s; ${found} open and overdue on 15/07/2026)`);
  report(`overdue scan, first page of 1,000 (keyset by due_at)`, `median ${pageTimes[Math.floor(pageTimes.length / 2)]!.toFixed(1)} ms`, '< 200 ms', pageTimes[Math.floor(pageTimes.length / 2)]! < 200);
  report(`overdue scan over ${total} tasks (${CELLS} cells × ${PLANS} plans, PGlite)`, `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`, '< 200 ms', median < 200);
  await database.close();
}
