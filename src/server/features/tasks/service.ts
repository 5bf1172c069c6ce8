// A plan's tasks: the list (the draft's preview, the issued plan's rows with the roll-up of group
// tasks), one task with its evidence and history, completion, edits, tasks added by hand (the tasks that follow real work: follow.ts). Overdue is
// computed at request time (isOverdue), never stored. Every write is version-conditional,
// transactional and audited.
import { and, asc, desc, eq, max, ne, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { conflict, forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { dueMoment, isOverdue } from '../../../domain/due-moment';
import { parseDue } from '../../../domain/due-date';
import type { Due } from '../../../domain/plan-import/types';
import { dueWarnings, resolveAssignee, rollUp, taskFollows } from '../../../domain/tasks';
import { updateVersioned } from '../../db/versioned';
import { createOnce } from '../../idempotency';
import { recordAudit } from '../audit/service';
import { auditLog } from '../audit/tables';
import { users } from '../../auth/tables';
import { units, type Unit } from '../units/tables';
import { openOn, toRef } from '../units/service';
import { loadPlanFor } from '../plans/service';
import { plans, type Plan } from '../plans/tables';
import { assigneeMappingsOf, cellKinds, draftTasks, openUnitsOf, unitNames } from './create';
import { canEditTask, canViewTask, canWorkOnTask } from './policy';
import { alreadyDone, badDue, emptyText, groupTask, idTaken, planNotIssued, unknownUnit } from './errors';
import { planTasks, taskEvidence, type PlanTask } from './tables';
import type { TaskAddInput, TaskUpdateInput } from './schema';
import { readTogether } from '../../db/read-together';

const keyOf = (t: Pick<PlanTask, 'tenantId' | 'id'>) => and(eq(planTasks.tenantId, t.tenantId), eq(planTasks.id, t.id));

/** The resolution the plan implements, for the deadline's warning: the first dated one it cites. */
export function planResolution(plan: Pick<Plan, 'body'>) {
  const cited = plan.body.resolutions ?? [];
  return cited.find((r) => r.issuedOn) ?? null;
}

function publicDue(due: Due | null) {
  if (!due) return null;
  return { phrase: due.phrase, kind: due.kind, ...('date' in due ? { date: due.date } : {}), ...('from' in due ? { from: due.from, to: due.to } : {}), ...('event' in due ? { event: due.event } : {}) };
}

const overdueOf = (t: Pick<PlanTask, 'due' | 'status'>, at: Date) => isOverdue(t.due, t.status === 'done', at);

/** GET /api/plans/:id/tasks: the issued plan's tasks in section IV order; on a draft, what issuing will create. */
export async function listPlanTasks(db: DbOrTx, actor: Actor, planId: string) {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  const at = now();
  if (plan.status !== 'issued') return { preview: true, tasks: await previewTasks(db, plan, commune, at) };
  const rows = await db.select().from(planTasks).where(and(eq(planTasks.tenantId, plan.tenantId), eq(planTasks.planId, plan.id))).orderBy(asc(planTasks.position), asc(planTasks.createdAt));
  const names = await unitNames(db, plan.tenantId, rows.flatMap((r) => (r.assigneeUnitId ? [r.assigneeUnitId] : [])));
  const byParent = new Map<string, PlanTask[]>();
  for (const r of rows) if (r.parentId) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const tasks = rows
    .filter((r) => !r.parentId)
    .map((r) => {
      const base = describeRow(r, names, commune, at);
      const kids = byParent.get(r.id);
      if (!kids) return base;
      const children = kids
        .map((c) => ({ id: c.id, assigneeUnitId: c.assigneeUnitId, assigneeName: names.get(c.assigneeUnitId!) ?? c.assigneeLabel, status: c.status, overdue: overdueOf(c, at), completedOn: c.completedOn, version: c.version }))
        .sort((a, b) => a.assigneeName.localeCompare(b.assigneeName, 'vi', { numeric: true }));
      const summary = rollUp(children);
      return { ...base, status: summary.status, overdue: summary.overdue > 0, rollUp: { done: summary.done, total: summary.total, overdue: summary.overdue }, children };
    });
  return { preview: false, tasks };
}

function describeRow(r: PlanTask, names: Map<string, string>, commune: Unit, at: Date) {
  const resolved = r.manual || r.assigneeUnitId !== commune.id || resolveAssignee(r.assigneeLabel, [commune]) !== null;
  return {
    id: r.id as string | null,
    parentId: r.parentId,
    assigneeUnitId: r.assigneeUnitId,
    assigneeName: r.assigneeUnitId ? (resolved ? (names.get(r.assigneeUnitId) ?? r.assigneeLabel) : r.assigneeLabel) : r.assigneeLabel,
    assigneeLabel: r.assigneeLabel,
    assigneeResolved: resolved,
    text: r.text,
    due: publicDue(r.due),
    dueAt: r.dueAt ? r.dueAt.toISOString() : null,
    status: r.status,
    overdue: overdueOf(r, at),
    follows: r.follows,
    completedOn: r.completedOn,
    completionNote: r.completionNote,
    manual: r.manual,
    sourceLine: r.sourceLine,
    version: r.version,
  };
}

async function previewTasks(db: DbOrTx, plan: Plan, commune: Unit, at: Date) {
  const day = todayInVietnam(at);
  const drafts = draftTasks(plan.body.tasks ?? [], await openUnitsOf(db, plan.tenantId, day), commune.id, await assigneeMappingsOf(db, plan.tenantId));
  const names = await unitNames(db, plan.tenantId, drafts.flatMap((d) => (d.assigneeUnitId ? [d.assigneeUnitId] : [])));
  return drafts.map((d) => ({
    id: null,
    parentId: null,
    assigneeUnitId: d.assigneeUnitId,
    assigneeName: d.assigneeUnitId && d.assigneeResolved ? (names.get(d.assigneeUnitId) ?? d.assigneeLabel) : d.assigneeLabel,
    assigneeLabel: d.assigneeLabel,
    assigneeResolved: d.assigneeResolved,
    assigneeMapped: d.assigneeMapped,
    text: d.text,
    due: publicDue(d.due),
    dueAt: d.dueAt ? d.dueAt.toISOString() : null,
    status: 'not-started' as const,
    overdue: false,
    follows: d.follows,
    completedOn: null,
    completionNote: null,
    manual: false,
    sourceLine: d.sourceLine,
    version: 0,
    warnings: dueWarnings(d.due, planResolution(plan)),
    ...(d.children
      ? {
          rollUp: { done: 0, total: d.children.length, overdue: 0 },
          children: d.children.map((u) => ({ id: null, assigneeUnitId: u.id, assigneeName: u.name, status: 'not-started' as const, overdue: false, completedOn: null, version: 0 })),
        }
      : {}),
  }));
}

export interface LoadedTask {
  task: PlanTask;
  plan: Plan;
  commune: Unit;
  /** The assignee unit; the commune for a group task (its children name the units). */
  unit: Unit;
}

/** A task by id, with its plan and commune: 404 when the actor may not see the plan. */
export async function loadTaskFor(db: DbOrTx, actor: Actor, id: string): Promise<LoadedTask> {
  const [task] = await db.select().from(planTasks).where(eq(planTasks.id, id));
  if (!task) throw notFound('task');
  const [plan] = await db.select().from(plans).where(and(eq(plans.tenantId, task.tenantId), eq(plans.id, task.planId)));
  const [commune] = await db.select().from(units).where(eq(units.id, task.tenantId));
  if (!plan || !commune || !canViewTask(actor, plan, toRef(commune))) throw notFound('task');
  let unit = commune;
  if (task.assigneeUnitId && task.assigneeUnitId !== commune.id) {
    const [row] = await db.select().from(units).where(and(eq(units.tenantId, task.tenantId), eq(units.id, task.assigneeUnitId)));
    unit = row ?? commune;
  }
  return { task, plan, commune, unit };
}

/** GET /api/tasks/:id: the task, its plan, evidence, history (from the audit log) and what the actor may do. */
export async function describeTask(db: DbOrTx, actor: Actor, loaded: LoadedTask, warnings: string[] = []) {
  const { task, plan, commune, unit } = loaded;
  const at = now();
  const names = new Map([[unit.id, unit.name]]);
  const base = describeRow(task, names, commune, at);
  const [evidence, history, children, parent] = await readTogether(db, [
    () => db
      .select({ id: taskEvidence.id, note: taskEvidence.note, fileName: taskEvidence.fileName, contentType: taskEvidence.contentType, size: taskEvidence.size, createdAt: taskEvidence.createdAt, byName: users.displayName })
      .from(taskEvidence)
      .leftJoin(users, and(eq(users.tenantId, taskEvidence.tenantId), eq(users.id, taskEvidence.createdBy)))
      .where(and(eq(taskEvidence.tenantId, task.tenantId), eq(taskEvidence.taskId, task.id)))
      .orderBy(asc(taskEvidence.createdAt)),
    () => db
      .select({ at: auditLog.at, action: auditLog.action, byName: users.displayName, after: auditLog.after })
      .from(auditLog)
      .leftJoin(users, and(eq(users.tenantId, auditLog.tenantId), eq(users.id, auditLog.actorId)))
      .where(and(eq(auditLog.tenantId, task.tenantId), eq(auditLog.entity, 'task'), eq(auditLog.entityId, task.id)))
      .orderBy(desc(auditLog.at), desc(auditLog.id)),
    () => db.select().from(planTasks).where(and(eq(planTasks.tenantId, task.tenantId), eq(planTasks.parentId, task.id))),
    () => task.parentId ? db.select({ id: planTasks.id, text: planTasks.text, assigneeLabel: planTasks.assigneeLabel }).from(planTasks).where(and(eq(planTasks.tenantId, task.tenantId), eq(planTasks.id, task.parentId))) : Promise.resolve([]),
  ]);
  const childNames = await unitNames(db, task.tenantId, children.flatMap((c) => (c.assigneeUnitId ? [c.assigneeUnitId] : [])));
  const childRows = children
    .map((c) => ({ id: c.id, assigneeUnitId: c.assigneeUnitId, assigneeName: childNames.get(c.assigneeUnitId!) ?? c.assigneeLabel, status: c.status, overdue: overdueOf(c, at), completedOn: c.completedOn, version: c.version }))
    .sort((a, b) => a.assigneeName.localeCompare(b.assigneeName, 'vi', { numeric: true }));
  const summary = children.length ? rollUp(childRows) : null;
  const isGroup = task.assigneeUnitId === null;
  const work = plan.status === 'issued' && !isGroup && canWorkOnTask(actor, toRef(unit));
  return {
    ...base,
    ...(summary ? { status: summary.status, overdue: summary.overdue > 0, rollUp: { done: summary.done, total: summary.total, overdue: summary.overdue }, children: childRows } : {}),
    plan: { id: plan.id, title: plan.title, number: plan.number, symbol: plan.symbol, issuedOn: plan.issuedOn },
    parent: parent[0] ?? null,
    completedAt: task.completedAt ? task.completedAt.toISOString() : null,
    evidence: evidence.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), byName: e.byName ?? null })),
    history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, byName: h.byName ?? null, note: noteOf(h.after) })),
    warnings,
    abilities: { work, complete: work && task.status !== 'done', edit: plan.status === 'issued' && canEditTask(actor, toRef(commune)) },
  };
}

const noteOf = (after: unknown) => (after && typeof after === 'object' && 'completionNote' in after && typeof after.completionNote === 'string' ? after.completionNote : null);

export async function taskFor(db: DbOrTx, actor: Actor, id: string) {
  return describeTask(db, actor, await loadTaskFor(db, actor, id));
}

/** The unit's own people (or the ward office) may work on it; a group task is worked on unit by unit. */
export function mustWorkOn(actor: Actor, loaded: LoadedTask) {
  if (loaded.plan.status !== 'issued') throw planNotIssued();
  if (loaded.task.assigneeUnitId === null) throw groupTask();
  if (!canWorkOnTask(actor, toRef(loaded.unit))) throw forbidden('cập nhật nhiệm vụ của đơn vị khác');
}

/** A group task's status follows its units': recomputed after every change of a child. */
export async function recomputeParent(tx: Tx, tenantId: string, parentId: string) {
  const kids = await tx.select({ status: planTasks.status }).from(planTasks).where(and(eq(planTasks.tenantId, tenantId), eq(planTasks.parentId, parentId)));
  const { status } = rollUp(kids.map((k) => ({ status: k.status, overdue: false })));
  await tx
    .update(planTasks)
    .set({ status, completedOn: status === 'done' ? todayInVietnam(now()) : null, completedAt: status === 'done' ? now() : null, updatedAt: now(), version: sql`${planTasks.version} + 1` })
    .where(and(eq(planTasks.tenantId, tenantId), eq(planTasks.id, parentId), ne(planTasks.status, status)));
}

/** POST /api/tasks/:id/complete: done today, with the note given. */
export async function completeTask(db: Db, actor: Actor, id: string, input: { version: number; note?: string }) {
  return db.transaction(async (tx) => {
    const loaded = await loadTaskFor(tx, actor, id);
    mustWorkOn(actor, loaded);
    const { task } = loaded;
    if (input.version !== task.version) throw conflict('task', await describeTask(tx, actor, loaded));
    if (task.status === 'done') throw alreadyDone();
    const updated = await updateVersioned(
      tx,
      planTasks,
      keyOf(task),
      input.version,
      { status: 'done', completedOn: todayInVietnam(now()), completedAt: now(), completionNote: input.note?.trim() || null, updatedAt: now() },
      { entity: 'task' },
    );
    await recordAudit(tx, { tenantId: task.tenantId, actorId: actor.userId, action: 'task.complete', entity: 'task', entityId: id, before: task, after: updated });
    if (task.parentId) await recomputeParent(tx, task.tenantId, task.parentId);
    return describeTask(tx, actor, { ...loaded, task: updated });
  });
}

/** A due phrase as the plan's grammar reads it; refused (400) when it is not one. */
function dueOf(phrase: string | null | undefined): Due | null | undefined {
  if (phrase === undefined) return undefined;
  if (phrase === null || phrase.trim() === '') return null;
  const parsed = parseDue(phrase.trim());
  if (!parsed) throw badDue();
  if ('error' in parsed) throw badDue(parsed.error.message);
  return parsed.due;
}

async function openUnit(db: DbOrTx, tenantId: string, unitId: string): Promise<Unit> {
  const [unit] = await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, unitId), openOn(todayInVietnam(now()))));
  if (!unit) throw unknownUnit();
  return unit;
}

const isCellUnit = (u: Pick<Unit, 'kind'>) => (cellKinds as readonly string[]).includes(u.kind);

/**
 * PATCH /api/tasks/:id: the ward staff edit text, deadline and assignee (a group task's text and
 * deadline reach its units' tasks); the assignee's officer or secretary moves the status.
 */
export async function updateTask(db: Db, actor: Actor, id: string, input: TaskUpdateInput) {
  return db.transaction(async (tx) => {
    const loaded = await loadTaskFor(tx, actor, id);
    const { task, plan, commune } = loaded;
    // Only who may edit the plan's tasks or work on this one may save it at all: a save that changes
    // nothing still bumps the version (a read-only account got 200 here).
    if (!canEditTask(actor, toRef(commune))) mustWorkOn(actor, loaded);
    if (plan.status !== 'issued') throw planNotIssued();
    const editing = input.text !== undefined || input.due !== undefined || input.assigneeUnitId !== undefined;
    if (editing && !canEditTask(actor, toRef(commune))) throw forbidden('sửa nhiệm vụ của kế hoạch đã ban hành (việc của cán bộ Văn phòng, các ban Đảng ủy)');
    if (input.status !== undefined) mustWorkOn(actor, loaded);
    if (input.version !== task.version) throw conflict('task', await describeTask(tx, actor, loaded));
    const changes: Partial<PlanTask> = { updatedAt: now() };
    let warnings: string[] = [];
    if (input.text !== undefined) {
      if (!input.text.trim()) throw emptyText();
      changes.text = input.text.trim();
    }
    const due = dueOf(input.due);
    if (due !== undefined) {
      changes.due = due;
      changes.dueAt = due ? dueMoment(due) : null;
      warnings = dueWarnings(due, planResolution(plan));
    }
    let unit = loaded.unit;
    if (input.assigneeUnitId !== undefined && input.assigneeUnitId !== task.assigneeUnitId) {
      if (task.assigneeUnitId === null || task.parentId) throw groupTask();
      unit = await openUnit(tx, task.tenantId, input.assigneeUnitId);
      changes.assigneeUnitId = unit.id;
      changes.assigneeLabel = unit.name;
      changes.follows = isCellUnit(unit) ? taskFollows({ assignee: unit.name, text: changes.text ?? task.text }, true) : null;
    }
    if (input.status !== undefined) {
      changes.status = input.status;
      if (task.status === 'done') Object.assign(changes, { completedOn: null, completedAt: null });
    }
    const updated = await updateVersioned(tx, planTasks, keyOf(task), input.version, changes, { entity: 'task' });
    await recordAudit(tx, { tenantId: task.tenantId, actorId: actor.userId, action: 'task.update', entity: 'task', entityId: id, before: task, after: updated });
    if (task.assigneeUnitId === null && (changes.text !== undefined || changes.due !== undefined)) {
      const { updatedAt: _u, ...shared } = changes;
      await tx
        .update(planTasks)
        .set({ ...shared, updatedAt: now(), version: sql`${planTasks.version} + 1` })
        .where(and(eq(planTasks.tenantId, task.tenantId), eq(planTasks.parentId, task.id)));
    }
    if (task.parentId && input.status !== undefined) await recomputeParent(tx, task.tenantId, task.parentId);
    return describeTask(tx, actor, { ...loaded, task: updated, unit }, warnings);
  });
}

/**
 * POST /api/plans/:id/tasks: the ward staff add a task by hand to an issued plan. The client names
 * the new task's id, so a retried request (a phone on a poor line) finds it instead of adding a twin.
 */
export async function addTask(db: Db, actor: Actor, planId: string, input: TaskAddInput) {
  return db.transaction(async (tx) => {
    const { plan, commune } = await loadPlanFor(tx, actor, planId);
    if (!canEditTask(actor, toRef(commune))) throw forbidden('thêm nhiệm vụ vào kế hoạch');
    if (plan.status !== 'issued') throw planNotIssued();
    const request = { tenantId: plan.tenantId, actorId: actor.userId, scope: `task:${plan.id}`, key: input.id, taken: idTaken };
    const { created, result } = await createOnce(tx, request, {
      replay: async (id) => describeTask(tx, actor, await loadTaskFor(tx, actor, id)),
      create: async () => {
        const { row, unit, due } = await insertTask(tx, actor, plan, input);
        const warnings = dueWarnings(due, planResolution(plan));
        return { id: row.id, result: await describeTask(tx, actor, { task: row, plan, commune, unit }, warnings) };
      },
    });
    return { created, task: result };
  });
}

async function insertTask(tx: Tx, actor: Actor, plan: Plan, input: TaskAddInput) {
  // The id is the client's: one taken in another commune, or by a task of the plan's issue, is refused.
  const [clash] = await tx.select({ id: planTasks.id }).from(planTasks).where(eq(planTasks.id, input.id));
  if (clash) throw idTaken();
  if (!input.text.trim()) throw emptyText();
  const unit = await openUnit(tx, plan.tenantId, input.assigneeUnitId);
  const due = dueOf(input.due) ?? null;
  const [last] = await tx.select({ position: max(planTasks.position) }).from(planTasks).where(and(eq(planTasks.tenantId, plan.tenantId), eq(planTasks.planId, plan.id)));
  const [row] = await tx
    .insert(planTasks)
    .values({
      tenantId: plan.tenantId,
      id: input.id,
      planId: plan.id,
      assigneeUnitId: unit.id,
      assigneeLabel: unit.name,
      text: input.text.trim(),
      due,
      dueAt: due ? dueMoment(due) : null,
      follows: isCellUnit(unit) ? taskFollows({ assignee: unit.name, text: input.text }, true) : null,
      position: (last?.position ?? -1) + 1,
      manual: true,
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'task.create', entity: 'task', entityId: row!.id, after: row });
  return { row: row!, unit, due };
}

/** Evidence rows of a task (for the download's lookup). */
export async function findEvidence(db: DbOrTx, task: Pick<PlanTask, 'tenantId' | 'id'>, evidenceId: string) {
  const [row] = await db.select().from(taskEvidence).where(and(eq(taskEvidence.tenantId, task.tenantId), eq(taskEvidence.taskId, task.id), eq(taskEvidence.id, evidenceId)));
  if (!row || !row.fileSha256) throw notFound('file');
  return row;
}
