// The overdue scan: every open task whose due moment has passed, oldest first, read through the
// partial index plan_tasks_open_due_idx (due_at WHERE status <> 'done'). Overdue is never stored: this
// is the one query that asks it of the whole table (reminders, escalations, the ward's overview).
// Group tasks are left out: their units' tasks are what falls due.
import { and, asc, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { planTasks } from './tables';

export interface OverdueTask {
  tenantId: string;
  id: string;
  planId: string;
  assigneeUnitId: string;
  dueAt: Date;
}

export async function overdueOpenTasks(db: DbOrTx, at: Date, { tenantId }: { tenantId?: string } = {}): Promise<OverdueTask[]> {
  const rows = await db
    .select({ tenantId: planTasks.tenantId, id: planTasks.id, planId: planTasks.planId, assigneeUnitId: planTasks.assigneeUnitId, dueAt: planTasks.dueAt })
    .from(planTasks)
    .where(
      and(
        ne(planTasks.status, 'done'),
        lte(planTasks.dueAt, at),
        isNotNull(planTasks.assigneeUnitId),
        tenantId ? sql`${planTasks.tenantId} = ${tenantId}` : undefined,
      ),
    )
    .orderBy(asc(planTasks.dueAt));
  return rows as OverdueTask[];
}
