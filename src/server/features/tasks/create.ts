// A plan's tasks from its section IV: what issuing will create (the draft's preview) and the rows it
// creates, in the issue's transaction. A phrase naming a group of units ("Các chi bộ, đảng bộ cơ sở,
// chi bộ trực thuộc") is one group task with one child per open unit of the group; a phrase naming one
// unit is one task; a phrase naming none stays with the commune, as written — no task is ever dropped.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { dueMoment } from '../../../domain/due-moment';
import type { Due, ImportedTask } from '../../../domain/plan-import/types';
import { resolveAssignee, taskFollows, type TaskFollows } from '../../../domain/tasks';
import { recordAudit } from '../audit/service';
import { units, type Unit } from '../units/tables';
import { openOn } from '../units/service';
import type { Plan } from '../plans/tables';
import { planTasks, taskAssigneeMappings } from './tables';
import { foldVietnamese } from '../../../domain/vietnamese-names';

type OpenUnit = Pick<Unit, 'id' | 'name' | 'kind' | 'path'>;

/** The kinds "các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc" names. */
export const cellKinds = ['cell', 'grassrootsOrg'] as const;

export interface TaskDraft {
  position: number;
  sourceLine: number;
  assigneeLabel: string;
  /** The unit; null on a group task. */
  assigneeUnitId: string | null;
  /** False when the phrase names no unit of the commune: kept with the commune, as written. */
  assigneeResolved: boolean;
  /** True when the office chose the unit for this phrase (task_assignee_mappings), not the name matching. */
  assigneeMapped: boolean;
  text: string;
  due: Due | null;
  dueAt: Date | null;
  follows: TaskFollows | null;
  /** A group task's units, in tree order. */
  children: OpenUnit[] | null;
}

/** The commune's units open on `day`, in tree order. */
export async function openUnitsOf(db: DbOrTx, tenantId: string, day: string): Promise<OpenUnit[]> {
  return db
    .select({ id: units.id, name: units.name, kind: units.kind, path: units.path })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), openOn(day)))
    .orderBy(asc(units.path));
}

/**
 * What section IV gives whom, resolved against the commune's units open on `day`: the office's choice
 * for a phrase first (`mapped`: folded phrase → unit id, see assigneeKey), else the names matched.
 */
export function draftTasks(tasks: readonly ImportedTask[], open: readonly OpenUnit[], communeId: string, mapped: ReadonlyMap<string, string> = new Map()): TaskDraft[] {
  const cells = open.filter((u) => (cellKinds as readonly string[]).includes(u.kind));
  return tasks.map((task, position) => {
    const chosen = open.find((u) => u.id === mapped.get(assigneeKey(task.assignee)));
    const target = chosen ? { unitId: chosen.id } : resolveAssignee(task.assignee, open);
    const unit = target && 'unitId' in target ? open.find((u) => u.id === target.unitId)! : null;
    const group = target !== null && 'group' in target;
    return {
      position,
      sourceLine: task.line,
      assigneeLabel: task.assignee,
      assigneeUnitId: group ? null : (unit?.id ?? communeId),
      assigneeResolved: target !== null,
      assigneeMapped: chosen !== undefined,
      text: task.text,
      due: task.due,
      dueAt: task.due ? dueMoment(task.due) : null,
      follows: taskFollows(task, unit ? (cellKinds as readonly string[]).includes(unit.kind) : false),
      children: group ? cells : null,
    };
  });
}

/** Called by the plan's issue step, inside its transaction. Returns the number of rows created. */
export async function createPlanTasks(tx: Tx, plan: Plan, issuedOn: string, actorId: string): Promise<number> {
  const drafts = draftTasks(plan.body.tasks ?? [], await openUnitsOf(tx, plan.tenantId, issuedOn), plan.tenantId, await assigneeMappingsOf(tx, plan.tenantId));
  let count = 0;
  for (const d of drafts) {
    const common = { tenantId: plan.tenantId, planId: plan.id, assigneeLabel: d.assigneeLabel, text: d.text, due: d.due, dueAt: d.dueAt, follows: d.follows, position: d.position, sourceLine: d.sourceLine, createdBy: actorId };
    const [row] = await tx.insert(planTasks).values({ ...common, assigneeUnitId: d.assigneeUnitId }).returning({ id: planTasks.id });
    count++;
    if (d.children?.length) {
      const rows = d.children.map((u) => ({ ...common, assigneeUnitId: u.id, assigneeLabel: u.name, parentId: row!.id }));
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(planTasks).values(rows.slice(i, i + 1000));
      count += rows.length;
    }
  }
  if (count > 0) {
    await recordAudit(tx, { tenantId: plan.tenantId, actorId, action: 'task.create-from-plan', entity: 'plan', entityId: plan.id, after: { tasks: drafts.length, rows: count } });
  }
  return count;
}

/** Names of the given units (for a list's assignees). */
export async function unitNames(db: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A section IV phrase as the mappings key it: folded, single spaces, no closing punctuation. */
export const assigneeKey = (phrase: string) => foldVietnamese(phrase).replace(/[\s\u00a0]+/gu, ' ').replace(/[\s.,:;]+$/u, '').trim();

/** The office's choices of unit for the commune's section IV phrases (folded phrase → unit id). */
export async function assigneeMappingsOf(db: DbOrTx, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.select({ key: taskAssigneeMappings.sourceKey, unitId: taskAssigneeMappings.unitId }).from(taskAssigneeMappings).where(eq(taskAssigneeMappings.tenantId, tenantId));
  return new Map(rows.map((r) => [r.key, r.unitId]));
}
