// The province's copy of its communes' consolidated reports (issue 13, item 6): one row per commune
// and plan, in the PROVINCE's tenant (decision 017), so that every province read is one shard and its
// roll-ups are aggregates over that shard only. A row is written in the same transaction as the
// commune's step that changes what the province may see: created 'pending' when the commune issues a
// plan (no figures), filled with the consolidation when the ward submits its report upward
// ('submitted', "Số …-BC/ĐU" from the register of numbers), withdrawn to 'reopened' when the ward
// reopens it. The figures of a row that is not 'submitted' are never shown to the province.
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';

export const upwardReportStatuses = ['pending', 'submitted', 'reopened'] as const;
export type UpwardReportStatus = (typeof upwardReportStatuses)[number];

/** A cell of the commune's per-cell table as the ward submitted it. */
export interface UpwardCell {
  unitName: string;
  status: string;
  submittedAt: string | null;
  onTime: boolean | null;
  total: number | null;
  rating: string | null;
}

export const upwardReports = pgTable(
  'upward_reports',
  {
    /** The province's tenant (its own id). */
    tenantId: uuid('tenant_id').notNull(),
    /** The commune (a tenant of its own: no foreign key across tenants). */
    communeId: uuid('commune_id').notNull(),
    /** The commune's plan (in the commune's tenant). */
    planId: uuid('plan_id').notNull(),
    communeName: text('commune_name').notNull(),
    planTitle: text('plan_title').notNull(),
    /** "Số 1-KH/ĐU". */
    planNumber: text('plan_number').notNull().default(''),
    /** The resolution the plan carries out ("91-NQ/TU"): the province compares communes per resolution. */
    resolution: text('resolution').notNull(),
    /** The plan's own deadline for the report ("trước ngày 05/6/2026"), null when it names none. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    status: text('status').$type<UpwardReportStatus>().notNull().default('pending'),
    /** "Số 3-BC/ĐU", from the commune's register of numbers. */
    number: text('number').notNull().default(''),
    issuedOn: date('issued_on'),
    /** The first submission decides timeliness; the last is shown. */
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    onTime: boolean('on_time'),
    // The consolidation as submitted: cells' reports and members.
    cellsExpected: integer('cells_expected').notNull().default(0),
    cellsSubmitted: integer('cells_submitted').notNull().default(0),
    cellsOnTime: integer('cells_on_time').notNull().default(0),
    cellsLate: integer('cells_late').notNull().default(0),
    cellsMissing: integer('cells_missing').notNull().default(0),
    membersExpected: integer('members_expected').notNull().default(0),
    membersPresent: integer('members_present').notNull().default(0),
    membersLate: integer('members_late').notNull().default(0),
    membersExcused: integer('members_excused').notNull().default(0),
    membersAbsent: integer('members_absent').notNull().default(0),
    membersMadeUp: integer('members_made_up').notNull().default(0),
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull().default({}),
    cells: jsonb('cells').$type<UpwardCell[]>().notNull().default([]),
    difficulties: text('difficulties').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    /** The province's read receipt of the submitted report. */
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: uuid('read_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.communeId, t.planId] }),
    index('upward_reports_resolution_idx').on(t.tenantId, t.resolution, t.status),
  ],
);

export type UpwardReport = typeof upwardReports.$inferSelect;
