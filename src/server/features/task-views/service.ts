// The views of the tasks (issue 12, "Views"): my unit's tasks, the ward overview by unit or by plan
// (one grouped query), a plan's timeline and the month calendar. Overdue is computed here from the
// due moment and now() (clock.ts), never stored: not done and now ≥ dueAt (isOverdue's rule).
import { and, asc, eq, gt, inArray, isNotNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { prepared } from '../../db/prepared';
import type { Actor } from '../../auth/actor';
import { forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { dueMoment, endOfVietnamDay, startOfVietnamDay } from '../../../domain/due-moment';
import { grassrootsDue, sessionWindow } from '../../../domain/session-window';
import type { Due } from '../../../domain/plan-import/types';
import { units } from '../units/tables';
import { loadUnit, resolveCommune, toRef } from '../units/service';
import { plans, type Plan } from '../plans/tables';
import { loadPlanFor } from '../plans/service';
import { conferences } from '../conferences/tables';
import { studySessions } from '../study-sessions/tables';
import { planTasks, type TaskStatus } from '../tasks/tables';
import { canViewMonthCalendar, canViewOwnUnitTasks, canViewTaskOverview, monthCalendarFilter, ownUnitTasksFilter, overseersOver } from './policy';
import type { TaskCard, TimelineItem } from './schema';

/** Overdue as the domain defines it (isOverdue): not done and its moment has come. */
export function overdueAt(dueAt: Date | null, status: TaskStatus, at: Date): boolean {
  return status !== 'done' && dueAt !== null && at.getTime() >= dueAt.getTime();
}

/** The Vietnamese calendar day an instant falls in. */
const dayOf = (instant: Date) => todayInVietnam(instant);
/** The last day on which a task due at `dueAt` is still on time ("trước ngày 05/6" → 04/6). */
const lastDayOf = (dueAt: Date) => dayOf(new Date(dueAt.getTime() - 1));

const planNumber = (p: Pick<Plan, 'number' | 'symbol'>) => (p.number ? `${p.number}-${p.symbol}` : null);

/** A task with no children: a unit's own task (a group task is counted through its units'). */
const leafTask = () =>
  sql`(${planTasks.assigneeUnitId} is not null or not exists (select 1 from plan_tasks child_task where child_task.tenant_id = ${planTasks.tenantId} and child_task.parent_id = ${planTasks.id}))`;

/** Open first, overdue first among them, then by due moment (none last), then the plan's order. */
function byUrgency(a: TaskCard, b: TaskCard): number {
  const rank = (t: TaskCard) => (t.status === 'done' ? 2 : t.overdue ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const da = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da - db;
  return a.planTitle.localeCompare(b.planTitle, 'vi');
}

const cardColumns = {
  task: planTasks,
  planTitle: plans.title,
  planNumberValue: plans.number,
  planSymbol: plans.symbol,
  unitName: units.name,
};

function toCards(rows: { task: typeof planTasks.$inferSelect; planTitle: string; planNumberValue: number | null; planSymbol: string; unitName: string | null }[]): TaskCard[] {
  const at = now();
  return rows
    .map(({ task, planTitle, planNumberValue, planSymbol, unitName }) => ({
      id: task.id,
      planId: task.planId,
      planTitle,
      planNumber: planNumber({ number: planNumberValue, symbol: planSymbol }),
      assigneeUnitId: task.assigneeUnitId,
      assigneeName: unitName ?? task.assigneeLabel,
      text: task.text,
      due: task.due,
      dueAt: task.dueAt,
      status: task.status,
      overdue: overdueAt(task.dueAt, task.status, at),
      completedOn: task.completedOn,
      version: task.version,
    }))
    .sort(byUrgency);
}

/** GET /api/my/tasks: the tasks of the units the actor answers for, of issued plans. */
export async function myTasks(db: DbOrTx, actor: Actor): Promise<TaskCard[]> {
  if (!canViewOwnUnitTasks(actor)) throw forbidden('xem nhiệm vụ của đơn vị: tài khoản không phụ trách đơn vị nào');
  const rows = await db
    .select(cardColumns)
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
    .innerJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
    .where(and(ownUnitTasksFilter(actor), eq(plans.status, 'issued')));
  return toCards(rows);
}

async function overviewCommune(db: DbOrTx, actor: Actor, communeId: string | undefined) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canViewTaskOverview(actor, toRef(commune))) throw forbidden('xem tổng hợp nhiệm vụ của đảng bộ');
  return commune;
}

/** The overview's counts of a group of tasks; `at` (now) is the prepared statements' placeholder. */
const overviewCounts = {
  total: sql<number>`count(*)`.mapWith(Number),
  done: sql<number>`count(*) filter (where ${planTasks.status} = 'done')`.mapWith(Number),
  inProgress: sql<number>`count(*) filter (where ${planTasks.status} = 'in-progress')`.mapWith(Number),
  notStarted: sql<number>`count(*) filter (where ${planTasks.status} = 'not-started')`.mapWith(Number),
  overdue: sql<number>`count(*) filter (where ${planTasks.status} <> 'done' and ${planTasks.dueAt} <= ${sql.placeholder('at')})`.mapWith(Number),
};

/**
 * GET /api/tasks/overview: per unit (or per plan) of the commune, its tasks' counts — total, done, in
 * progress, not started, overdue — in one grouped query, overdue first.
 */
export async function taskOverview(db: DbOrTx, actor: Actor, by: 'unit' | 'plan', communeId?: string) {
  const commune = await overviewCommune(db, actor, communeId);
  const values = { communeId: commune.id, at: now() };
  let rows: { id: string; name: string; number: string | null; total: number; done: number; inProgress: number; notStarted: number; overdue: number }[];
  if (by === 'unit') {
    const found = await prepared(db, 'task_overview_by_unit', (d) =>
      d
        .select({ id: units.id, name: units.name, ...overviewCounts })
        .from(planTasks)
        .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId), eq(plans.status, 'issued')))
        .innerJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
        .where(eq(planTasks.tenantId, sql.placeholder('communeId')))
        .groupBy(units.id, units.name, units.path)
        .orderBy(sql`${overviewCounts.overdue} desc`, asc(units.path)),
    ).execute(values);
    rows = found.map((r) => ({ ...r, number: null }));
  } else {
    const found = await prepared(db, 'task_overview_by_plan', (d) =>
      d
        .select({ id: plans.id, name: plans.title, numberValue: plans.number, symbol: plans.symbol, ...overviewCounts })
        .from(planTasks)
        .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId), eq(plans.status, 'issued')))
        .where(and(eq(planTasks.tenantId, sql.placeholder('communeId')), leafTask()))
        .groupBy(plans.id, plans.title, plans.number, plans.symbol, plans.issuedOn)
        .orderBy(sql`${overviewCounts.overdue} desc`, sql`${plans.issuedOn} desc nulls last`, asc(plans.title)),
    ).execute(values);
    rows = found.map(({ numberValue, symbol, ...r }) => ({ ...r, number: planNumber({ number: numberValue, symbol }) }));
  }
  const totals = { total: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0 };
  for (const r of rows) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += r[key];
  return { by, communeId: commune.id, rows, totals };
}

/** GET /api/tasks: a row of the overview opened — the commune's units' tasks, of one unit and/or one plan. */
export async function filteredTasks(db: DbOrTx, actor: Actor, filter: { communeId?: string; unitId?: string; planId?: string }): Promise<TaskCard[]> {
  const commune = await overviewCommune(db, actor, filter.communeId);
  const conditions: SQL[] = [eq(planTasks.tenantId, commune.id), eq(plans.status, 'issued')];
  if (filter.unitId) {
    const unit = await loadUnit(db, filter.unitId);
    if (unit.tenantId !== commune.id) throw notFound('unit');
    conditions.push(eq(planTasks.assigneeUnitId, unit.id));
  }
  if (filter.planId) {
    const [plan] = await db.select({ id: plans.id }).from(plans).where(and(eq(plans.tenantId, commune.id), eq(plans.id, filter.planId)));
    if (!plan) throw notFound('plan');
    conditions.push(eq(planTasks.planId, plan.id));
  }
  const rows = await db
    .select(cardColumns)
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId)))
    .leftJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
    .where(and(...conditions, leafTask()));
  return toCards(rows);
}

const REPORT_TASK = /^\s*tổng hợp,?\s+báo cáo kết quả/iu;

/** The days a deadline names: one day, or a window. */
function daysOfDue(due: Due | null, dueAt: Date | null): { date: string | null; from: string | null; to: string | null } {
  if (due && (due.kind === 'within-month' || due.kind === 'within-quarter' || due.kind === 'within-year' || due.kind === 'range')) return { date: null, from: due.from, to: due.to };
  return { date: dueAt ? lastDayOf(dueAt) : null, from: null, to: null };
}

const statusOfDeadline = (done: boolean, dueAt: Date | null, at: Date): TimelineItem['status'] => (done ? 'done' : dueAt && at.getTime() >= dueAt.getTime() ? 'overdue' : 'open');

/**
 * GET /api/plans/:id/timeline: the plan's dated items in order — its issue, the ward conference, the
 * cells' study window, its tasks by due moment and the report deadline — each done, open or overdue.
 */
export async function planTimeline(db: DbOrTx, actor: Actor, planId: string) {
  const { plan } = await loadPlanFor(db, actor, planId);
  const at = now();
  const today = todayInVietnam(at);
  const items: TimelineItem[] = [];
  const base = { detail: null, taskId: null, conferenceId: null, progress: null, from: null, to: null, date: null };

  if (plan.issuedOn) {
    items.push({ ...base, kind: 'issued', date: plan.issuedOn, label: plan.number ? `Ban hành Kế hoạch số ${planNumber(plan)}` : 'Ban hành kế hoạch', status: 'done' });
  }

  // The ward conference: as held or scheduled, else the window section III gives it.
  const held = await db.select().from(conferences).where(and(eq(conferences.tenantId, plan.tenantId), eq(conferences.planId, plan.id))).orderBy(asc(conferences.createdAt));
  const wardWhen = (plan.body.conferences ?? []).find((c) => c.level === 'ward')?.when ?? null;
  if (held.length > 0) {
    for (const c of held) {
      const day = c.heldOn ?? (c.scheduledAt ? dayOf(c.scheduledAt) : null);
      const window = day ? { date: day, from: null, to: null } : daysOfDue(wardWhen, wardWhen ? dueMoment(wardWhen) : null);
      const end = day ? endOfVietnamDay(day) : wardWhen ? dueMoment(wardWhen) : null;
      items.push({ ...base, ...window, kind: 'conference', conferenceId: c.id, label: c.title, detail: c.windowPhrase ?? wardWhen?.phrase ?? null, status: statusOfDeadline(c.status === 'held', end, at) });
    }
  } else if (wardWhen) {
    const end = dueMoment(wardWhen);
    items.push({ ...base, ...daysOfDue(wardWhen, end), kind: 'conference', label: 'Hội nghị cấp phường', detail: `${wardWhen.phrase} (chưa lập hội nghị)`, status: statusOfDeadline(false, end, at) });
  }

  // The cells' study sessions: the grassroots window and how many were held.
  if (plan.issuedOn) {
    const due = grassrootsDue(plan.body.conferences ?? []);
    const window = sessionWindow(due, plan.issuedOn);
    const [count] = await db
      .select({ total: sql<number>`count(*)`.mapWith(Number), held: sql<number>`count(*) filter (where ${studySessions.heldOn} is not null or ${studySessions.atConference})`.mapWith(Number) })
      .from(studySessions)
      .where(and(eq(studySessions.tenantId, plan.tenantId), eq(studySessions.planId, plan.id), eq(studySessions.kind, 'regular')));
    const { total, held: done } = count ?? { total: 0, held: 0 };
    if (total > 0 || due) {
      const end = window.to ? endOfVietnamDay(window.to) : null;
      const status = statusOfDeadline(total > 0 && done === total, end, at);
      items.push({
        ...base,
        kind: 'sessions',
        from: window.from,
        to: window.to,
        label: 'Các chi bộ sinh hoạt học tập',
        detail: `Đã tổ chức ${done}/${total} buổi${due ? ` · ${due.phrase}` : ''}`,
        status,
        progress: { done, total, overdue: status === 'overdue' ? total - done : 0 },
      });
    }
  }

  // The tasks: one line per task of the plan (a group task with its units' progress), by due moment.
  const tasks = await db.select().from(planTasks).where(and(eq(planTasks.tenantId, plan.tenantId), eq(planTasks.planId, plan.id))).orderBy(asc(planTasks.position));
  const children = new Map<string, typeof tasks>();
  for (const t of tasks) if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t]);
  let reportFound = false;
  for (const t of tasks.filter((x) => !x.parentId)) {
    const units_ = children.get(t.id) ?? [];
    const dueAt = t.dueAt ?? units_.find((c) => c.dueAt)?.dueAt ?? null;
    if (!dueAt) continue; // "thường xuyên", none written, or after an event not yet recorded: not on a timeline.
    const isReport = REPORT_TASK.test(t.text);
    reportFound ||= isReport;
    const progress = units_.length
      ? { done: units_.filter((c) => c.status === 'done').length, total: units_.length, overdue: units_.filter((c) => overdueAt(c.dueAt, c.status, at)).length }
      : null;
    const done = progress ? progress.done === progress.total : t.status === 'done';
    items.push({
      ...base,
      ...daysOfDue(t.due, dueAt),
      kind: isReport ? 'report' : 'task',
      taskId: t.id,
      label: t.text,
      detail: [t.assigneeLabel, t.due?.phrase].filter(Boolean).join(' · ') || null,
      status: statusOfDeadline(done, dueAt, at),
      progress,
    });
  }
  // Before the plan's tasks are tracked, the report deadline as section IV writes it.
  if (!reportFound) {
    const written = (plan.body.tasks ?? []).find((t) => REPORT_TASK.test(t.text) && t.due);
    const dueAt = written?.due ? dueMoment(written.due) : null;
    if (written && dueAt) items.push({ ...base, ...daysOfDue(written.due, dueAt), kind: 'report', label: written.text, detail: [written.assignee, written.due!.phrase].join(' · '), status: statusOfDeadline(false, dueAt, at) });
  }

  const order: Record<TimelineItem['kind'], number> = { issued: 0, conference: 1, sessions: 2, task: 3, report: 4 };
  const key = (i: TimelineItem) => i.date ?? i.to ?? i.from ?? '9999-12-31';
  items.sort((a, b) => key(a).localeCompare(key(b)) || order[a.kind] - order[b.kind]);
  return { planId: plan.id, today, items };
}

/** "2026-05" → its first day and the first day of the next month. */
function monthBounds(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = `${month}-01`;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { first, next, start: startOfVietnamDay(first), end: startOfVietnamDay(next) };
}

/**
 * GET /api/calendar/month: the month's tasks falling due (a group's units as one event), the ward's
 * conferences (its overseers), the study sessions scheduled or held, of the units the actor sees.
 */
export async function monthEvents(db: DbOrTx, actor: Actor, month: string, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canViewMonthCalendar(actor, toRef(commune))) throw forbidden('xem lịch của đảng bộ');
  const at = now();
  const today = todayInVietnam(at);
  const { first, next, start, end } = monthBounds(month);
  const events: { id: string; kind: 'task' | 'conference' | 'session'; date: string; at: Date | null; title: string; unitName: string | null; planId: string; targetId: string; status: TimelineItem['status'] }[] = [];

  // Tasks whose last day on time is in the month: due moment in (start, end].
  const taskRows = await db
    .select({ task: planTasks, unitName: units.name })
    .from(planTasks)
    .innerJoin(plans, and(eq(plans.tenantId, planTasks.tenantId), eq(plans.id, planTasks.planId), eq(plans.status, 'issued')))
    .innerJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
    .where(and(eq(planTasks.tenantId, commune.id), gt(planTasks.dueAt, start), lte(planTasks.dueAt, end), monthCalendarFilter(actor)));
  const groups = new Map<string, typeof taskRows>();
  for (const row of taskRows) {
    const key = row.task.parentId ?? row.task.id;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const parentIds = [...groups.keys()].filter((k) => groups.get(k)!.length > 1);
  const parents = parentIds.length
    ? new Map((await db.select().from(planTasks).where(and(eq(planTasks.tenantId, commune.id), inArray(planTasks.id, parentIds)))).map((p) => [p.id, p]))
    : new Map<string, typeof planTasks.$inferSelect>();
  for (const [key, rows] of groups) {
    const first_ = rows[0]!.task;
    const dueAt = first_.dueAt!;
    if (rows.length === 1) {
      const { task, unitName } = rows[0]!;
      events.push({ id: `task-${task.id}`, kind: 'task', date: lastDayOf(dueAt), at: null, title: task.text, unitName, planId: task.planId, targetId: task.id, status: statusOfDeadline(task.status === 'done', task.dueAt, at) });
      continue;
    }
    const parent = parents.get(key);
    const done = rows.filter((r) => r.task.status === 'done').length;
    events.push({
      id: `task-${key}`,
      kind: 'task',
      date: lastDayOf(dueAt),
      at: null,
      title: `${parent?.text ?? first_.text} (${done}/${rows.length} xong)`,
      unitName: parent?.assigneeLabel ?? null,
      planId: first_.planId,
      targetId: key,
      status: statusOfDeadline(done === rows.length, dueAt, at),
    });
  }

  // The ward's conferences, for those who oversee the commune.
  if (overseersOver(actor, toRef(commune))) {
    const rows = await db
      .select({ conference: conferences })
      .from(conferences)
      .innerJoin(plans, and(eq(plans.tenantId, conferences.tenantId), eq(plans.id, conferences.planId), eq(plans.status, 'issued')))
      .where(
        and(
          eq(conferences.tenantId, commune.id),
          or(and(isNotNull(conferences.heldOn), sql`${conferences.heldOn} >= ${first} and ${conferences.heldOn} < ${next}`), and(sql`${conferences.heldOn} is null`, sql`${conferences.scheduledAt} >= ${start} and ${conferences.scheduledAt} < ${end}`)),
        ),
      );
    for (const { conference: c } of rows) {
      const date = c.heldOn ?? dayOf(c.scheduledAt!);
      events.push({ id: `conference-${c.id}`, kind: 'conference', date, at: c.scheduledAt, title: c.title, unitName: null, planId: c.planId, targetId: c.id, status: statusOfDeadline(c.status === 'held', endOfVietnamDay(date), at) });
    }
  }

  // Study sessions scheduled or held in the month, of the units the actor sees.
  const sessions = await db
    .select({ session: studySessions, unitName: units.name })
    .from(studySessions)
    .innerJoin(plans, and(eq(plans.tenantId, studySessions.tenantId), eq(plans.id, studySessions.planId), eq(plans.status, 'issued')))
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(
      and(
        eq(studySessions.tenantId, commune.id),
        ne(studySessions.atConference, true),
        monthCalendarFilter(actor),
        or(and(isNotNull(studySessions.heldOn), sql`${studySessions.heldOn} >= ${first} and ${studySessions.heldOn} < ${next}`), and(sql`${studySessions.heldOn} is null`, sql`${studySessions.scheduledAt} >= ${start} and ${studySessions.scheduledAt} < ${end}`)),
      ),
    );
  for (const { session: s, unitName } of sessions) {
    const date = s.heldOn ?? dayOf(s.scheduledAt!);
    events.push({
      id: `session-${s.id}`,
      kind: 'session',
      date,
      at: s.scheduledAt,
      title: s.kind === 'make-up' ? 'Học bù' : 'Sinh hoạt học tập Nghị quyết',
      unitName,
      planId: s.planId,
      targetId: s.id,
      status: statusOfDeadline(s.heldOn !== null, endOfVietnamDay(date), at),
    });
  }

  events.sort((a, b) => a.date.localeCompare(b.date) || (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0) || a.title.localeCompare(b.title, 'vi'));
  return { month, today, communeId: commune.id, events };
}
