// Self-assessment and the cells' reports (issue 13): the commune's rubric, versioned (a report keeps
// the version it was scored with); one report per study session, its full history of versions; the
// ward's inspections of a cell's session. Tenant-keyed (decision 017): primary keys (tenant_id, …),
// composite foreign keys between tenant tables.
import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import type { RubricBand, RubricGroup, Score } from '../../../domain/rubrics';
import type { ReportFigures, ReportStatus } from '../../../domain/report-figures';
import type { SessionForm } from '../study-sessions/tables';
import { studySessions } from '../study-sessions/tables';
import { plans } from '../plans/tables';
import { units } from '../units/tables';

/** A commune's rubric, one row per version: the current one is the highest version. */
export const rubrics = pgTable(
  'rubrics',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    groups: jsonb('groups').$type<RubricGroup[]>().notNull(),
    bands: jsonb('bands').$type<RubricBand[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('rubrics_version_idx').on(t.tenantId, t.version)],
);

export type Rubric = typeof rubrics.$inferSelect;

/** A score the ward gave on re-scoring, kept beside the cell's own. */
export interface WardScoring {
  scores: Score[];
  total: number;
  band: string | null;
  comment: string;
  by: string;
  at: string;
}

/** A cell's report on a plan, from its study session (one per session). */
export const cellReports = pgTable(
  'cell_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    rubricId: uuid('rubric_id').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    /** The figures as last saved (prefilled from the session and its attendance, refreshed on each save until submitted). */
    figures: jsonb('figures').$type<ReportFigures>().notNull(),
    form: text('form').$type<SessionForm>().notNull(),
    reporter: text('reporter').notNull(),
    /** The report's date ("Nông Tiến, ngày … tháng … năm …"). */
    reportDate: date('report_date').notNull(),
    /** "Số …-BC/CB": the cell's own number, written by its secretary. */
    number: text('number').notNull().default(''),
    summary: text('summary').notNull().default(''),
    opinions: text('opinions').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    scores: jsonb('scores').$type<Score[]>().notNull(),
    total: numeric('total', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    band: text('band'),
    /** The ward's re-score: both kept and shown; the ward's counts in the consolidation. */
    wardScoring: jsonb('ward_scoring').$type<WardScoring | null>(),
    /** The ward's comment when it last returned the report. */
    returnComment: text('return_comment'),
    /** The first submission decides timeliness; the last one is shown. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Addresses name a report by id alone (/api/reports/:id).
    index('cell_reports_id_idx').on(t.id),
    uniqueIndex('cell_reports_session_idx').on(t.tenantId, t.sessionId),
    index('cell_reports_plan_idx').on(t.tenantId, t.planId),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'cell_reports_plan_fk' }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [studySessions.tenantId, studySessions.id], name: 'cell_reports_session_fk' }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id], name: 'cell_reports_unit_fk' }),
    foreignKey({ columns: [t.tenantId, t.rubricId], foreignColumns: [rubrics.tenantId, rubrics.id], name: 'cell_reports_rubric_fk' }),
  ],
);

export type CellReport = typeof cellReports.$inferSelect;

export const reportActions = ['create', 'edit', 'submit', 'return', 'accept', 'rescore'] as const;
export type ReportVersionAction = (typeof reportActions)[number];

/** Every version of a report as it was written: who, when, what action, the comment, the whole row. */
export const cellReportVersions = pgTable(
  'cell_report_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    action: text('action').$type<ReportVersionAction>().notNull(),
    comment: text('comment'),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.reportId, t.version] }),
    foreignKey({ columns: [t.tenantId, t.reportId], foreignColumns: [cellReports.tenantId, cellReports.id], name: 'cell_report_versions_report_fk' }).onDelete('cascade'),
  ],
);

/** A proposed score for an item after an inspection, with why. */
export interface ScoreAdjustment {
  itemId: string;
  points: number;
  reason: string;
}

/** "Kiểm tra": ward staff's inspection or supervision of a cell's session, shown on its report. */
export const sessionInspections = pgTable(
  'session_inspections',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    inspectedOn: date('inspected_on').notNull(),
    inspectors: text('inspectors').notNull(),
    findings: text('findings').notNull(),
    adjustments: jsonb('adjustments').$type<ScoreAdjustment[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('session_inspections_session_idx').on(t.tenantId, t.sessionId),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [studySessions.tenantId, studySessions.id], name: 'session_inspections_session_fk' }).onDelete('cascade'),
  ],
);

export type SessionInspection = typeof sessionInspections.$inferSelect;

export const consolidatedReportStatuses = ['draft', 'submitted', 'reopened'] as const;
export type ConsolidatedReportStatus = (typeof consolidatedReportStatuses)[number];

/**
 * The ward's consolidated report of a plan (Báo cáo của Ban Thường vụ, "Số …-BC/ĐU"), one per plan:
 * its narrative (difficulties, proposals), its number and date; submitted upward it locks the cells'
 * reports of the plan until the ward reopens it. `figures` keeps the consolidation as submitted, the
 * aggregate the province reads (never recounted from the members).
 */
export const consolidatedReports = pgTable(
  'consolidated_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    status: text('status').$type<ConsolidatedReportStatus>().notNull().default('draft'),
    difficulties: text('difficulties').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    /** "Số …-BC/ĐU": the number as the office writes it ("12"), empty for a blank to fill in. */
    number: text('number').notNull().default(''),
    issuedOn: date('issued_on'),
    figures: jsonb('figures').$type<Record<string, unknown> | null>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('consolidated_reports_plan_idx').on(t.tenantId, t.planId),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'consolidated_reports_plan_fk' }),
  ],
);

export type ConsolidatedReport = typeof consolidatedReports.$inferSelect;

/**
 * The plan's consolidation kept as an aggregate (issue 13): rewritten in the same transaction as every
 * change to a cell's report that moves it (submit, return, accept, re-score) and as the ward's
 * submit and reopen, from the same one-statement count the live consolidation makes. The ward's
 * report upward copies it to the province (features/province), which never counts members itself.
 */
export const planReportFigures = pgTable(
  'plan_report_figures',
  {
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    expected: integer('expected').notNull(),
    submitted: integer('submitted').notNull(),
    onTime: integer('on_time').notNull(),
    late: integer('late').notNull(),
    missing: integer('missing').notNull(),
    members: jsonb('members').$type<{ expected: number; present: number; late: number; excused: number; absent: number; madeUp: number }>().notNull(),
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'plan_report_figures_plan_fk' }).onDelete('cascade'),
  ],
);

export type PlanReportFigures = typeof planReportFigures.$inferSelect;
