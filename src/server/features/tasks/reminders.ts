// The reminder run (issue 12, decision 021): every open task with a due moment, the alerts it is owed
// now (domain/reminders.ts, with its commune's settings), each recorded once in task_alerts
// (INSERT … ON CONFLICT DO NOTHING) and, only for the rows actually inserted, notified in the same
// transaction. A second run, on this server or another, or after a restart, finds the rows there and
// sends nothing twice. The e-mails go after the commit, through the mailer (the queue).
//
// Who is told:
//   a reminder   the assignee unit's people: accounts granted on the unit (not plain members, not the
//                province's viewers, not administrators) and persons holding a position in it today;
//   escalation   the staff of the unit above: the commune's ward staff (wardStaff accounts) for its
//                cells, organisations and agencies; the province's viewers for the commune's own task;
//                for a cell under a grassroots organisation, that organisation's people.
import { and, eq, gte, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { now as clockNow } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { alertBody, alertTitle, alertsDue, defaultReminderSettings, lastDayOf, latestDueAtToScan, type DueAlert, type ReminderSettings } from '../../../domain/reminders';
import { roleGrants, users, type Role } from '../../auth/tables';
import { members } from '../members/tables';
import { positions } from '../people/tables';
import { plans } from '../plans/tables';
import { units, type Unit } from '../units/tables';
import { notifyMany, type NotifyInput } from '../notifications/service';
import { planTasks, taskAlerts, taskReminderSettings } from './tables';

export const REMINDER_KIND = 'task.reminder';
export const ESCALATION_KIND = 'task.escalation';

/** Roles that do a unit's work and hear its reminders. */
const unitWorkers: readonly Role[] = ['cellSecretary', 'unitOfficer', 'wardStaff', 'wardLeader'];

export interface ReminderRunResult {
  /** Open tasks with a due moment looked at. */
  scanned: number;
  /** Alerts newly recorded (reminders + escalations). */
  decided: number;
  /** Notifications written; hand them to mailer.deliver after the run. */
  notificationIds: string[];
}

export async function loadReminderSettings(db: DbOrTx, tenantId: string): Promise<ReminderSettings & { beforeDays: number[]; version: number }> {
  const [row] = await db.select().from(taskReminderSettings).where(eq(taskReminderSettings.tenantId, tenantId));
  return row ? { beforeDays: [...row.beforeDays], overdueEveryDays: row.overdueEveryDays, escalationAfterDays: row.escalationAfterDays, version: row.version } : { ...defaultReminderSettings, beforeDays: [...defaultReminderSettings.beforeDays], version: 1 };
}

interface Candidate {
  tenantId: string;
  id: string;
  planId: string;
  assigneeUnitId: string;
  text: string;
  dueAt: Date;
}

/** One run at `at` (default now()): decides, records and notifies; safe to run again at any time. */
export async function runReminders(db: Db, options: { at?: Date } = {}): Promise<ReminderRunResult> {
  const at = options.at ?? clockNow();
  const settingsRows = await db.select().from(taskReminderSettings);
  const settingsOf = new Map<string, ReminderSettings>(settingsRows.map((r) => [r.tenantId, r]));
  const bound = [defaultReminderSettings, ...settingsOf.values()].reduce((max, s) => Math.max(max, latestDueAtToScan(at, s).getTime()), 0);
  // The partial index plan_tasks_open_due_idx: open tasks by due moment. Group tasks (no assignee) are told through their children.
  const candidates: Candidate[] = await db
    .select({ tenantId: planTasks.tenantId, id: planTasks.id, planId: planTasks.planId, assigneeUnitId: planTasks.assigneeUnitId, text: planTasks.text, dueAt: planTasks.dueAt })
    .from(planTasks)
    .where(and(ne(planTasks.status, 'done'), isNotNull(planTasks.dueAt), lt(planTasks.dueAt, new Date(bound)), isNotNull(planTasks.assigneeUnitId)))
    .then((rows) => rows as Candidate[]);
  const byTenant = new Map<string, { task: Candidate; alert: DueAlert }[]>();
  for (const task of candidates) {
    const alerts = alertsDue({ dueAt: task.dueAt, status: 'not-started' }, at, settingsOf.get(task.tenantId) ?? defaultReminderSettings);
    if (alerts.length === 0) continue;
    const list = byTenant.get(task.tenantId) ?? [];
    for (const alert of alerts) list.push({ task, alert });
    byTenant.set(task.tenantId, list);
  }
  const result: ReminderRunResult = { scanned: candidates.length, decided: 0, notificationIds: [] };
  for (const [tenantId, owed] of byTenant) {
    const written = await db.transaction((tx) => recordAndNotify(tx, tenantId, owed, at));
    result.decided += written.decided;
    result.notificationIds.push(...written.notificationIds);
  }
  return result;
}

async function recordAndNotify(tx: DbOrTx, tenantId: string, owed: { task: Candidate; alert: DueAlert }[], at: Date) {
  const today = todayInVietnam(at);
  const unitIds = [...new Set(owed.map((f) => f.task.assigneeUnitId))];
  const assignees = await unitsByIds(tx, tenantId, unitIds);
  const parentIds = [...new Set([...assignees.values()].map((u) => u.parentId).filter((p): p is string => p !== null))];
  const parents = await unitsByIdsAnyTenant(tx, parentIds);

  // People to tell, per unit: reminders (the unit's own people) and escalations (the staff above).
  const workers = await peopleOfUnits(tx, tenantId, unitIds, unitWorkers, today);
  const above = new Map<string, { tenantId: string; personIds: string[] }>();
  // The province and the commune tell their staff accounts; an organisation above a cell, its people.
  const groups = new Map<string, { tenantId: string; roles: readonly Role[]; withPositions: boolean; units: Unit[] }>();
  for (const p of parents.values()) {
    const roles: readonly Role[] = p.kind === 'province' ? ['provinceViewer'] : p.kind === 'commune' ? ['wardStaff'] : unitWorkers;
    const key = `${p.tenantId} ${roles.join()}`;
    const group = groups.get(key) ?? { tenantId: p.tenantId, roles, withPositions: roles === unitWorkers, units: [] };
    group.units.push(p);
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    const people = await peopleOfUnits(tx, g.tenantId, g.units.map((u) => u.id), g.roles, today, g.withPositions);
    for (const u of g.units) above.set(u.id, { tenantId: g.tenantId, personIds: people.get(u.id) ?? [] });
  }

  const recipientsOf = (task: Candidate, alert: DueAlert) => {
    if (alert.kind === 'reminder') return { tenantId, personIds: workers.get(task.assigneeUnitId) ?? [] };
    const parentId = assignees.get(task.assigneeUnitId)?.parentId;
    return (parentId ? above.get(parentId) : undefined) ?? { tenantId, personIds: [] };
  };

  // Only what is not recorded yet comes back: the rows this run inserted.
  const inserted = new Set<string>();
  // One JSON parameter per 5,000 rows (db/json-insert.ts): far faster than a parameter per value on PGlite.
  for (let i = 0; i < owed.length; i += 5000) {
    const json = JSON.stringify(
      owed.slice(i, i + 5000).map(({ task, alert }) => ({ tenant_id: tenantId, task_id: task.id, slot: alert.slot, kind: alert.kind, recipients: recipientsOf(task, alert).personIds.length, decided_at: at.toISOString() })),
    );
    const res = await tx.execute(
      sql`insert into task_alerts (tenant_id, task_id, slot, kind, recipients, decided_at) select tenant_id, task_id, slot, kind, recipients, decided_at from json_populate_recordset(null::task_alerts, ${json}::json) on conflict do nothing returning task_id, slot`,
    );
    for (const r of (res as unknown as { rows: { task_id: string; slot: string }[] }).rows) inserted.add(`${r.task_id} ${r.slot}`);
  }
  const fresh = owed.filter(({ task, alert }) => inserted.has(`${task.id} ${alert.slot}`));
  if (fresh.length === 0) return { decided: 0, notificationIds: [] };
  const planIds = [...new Set(fresh.map((f) => f.task.planId))];
  const planTitles = new Map((await tx.select({ id: plans.id, title: plans.title }).from(plans).where(and(eq(plans.tenantId, tenantId), inArray(plans.id, planIds)))).map((p) => [p.id, p.title]));

  const local: Omit<NotifyInput, 'tenantId'>[] = [];
  const elsewhere = new Map<string, Omit<NotifyInput, 'tenantId'>[]>();
  for (const { task, alert } of fresh) {
    const unit = assignees.get(task.assigneeUnitId);
    const words = { text: task.text, unitName: unit?.name ?? '', dueDay: lastDayOf(task.dueAt), planTitle: planTitles.get(task.planId) ?? '' };
    const target = recipientsOf(task, alert);
    if (target.personIds.length === 0) continue;
    const entry = { title: alertTitle(alert, words), body: alertBody(alert, words), link: `/ke-hoach/${task.planId}`, kind: alert.kind === 'reminder' ? REMINDER_KIND : ESCALATION_KIND, personIds: target.personIds };
    if (target.tenantId === tenantId) local.push(entry);
    else elsewhere.set(target.tenantId, [...(elsewhere.get(target.tenantId) ?? []), entry]);
  }
  const notificationIds: string[] = [];
  for (const r of await notifyMany(tx, tenantId, local)) notificationIds.push(...r.ids);
  // The commune's own task escalates to the province: its viewers' notifications live in the province's tenant.
  for (const [otherTenant, list] of elsewhere) for (const r of await notifyMany(tx, otherTenant, list)) notificationIds.push(...r.ids);

  return { decided: fresh.length, notificationIds };
}

async function unitsByIds(tx: DbOrTx, tenantId: string, ids: string[]): Promise<Map<string, Unit>> {
  const out = new Map<string, Unit>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx.select().from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, ids.slice(i, i + 5000))));
    rows.forEach((u) => out.set(u.id, u));
  }
  return out;
}

/** The units above: a commune's parent is its province, in another tenant (looked up by id, units_id_idx). */
async function unitsByIdsAnyTenant(tx: DbOrTx, ids: string[]): Promise<Map<string, Unit>> {
  const out = new Map<string, Unit>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx.select().from(units).where(inArray(units.id, ids.slice(i, i + 5000)));
    rows.forEach((u) => out.set(u.id, u));
  }
  return out;
}

/**
 * The persons of each unit: accounts granted one of `roles` on it (their own person, else their
 * member's), and, when `withPositions`, persons holding a position in it on `today`.
 */
async function peopleOfUnits(tx: DbOrTx, tenantId: string, unitIds: string[], roles: readonly Role[], today: string, withPositions = true): Promise<Map<string, string[]>> {
  const out = new Map<string, Set<string>>();
  const add = (unitId: string, personId: string | null) => {
    if (!personId) return;
    const set = out.get(unitId) ?? new Set<string>();
    set.add(personId);
    out.set(unitId, set);
  };
  for (let i = 0; i < unitIds.length; i += 5000) {
    const chunk = unitIds.slice(i, i + 5000);
    const accounts = await tx
      .select({ unitId: roleGrants.unitId, personId: users.personId, memberPerson: members.personId })
      .from(roleGrants)
      .innerJoin(users, and(eq(users.tenantId, roleGrants.tenantId), eq(users.id, roleGrants.userId)))
      .leftJoin(members, and(eq(members.tenantId, users.tenantId), eq(members.id, users.memberId)))
      .where(and(eq(roleGrants.tenantId, tenantId), inArray(roleGrants.unitId, chunk), inArray(roleGrants.role, [...roles]), eq(users.disabled, false)));
    accounts.forEach((a) => add(a.unitId, a.personId ?? a.memberPerson));
    if (withPositions) {
      const holders = await tx
        .select({ unitId: positions.unitId, personId: positions.personId })
        .from(positions)
        .where(and(eq(positions.tenantId, tenantId), inArray(positions.unitId, chunk), sql`${positions.fromOn} <= ${today}`, or(isNull(positions.toOn), gte(positions.toOn, today))));
      holders.forEach((h) => add(h.unitId, h.personId));
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}
