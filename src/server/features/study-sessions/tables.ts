// A cell's (or grassroots organisation's) study session of an issued plan, its attendance, and the
// members sent to a make-up session from another cell. Tenant-keyed from the first migration:
// primary keys (tenant_id, …), composite foreign keys between these tables (decision on Citus).
// The references to plans, units and members (still keyed by id alone) are added by the lead.
import { plans } from '../plans/tables';
import { units } from '../units/tables';
import { members } from '../members/tables';
import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { Due } from '../../../domain/plan-import/types';
import type { AttendanceStatus } from '../../../domain/attendance';

export const sessionKinds = ['regular', 'make-up'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionForms = ['in-person', 'online', 'hybrid'] as const;
export type SessionForm = (typeof sessionForms)[number];

/** "đồng chí bí thư chi bộ": the reporter when the secretary names no one (the plan's "Cấp cơ sở"). */
export const DEFAULT_REPORTER = 'Đồng chí Bí thư chi bộ';

export const studySessions = pgTable(
  'study_sessions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    /** The cell, or the grassroots organisation holding one joint session for its whole subtree. */
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').$type<SessionKind>().notNull().default('regular'),
    /** A make-up session (học bù) names the session it makes up. */
    makeUpOfId: uuid('make_up_of_id'),
    /** The plan's deadline for the grassroots level ("Hoàn thành trong tháng 5/2026"); overdue is computed from it. */
    due: jsonb('due').$type<Due | null>(),
    /** "Học tập tại hội nghị cấp phường": the cell takes its attendance from the ward conference. */
    atConference: boolean('at_conference').notNull().default(false),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    place: text('place'),
    form: text('form').$type<SessionForm>().notNull().default('in-person'),
    onlineLink: text('online_link'),
    reporter: text('reporter').notNull().default(DEFAULT_REPORTER),
    /** Non-members reached: đoàn viên, hội viên, Nhân dân (counts). */
    reachedYouth: integer('reached_youth').notNull().default(0),
    reachedAssociation: integer('reached_association').notNull().default(0),
    reachedPublic: integer('reached_public').notNull().default(0),
    notes: text('notes').notNull().default(''),
    opinions: text('opinions').notNull().default(''),
    /** Who chaired the meeting and who kept its minutes: they sign the Biên bản. */
    chairName: text('chair_name').notNull().default(''),
    minutesSecretaryName: text('minutes_secretary_name').notNull().default(''),
    heldOn: date('held_on'),
    /** The Idempotency-Key of the last attendance save: a phone's queued save sent twice is stored once. */
    attendanceKey: text('attendance_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Addresses name a session by id alone (/api/sessions/:id, check-in codes): found without a scan.
    index('study_sessions_id_idx').on(t.id),
    index('study_sessions_plan_idx').on(t.tenantId, t.planId),
    index('study_sessions_unit_idx').on(t.tenantId, t.unitId),
    // "Made up" asks, per member owed, for the plan's make-up sessions: few, while the plan's
    // sessions are one per cell (measured 1.0 of a report creation's 1.4 ms read without it).
    index('study_sessions_make_up_idx').on(t.tenantId, t.planId).where(sql`${t.kind} = 'make-up'`),
    foreignKey({ columns: [t.tenantId, t.makeUpOfId], foreignColumns: [t.tenantId, t.id], name: 'study_sessions_make_up_of_fk' }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'study_sessions_plan_fk' }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id], name: 'study_sessions_unit_fk' }),
  ],
);

export type StudySession = typeof studySessions.$inferSelect;

export const sessionAttendance = pgTable(
  'session_attendance',
  {
    tenantId: uuid('tenant_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    memberId: uuid('member_id').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
    reason: text('reason'),
    /** Set when the member checked in with the rotating QR code. */
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    markedBy: uuid('marked_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId, t.memberId] }),
    index('session_attendance_member_idx').on(t.tenantId, t.memberId),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id], name: 'session_attendance_member_fk' }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [studySessions.tenantId, studySessions.id], name: 'session_attendance_session_fk' }).onDelete('cascade'),
  ],
);

/** A member owed a session of their own cell, sent to another cell's make-up session. */
export const sessionGuests = pgTable(
  'session_guests',
  {
    tenantId: uuid('tenant_id').notNull(),
    sessionId: uuid('session_id').notNull(),
    memberId: uuid('member_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId, t.memberId] }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id], name: 'session_guests_member_fk' }),
    foreignKey({ columns: [t.tenantId, t.sessionId], foreignColumns: [studySessions.tenantId, studySessions.id], name: 'session_guests_session_fk' }).onDelete('cascade'),
  ],
);
