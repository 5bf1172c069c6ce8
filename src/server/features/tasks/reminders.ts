// The reminder run (issue 12, decisions 021 and 027): every open task with a due moment, the alerts it
// is owed now (the rule of domain/reminders.ts, with its commune's settings, computed in SQL), each
// recorded once in task_alerts (INSERT … ON CONFLICT DO NOTHING) and, only for the rows actually
// inserted, notified in the same statement and transaction: a commune's run is a handful of statements
// whatever its number of tasks (the people to tell are looked up per unit, the rest is set-based). A second run, on this server or another, or after a restart, finds the rows there and
// sends nothing twice. The e-mails go after the commit, through the mailer (the queue).
//
// Who is told:
//   a reminder   the assignee unit's people: accounts granted on the unit (not plain members, not the
//                province's viewers, not administrators) and persons holding a position in it today;
//   escalation   the staff of the unit above: the commune's ward staff (wardStaff accounts) for its
//                cells, organisations and agencies; the province's viewers for the commune's own task;
//                for a cell under a grassroots organisation, that organisation's people.
import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { now as clockNow } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { defaultReminderSettings, latestDueAtToScan, type ReminderSettings } from '../../../domain/reminders';
import { roleGrants, users, type Role } from '../../auth/tables';
import { members } from '../members/tables';
import { positions } from '../people/tables';
import { units, type Unit } from '../units/tables';
import { planTasks, taskReminderSettings } from './tables';

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

/** One run at `at` (default now()): decides, records and notifies; safe to run again at any time. */
export async function runReminders(db: Db, options: { at?: Date } = {}): Promise<ReminderRunResult> {
  const at = options.at ?? clockNow();
  const settingsRows = await db.select().from(taskReminderSettings);
  const settingsOf = new Map<string, ReminderSettings>(settingsRows.map((r) => [r.tenantId, r]));
  const bound = [defaultReminderSettings, ...settingsOf.values()].reduce((max, s) => Math.max(max, latestDueAtToScan(at, s).getTime()), 0);
  // The units that have an open task with a due moment near enough (one probe of plan_tasks_unit_idx per
  // unit, rather than every such task sorted into distinct units), and the unit above each: whose people
  // are to be told is decided per unit, not per task. Group tasks (no assignee) are told through their children.
  const assigned = await db
    .select({ tenantId: units.tenantId, unitId: units.id, parentId: units.parentId })
    .from(units)
    .where(
      sql`EXISTS (SELECT 1 FROM ${planTasks} t WHERE t.tenant_id = ${units.tenantId} AND t.assignee_unit_id = ${units.id}
            AND t.status <> 'done' AND t.due_at IS NOT NULL AND t.due_at < ${new Date(bound).toISOString()}::timestamptz)`,
    );
  // The units above, by id whatever their tenant (a commune's is its province, in another tenant): a
  // lookup of its own, as a join across tenants cannot run on a distributed database (decision 017).
  const parents = await unitsByIdsAnyTenant(db, [...new Set(assigned.flatMap((row) => (row.parentId ? [row.parentId] : [])))]);
  const byTenant = new Map<string, Assignee[]>();
  for (const row of assigned) {
    const list = byTenant.get(row.tenantId) ?? [];
    list.push({ unitId: row.unitId, parent: (row.parentId && parents.get(row.parentId)) || null });
    byTenant.set(row.tenantId, list);
  }
  const result: ReminderRunResult = { scanned: 0, decided: 0, notificationIds: [] };
  for (const [tenantId, assignees] of byTenant) {
    const settings = settingsOf.get(tenantId) ?? defaultReminderSettings;
    const written = await db.transaction((tx) => recordAndNotify(tx, tenantId, assignees, settings, at));
    result.scanned += written.scanned;
    result.decided += written.decided;
    result.notificationIds.push(...written.notificationIds);
  }
  return result;
}

/** A unit with open tasks, and the unit above it (a commune's is its province, in another tenant). */
interface Assignee {
  unitId: string;
  parent: Pick<Unit, 'id' | 'tenantId' | 'kind'> | null;
}

/** Who is told about a unit's tasks: "r" its own people (reminders), "e" the people above it (escalation). */
interface Recipient {
  k: 'r' | 'e';
  unit_id: string;
  tenant_id: string;
  person_id: string;
}

/**
 * One commune's run in one statement, whatever its number of tasks (decision 027): its open tasks'
 * alerts owed today (the rule of domain/reminders.ts, written in SQL: the last day in Hà Nội, the
 * stage before it, the day itself, the overdue stage, the escalation), recorded in task_alerts
 * (ON CONFLICT DO NOTHING), and one notification per person for the alerts just recorded, with the
 * words of alertTitle / alertBody and the e-mail pending unless the person has no address or muted
 * it (never for an escalation). The people to tell come in as one small JSON parameter, per unit.
 */
async function recordAndNotify(tx: DbOrTx, tenantId: string, assignees: Assignee[], settings: ReminderSettings, at: Date) {
  const today = todayInVietnam(at);
  const unitIds = [...new Set(assignees.map((a) => a.unitId))];
  const parents = new Map(assignees.flatMap((a) => (a.parent ? [[a.parent.id, a.parent] as const] : [])));

  const recipients: Recipient[] = [];
  for (const [unitId, personIds] of await peopleOfUnits(tx, tenantId, unitIds, unitWorkers, today)) {
    for (const personId of personIds) recipients.push({ k: 'r', unit_id: unitId, tenant_id: tenantId, person_id: personId });
  }
  // The province and the commune tell their staff accounts; an organisation above a cell, its people.
  const groups = new Map<string, { tenantId: string; roles: readonly Role[]; withPositions: boolean; units: NonNullable<Assignee['parent']>[] }>();
  for (const p of parents.values()) {
    const roles: readonly Role[] = p.kind === 'province' ? ['provinceViewer'] : p.kind === 'commune' ? ['wardStaff'] : unitWorkers;
    const key = `${p.tenantId} ${roles.join()}`;
    const group = groups.get(key) ?? { tenantId: p.tenantId, roles, withPositions: roles === unitWorkers, units: [] };
    group.units.push(p);
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    const people = await peopleOfUnits(tx, g.tenantId, g.units.map((u) => u.id), g.roles, today, g.withPositions);
    for (const [unitId, personIds] of people) for (const personId of personIds) recipients.push({ k: 'e', unit_id: unitId, tenant_id: g.tenantId, person_id: personId });
  }

  const before = [...new Set(settings.beforeDays)].filter((n) => n > 0);
  const scanFrom = latestDueAtToScan(at, settings);
  const result = await tx.execute(sql`
    WITH people AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(recipients)}::json) AS p(k text, unit_id uuid, tenant_id uuid, person_id uuid)
    ), reach AS MATERIALIZED (
      -- Each person once: an address, and e-mail muted or not (the notifications' e-mail status).
      SELECT p.k, p.unit_id, p.tenant_id, p.person_id, coalesce(pr.email, '') <> '' AS addressed, coalesce(np.mute_email, false) AS muted
      FROM people p
      LEFT JOIN persons pr ON pr.tenant_id = p.tenant_id AND pr.id = p.person_id
      LEFT JOIN notification_preferences np ON np.tenant_id = p.tenant_id AND np.person_id = p.person_id
    ), heard AS (
      SELECT k, unit_id, count(*)::int AS n FROM people GROUP BY k, unit_id
    ), open AS (
      -- The last day: the Vietnamese day that ends at (or contains) the due moment (lastDayOf).
      SELECT t.id AS task_id, t.plan_id, t.assignee_unit_id, t.text, l.last_day, l.last_day - ${today}::date AS days_left
      FROM plan_tasks t
      CROSS JOIN LATERAL (SELECT ((t.due_at - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS last_day) l
      WHERE t.tenant_id = ${tenantId}::uuid AND t.status <> 'done' AND t.due_at IS NOT NULL AND t.due_at < ${scanFrom.toISOString()}::timestamptz
        AND t.assignee_unit_id IS NOT NULL
    ), owed AS (
      SELECT o.*, a.slot, a.kind, a.days FROM open o CROSS JOIN LATERAL (
        -- before-N: the stage we are in, the smallest offset at least the days left.
        SELECT 'before-' || min(n) AS slot, 'reminder' AS kind, o.days_left AS days
          FROM unnest(${`{${before.join(',')}}`}::int[]) AS n WHERE o.days_left > 0 AND n >= o.days_left HAVING min(n) IS NOT NULL
        UNION ALL SELECT 'due-day', 'reminder', 0 WHERE o.days_left = 0
        UNION ALL SELECT 'overdue-' || ((-o.days_left) / nullif(${settings.overdueEveryDays}::int, 0)) * ${settings.overdueEveryDays}::int, 'reminder', -o.days_left
          WHERE o.days_left < 0 AND ${settings.overdueEveryDays}::int > 0 AND -o.days_left >= ${settings.overdueEveryDays}::int
        UNION ALL SELECT 'escalation', 'escalation', -o.days_left WHERE o.days_left < 0 AND -o.days_left >= ${settings.escalationAfterDays}::int
      ) a
    ), aimed AS (
      SELECT w.*, u.name AS unit_name, CASE WHEN w.kind = 'reminder' THEN 'r' ELSE 'e' END AS k,
             CASE WHEN w.kind = 'reminder' THEN w.assignee_unit_id ELSE u.parent_id END AS target_unit
      FROM owed w LEFT JOIN units u ON u.tenant_id = ${tenantId}::uuid AND u.id = w.assignee_unit_id
    ), fresh AS (
      INSERT INTO task_alerts (tenant_id, task_id, slot, kind, recipients, decided_at)
      SELECT ${tenantId}::uuid, a.task_id, a.slot, a.kind, coalesce(h.n, 0), ${at.toISOString()}::timestamptz
      FROM aimed a LEFT JOIN heard h ON h.k = a.k AND h.unit_id = a.target_unit
      ON CONFLICT DO NOTHING
      RETURNING task_id, slot
    ), worded AS (
      SELECT a.*, coalesce(a.unit_name, '') AS unit, coalesce(pl.title, '') AS plan_title, to_char(a.last_day, 'DD/MM/YYYY') AS due_day,
             CASE WHEN length(a.text) > 120 THEN left(a.text, 119) || '…' ELSE a.text END AS short
      FROM fresh f JOIN aimed a ON a.task_id = f.task_id AND a.slot = f.slot
      LEFT JOIN plans pl ON pl.tenant_id = ${tenantId}::uuid AND pl.id = a.plan_id
    ), sent AS (
      INSERT INTO notifications (tenant_id, person_id, kind, title, body, link, email_status, created_at)
      SELECT p.tenant_id, p.person_id,
             CASE WHEN w.kind = 'reminder' THEN ${REMINDER_KIND} ELSE ${ESCALATION_KIND} END,
             CASE WHEN w.kind = 'escalation' THEN 'Báo cáo: ' || w.unit || ' chưa hoàn thành nhiệm vụ quá hạn ' || w.days || ' ngày'
                  WHEN w.slot = 'due-day' THEN 'Nhắc việc: hôm nay là hạn cuối — ' || w.short
                  WHEN w.slot LIKE 'overdue-%' THEN 'Quá hạn ' || w.days || ' ngày: ' || w.short
                  ELSE 'Nhắc việc: còn ' || w.days || ' ngày — ' || w.short END,
             CASE WHEN w.kind = 'escalation' THEN w.unit || ' chưa hoàn thành nhiệm vụ đã quá hạn ' || w.days || ' ngày (hạn ' || w.due_day || ').' || E'\n' ELSE '' END
               || 'Nhiệm vụ: ' || w.text || E'\nĐơn vị thực hiện: ' || w.unit || E'\nHạn: ' || w.due_day || E'\nKế hoạch: ' || w.plan_title,
             '/ke-hoach/' || w.plan_id,
             -- An address and not muted (an escalation is never muted): pending, for the mailer after the commit.
             CASE WHEN p.addressed AND NOT (w.kind = 'reminder' AND p.muted) THEN 'pending' ELSE 'none' END,
             ${clockNow().toISOString()}::timestamptz
      FROM worded w
      JOIN reach p ON p.k = w.k AND p.unit_id = w.target_unit
      RETURNING id
    )
    SELECT (SELECT count(*) FROM open)::int AS scanned, (SELECT count(*) FROM fresh)::int AS decided,
           (SELECT coalesce(json_agg(id), '[]'::json) FROM sent) AS ids`);
  const [row] = (result as unknown as { rows: { scanned: number; decided: number; ids: string[] | string }[] }).rows;
  const ids = typeof row!.ids === 'string' ? (JSON.parse(row!.ids) as string[]) : row!.ids;
  return { scanned: row!.scanned, decided: row!.decided, notificationIds: ids };
}

/** Units by id whatever their tenant (units_id_idx), as one array parameter. */
async function unitsByIdsAnyTenant(db: DbOrTx, ids: string[]): Promise<Map<string, NonNullable<Assignee['parent']>>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: units.id, tenantId: units.tenantId, kind: units.kind })
    .from(units)
    .where(sql`${units.id} = ANY(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(rows.map((u) => [u.id, u]));
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
      .where(and(eq(roleGrants.tenantId, tenantId), sql`${roleGrants.unitId} = ANY(${`{${chunk.join(',')}}`}::uuid[])`, inArray(roleGrants.role, [...roles]), eq(users.disabled, false)));
    accounts.forEach((a) => add(a.unitId, a.personId ?? a.memberPerson));
    if (withPositions) {
      const holders = await tx
        .select({ unitId: positions.unitId, personId: positions.personId })
        .from(positions)
        .where(and(eq(positions.tenantId, tenantId), sql`${positions.unitId} = ANY(${`{${chunk.join(',')}}`}::uuid[])`, sql`${positions.fromOn} <= ${today}`, or(isNull(positions.toOn), gte(positions.toOn, today))));
      holders.forEach((h) => add(h.unitId, h.personId));
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}
