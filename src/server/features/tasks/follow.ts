// The tasks that follow real work instead of a second checkbox (issue 12): a cell's "tổ chức học tập"
// task is done when its session is held, its "Tổng hợp, báo cáo" task when its report is accepted.
import { and, eq, like, ne, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { now } from '../../clock';
import type { TaskFollows } from '../../../domain/tasks';
import { recordAudit } from '../audit/service';
import { units } from '../units/tables';
import { recomputeParent } from './service';
import { planTasks, type PlanTask } from './tables';

const keyOf = (t: Pick<PlanTask, 'tenantId' | 'id'>) => and(eq(planTasks.tenantId, t.tenantId), eq(planTasks.id, t.id));

/**
 * The tasks that follow a piece of real work (a cell's study session held, its report accepted) are
 * done when it is, in the caller's transaction and audited: the unit's own task of the plan, and the
 * tasks of the units below it (a grassroots organisation's joint session covers its cells). A
 * grassroots organisation's own task is done once every unit below it is. Returns the tasks completed.
 */
export async function completeFollowingTasks(
  tx: Tx,
  { tenantId, planId, unitId, follows, on, actorId = null }: { tenantId: string; planId: string; unitId: string; follows: TaskFollows; on: string; actorId?: string | null },
): Promise<number> {
  const [unit] = await tx.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)));
  if (!unit) return 0;
  const open = (extra: SQL | undefined) =>
    tx
      .select({ task: planTasks, path: units.path, kind: units.kind })
      .from(planTasks)
      .innerJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
      .where(and(eq(planTasks.tenantId, tenantId), eq(planTasks.planId, planId), eq(planTasks.follows, follows), ne(planTasks.status, 'done'), extra));
  const done: PlanTask[] = [];
  const complete = async (task: PlanTask, source: string) => {
    const [row] = await tx
      .update(planTasks)
      .set({ status: 'done', completedOn: on, completedAt: now(), updatedAt: now(), version: sql`${planTasks.version} + 1` })
      .where(and(keyOf(task), ne(planTasks.status, 'done')))
      .returning();
    if (!row) return;
    await recordAudit(tx, { tenantId, actorId, action: `task.complete-by-${source}`, entity: 'task', entityId: task.id, before: task, after: row });
    done.push(row);
  };
  for (const { task } of await open(like(units.path, `${unit.path}%`))) await complete(task, follows);
  // Grassroots organisations above the unit: done once every unit below them is.
  const above = await open(and(eq(units.kind, 'grassrootsOrg'), sql`${unit.path} like ${units.path} || '%'`, ne(units.id, unit.id)));
  for (const { task, path } of above) {
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(planTasks)
      .innerJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
      .where(and(eq(planTasks.tenantId, tenantId), eq(planTasks.planId, planId), eq(planTasks.follows, follows), ne(planTasks.status, 'done'), like(units.path, `${path}%`), ne(planTasks.id, task.id)));
    if ((left?.n ?? 0) === 0) await complete(task, follows);
  }
  const parents = [...new Set(done.flatMap((t) => (t.parentId ? [t.parentId] : [])))];
  for (const parentId of parents) await recomputeParent(tx, tenantId, parentId);
  return done.length;
}
