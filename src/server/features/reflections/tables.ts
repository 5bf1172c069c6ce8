// A member's own study of an issued plan: the reflection (bài thu hoạch) and the personal commitment
// (bản cam kết) they write, and the cell secretary's review (Đạt / Chưa đạt with a comment); and the
// deadline the ward sets for them on the plan. Tenant-keyed (decision 017): primary keys
// (tenant_id, …), composite foreign keys.
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { plans } from '../plans/tables';
import { units } from '../units/tables';
import { members } from '../members/tables';

export const reviewResults = ['passed', 'failed'] as const;
export type ReviewResult = (typeof reviewResults)[number];
export const reviewResultNames: Record<ReviewResult, string> = { passed: 'Đạt', failed: 'Chưa đạt' };

export const reflections = pgTable(
  'reflections',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** Chosen by the client (the idempotency key): a retried create finds the reflection. */
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** The member's cell when they wrote it: its secretary reviews it. */
    cellId: uuid('cell_id').notNull(),
    reflection: text('reflection').notNull(),
    commitment: text('commitment').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    /** Written after the plan's deadline for reflections: accepted, and marked. */
    late: boolean('late').notNull().default(false),
    reviewResult: text('review_result').$type<ReviewResult>(),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by'),
    reviewerName: text('reviewer_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('reflections_id_idx').on(t.id),
    uniqueIndex('reflections_plan_member_uq').on(t.tenantId, t.planId, t.memberId),
    index('reflections_cell_idx').on(t.tenantId, t.cellId, t.planId),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'reflections_plan_fk' }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id], name: 'reflections_member_fk' }),
    foreignKey({ columns: [t.tenantId, t.cellId], foreignColumns: [units.tenantId, units.id], name: 'reflections_cell_fk' }),
  ],
);
export type Reflection = typeof reflections.$inferSelect;

/** The deadline the ward staff set on a plan for its reflections (none stored: the grassroots deadline). */
export const reflectionDeadlines = pgTable(
  'reflection_deadlines',
  {
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    /** The last day (Vietnamese calendar) a reflection is on time. */
    dueOn: date('due_on').notNull(),
    version: integer('version').notNull().default(1),
    setBy: uuid('set_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'reflection_deadlines_plan_fk' }).onDelete('cascade'),
  ],
);
