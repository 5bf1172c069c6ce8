import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { units } from '../units/tables';
import { resolutions } from '../resolutions/tables';
import type { PlanBody } from './body';

/** An error of the linter the submitter chose to keep, with their reason (kept with the submitted version). */
export interface LintAcknowledgement {
  code: string;
  line: number;
  message: string;
  reason: string;
  byId: string;
  byName: string;
  at: string; // ISO timestamp
}

export const planKinds = [
  'propagation', // Kế hoạch tuyên truyền, quán triệt và học tập Nghị quyết (the fixture)
  'implementation', // Kế hoạch thực hiện Nghị quyết
] as const;
export type PlanKind = (typeof planKinds)[number];

export const planStatuses = ['draft', 'submitted', 'approved', 'issued'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    issuerUnitId: uuid('issuer_unit_id').notNull(),
    kind: text('kind').$type<PlanKind>().notNull(),
    status: text('status').$type<PlanStatus>().notNull().default('draft'),
    /** Trích yếu: "Tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số …". */
    title: text('title').notNull(),
    /** The plan's text in the genre's layout (title to signature): what the editor edits and the linter reads. */
    source: text('source').notNull(),
    /** Sections I-IV, preamble, conferences, tasks, signature: the importer's model of `source` (PlanBody). */
    body: jsonb('body').$type<PlanBody>().notNull(),
    /** Assigned on issue: "Số 45-KH/ĐU" is number 45 with symbol "KH/ĐU". */
    number: integer('number'),
    symbol: text('symbol').notNull().default('KH/ĐU'),
    /** The period the number counts in: the year, or the committee's term start (a setting). */
    numberPeriod: text('number_period'),
    issuedOn: date('issued_on'),
    /** An issued plan is never changed: a later change is a new plan that supersedes it. */
    supersedesId: uuid('supersedes_id'),
    createdBy: uuid('created_by'),
    submittedBy: uuid('submitted_by'),
    approvedBy: uuid('approved_by'),
    issuedBy: uuid('issued_by'),
    /** The lint errors acknowledged when the plan was submitted (empty for a draft); audited with the step. */
    lintAcknowledgements: jsonb('lint_acknowledgements').$type<LintAcknowledgement[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'plans_issuer_unit_fk', columns: [t.tenantId, t.issuerUnitId], foreignColumns: [units.tenantId, units.id] }),
    index('plans_id_idx').on(t.id),
    // One number per issuer, symbol and counting period.
    uniqueIndex('plans_number_uq').on(t.tenantId, t.issuerUnitId, t.symbol, t.numberPeriod, t.number),
  ],
);

export const planResolutions = pgTable(
  'plan_resolutions',
  {
    planId: uuid('plan_id').notNull(),
    resolutionId: uuid('resolution_id').notNull(),
    tenantId: uuid('tenant_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.resolutionId] }),
    foreignKey({ name: 'plan_resolutions_plan_fk', columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ name: 'plan_resolutions_resolution_fk', columns: [t.tenantId, t.resolutionId], foreignColumns: [resolutions.tenantId, resolutions.id] }),
    index('plan_resolutions_resolution_idx').on(t.tenantId, t.resolutionId),
  ],
);

/** Nơi nhận: a unit of the tree (delivered to its inbox) or a line of text only ("Lưu Văn phòng Đảng ủy"). */
export const planRecipients = pgTable(
  'plan_recipients',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    unitId: uuid('unit_id'),
    label: text('label').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'plan_recipients_plan_fk', columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ name: 'plan_recipients_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('plan_recipients_plan_idx').on(t.tenantId, t.planId),
  ],
);

/** A plan delivered to a recipient unit's inbox, with its read receipt. */
export const planDeliveries = pgTable(
  'plan_deliveries',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    readAt: timestamp('read_at', { withTimezone: true }),
    readBy: uuid('read_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'plan_deliveries_plan_fk', columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }),
    foreignKey({ name: 'plan_deliveries_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('plan_deliveries_id_idx').on(t.id),
    uniqueIndex('plan_deliveries_uq').on(t.tenantId, t.planId, t.unitId),
    index('plan_deliveries_unit_idx').on(t.unitId),
  ],
);

export type Plan = typeof plans.$inferSelect;
