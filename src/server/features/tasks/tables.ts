// A plan's tasks (section IV: "nhiệm vụ" of each unit, with its deadline), their evidence, and the
// reminders and escalations sent about them. Tenant-keyed (decision 017): primary keys (tenant_id, …)
// and composite foreign keys. Overdue is computed from `due`/`dueAt`, never stored.
//
// A task given to a group of units ("các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc") is one parent row
// (assigneeUnitId null, assigneeLabel as written) with one child per unit (parentId set); a task given
// to one unit is a single row with no children. The parent's status is rolled up from its children.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import type { Due } from '../../../domain/plan-import/types';
import { plans } from '../plans/tables';
import { units } from '../units/tables';

export const taskStatuses = ['not-started', 'in-progress', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** Real work a task follows instead of a second checkbox (done when that work is). */
export const taskFollows = ['study-session', 'cell-report'] as const;
export type TaskFollows = (typeof taskFollows)[number];

export const planTasks = pgTable(
  'plan_tasks',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    /** Set on a fanned-out unit's task: the group task it belongs to. */
    parentId: uuid('parent_id'),
    /** The unit that must do it; null on a group task (its children name the units). */
    assigneeUnitId: uuid('assignee_unit_id'),
    /** The assignee as the plan wrote it ("Ủy ban nhân dân phường", "Các chi bộ, đảng bộ cơ sở…"). */
    assigneeLabel: text('assignee_label').notNull(),
    text: text('text').notNull(),
    /** The deadline as parsed by the plan grammar (phrase, kind, dates); null when none is written. */
    due: jsonb('due').$type<Due | null>(),
    /** dueMoment(due): the instant it falls due in Asia/Ho_Chi_Minh; null for "thường xuyên" / none / an unrecorded event. Indexed for the overdue scan. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    status: text('status').$type<TaskStatus>().notNull().default('not-started'),
    follows: text('follows').$type<TaskFollows | null>(),
    /** The day it was done (Vietnamese calendar day) and the note given when completing. */
    completedOn: date('completed_on'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completionNote: text('completion_note'),
    /** Order within the plan (section IV order); the source line in the plan's text when imported. */
    position: integer('position').notNull().default(0),
    sourceLine: integer('source_line'),
    /** Added by hand by ward staff rather than created from the plan's section IV. */
    manual: boolean('manual').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Addresses name a task by id alone (/api/tasks/:id): found without a scan.
    index('plan_tasks_id_idx').on(t.id),
    index('plan_tasks_plan_idx').on(t.tenantId, t.planId, t.position),
    index('plan_tasks_unit_idx').on(t.tenantId, t.assigneeUnitId),
    index('plan_tasks_parent_idx').on(t.tenantId, t.parentId),
    // The overdue scan and the reminder run: open tasks by due moment.
    index('plan_tasks_open_due_idx').on(t.dueAt).where(sql`status <> 'done'`),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'plan_tasks_plan_fk' }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id], name: 'plan_tasks_parent_fk' }),
    foreignKey({ columns: [t.tenantId, t.assigneeUnitId], foreignColumns: [units.tenantId, units.id], name: 'plan_tasks_unit_fk' }),
  ],
);

export type PlanTask = typeof planTasks.$inferSelect;

/** Evidence of a task's work: a note, or a file (≤ 20 MB, type checked by content) stored by hash. */
export const taskEvidence = pgTable(
  'task_evidence',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    taskId: uuid('task_id').notNull(),
    note: text('note'),
    fileSha256: text('file_sha256'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    size: bigint('size', { mode: 'number' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('task_evidence_task_idx').on(t.tenantId, t.taskId),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [planTasks.tenantId, planTasks.id], name: 'task_evidence_task_fk' }).onDelete('cascade'),
  ],
);

export type TaskEvidence = typeof taskEvidence.$inferSelect;

/**
 * Every reminder and escalation decided for a task, once: the slot names which one ("before-7",
 * "due-day", "overdue-3", "escalation"), so a rerun or a restart never sends the same one twice.
 */
export const taskAlerts = pgTable(
  'task_alerts',
  {
    tenantId: uuid('tenant_id').notNull(),
    taskId: uuid('task_id').notNull(),
    slot: text('slot').notNull(),
    kind: text('kind').$type<'reminder' | 'escalation'>().notNull(),
    /** How many people it reached (0 when the unit had no one to tell). */
    recipients: integer('recipients').notNull().default(0),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.taskId, t.slot] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [planTasks.tenantId, planTasks.id], name: 'task_alerts_task_fk' }).onDelete('cascade'),
  ],
);

/**
 * A commune's reminder settings (domain/reminders.ts): the days before the last day, the rhythm while
 * overdue, and after how many days overdue the unit above is told. No row: the defaults (7, 3, 1; 3; 3).
 */
export const taskReminderSettings = pgTable('task_reminder_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  beforeDays: integer('before_days').array().notNull(),
  overdueEveryDays: integer('overdue_every_days').notNull(),
  escalationAfterDays: integer('escalation_after_days').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});

/**
 * What the commune's plans call a unit in section IV, as the office assigned it on a draft ("Ban
 * Tuyên giáo và Dân vận" → the unit it means), used by every later plan's tasks until changed.
 */
export const taskAssigneeMappings = pgTable(
  'task_assignee_mappings',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The phrase as written, folded (no diacritics, lower case, single spaces). */
    sourceKey: text('source_key').notNull(),
    /** The phrase as last written, for people. */
    sourceName: text('source_name').notNull(),
    unitId: uuid('unit_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sourceKey] }),
    foreignKey({ name: 'task_assignee_mappings_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
  ],
);
