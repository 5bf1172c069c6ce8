// The overdue scan: every open task whose due moment has passed, oldest first, read through the
// partial index plan_tasks_open_due_idx (due_at WHERE status <> 'done'). Overdue is never stored: this
// is the one query that asks it of the whole table (reminders, escalations, the ward's overview).
// Group tasks are left out: their units' tasks are what falls due.
//
// The rows come back as one row of parallel arrays: on the embedded database each result row crosses
// the WASM boundary on its own, and for tens of thousands of rows that costs four times the query
// (bench/tasks.bench.ts: 100,000 tasks, 32,400 overdue).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

export interface OverdueTask {
  tenantId: string;
  id: string;
  planId: string;
  assigneeUnitId: string;
  dueAt: Date;
}

interface Columns {
  tenant_ids: string[] | null;
  ids: string[] | null;
  plan_ids: string[] | null;
  unit_ids: string[] | null;
  due_ms: (number | string)[] | null;
}

export async function overdueOpenTasks(db: DbOrTx, at: Date, { tenantId }: { tenantId?: string } = {}): Promise<OverdueTask[]> {
  const result = (await db.execute(sql`
    SELECT array_agg(tenant_id) AS tenant_ids, array_agg(id) AS ids, array_agg(plan_id) AS plan_ids,
           array_agg(assignee_unit_id) AS unit_ids, array_agg((extract(epoch FROM due_at) * 1000)::float8) AS due_ms
    FROM plan_tasks
    WHERE status <> 'done' AND due_at <= ${at.toISOString()}::timestamptz AND assignee_unit_id IS NOT NULL
      ${tenantId ? sql`AND tenant_id = ${tenantId}` : sql``}`)) as unknown as { rows: Columns[] };
  const row = result.rows[0];
  if (!row?.ids) return [];
  const tasks = row.ids.map((id, i) => ({ tenantId: row.tenant_ids![i]!, id, planId: row.plan_ids![i]!, assigneeUnitId: row.unit_ids![i]!, dueAt: new Date(Number(row.due_ms![i])) }));
  // Oldest first, then by id (uuids compare as their text): sorted here once rather than in each aggregate.
  return tasks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
