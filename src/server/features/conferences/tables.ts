import { sql } from 'drizzle-orm';
import { plans } from '../plans/tables';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import type { AttendanceStatus } from '../../../domain/attendance';
import { persons } from '../people/tables';

export const conferenceForms = ['in-person', 'online', 'both'] as const;
export type ConferenceForm = (typeof conferenceForms)[number];

export const conferenceStatuses = ['draft', 'convened', 'held'] as const;
export type ConferenceStatus = (typeof conferenceStatuses)[number];

/**
 * A ward-level conference (hội nghị cấp phường) of an issued plan: section III's "Cấp phường" made
 * concrete. A plan may hold more than one (a second conference for those who missed the first).
 * `plan_id` names plans(id); the composite FK waits for plans' (tenant_id, id) key (citus round).
 */
export const conferences = pgTable(
  'conferences',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    title: text('title').notNull(),
    /** The moment fixed for it; null while only the plan's window is known. */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** The plan's words for when ("Dự kiến trong tháng 5/2026"), shown until scheduledAt is fixed. */
    windowPhrase: text('window_phrase'),
    venue: text('venue').notNull().default(''),
    form: text('form').$type<ConferenceForm>().notNull().default('in-person'),
    onlineLink: text('online_link'),
    /** The reporter as a person, when chosen; `reporterText` keeps the plan's words ("Thường trực Đảng ủy"). */
    reporterPersonId: uuid('reporter_person_id'),
    reporterText: text('reporter_text'),
    /** The plan's "Thành phần" text, printed on the convocation. */
    participantsText: text('participants_text'),
    status: text('status').$type<ConferenceStatus>().notNull().default('draft'),
    /** The convocation's number in the register ("Số 3-GTT/ĐU"), given on the first send. */
    convocationNumber: integer('convocation_number'),
    convocationSymbol: text('convocation_symbol'),
    convenedOn: date('convened_on'),
    heldOn: date('held_on'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('conferences_plan_idx').on(t.tenantId, t.planId),
    foreignKey({ name: 'conferences_plan_fk', columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }),
    foreignKey({ name: 'conferences_reporter_person_fk', columns: [t.tenantId, t.reporterPersonId], foreignColumns: [persons.tenantId, persons.id] }),
  ],
);

/**
 * A participant group (thành phần) as data: the holders of position kinds (in the subtrees of
 * `unit_ids`, or the whole commune when empty), or every member of the units `unit_ids`.
 */
export const participantGroups = pgTable(
  'participant_groups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    conferenceId: uuid('conference_id').notNull(),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    kind: text('kind').$type<'positions' | 'unitMembers'>().notNull(),
    positionKinds: text('position_kinds').array().notNull().default(sql`'{}'::text[]`),
    unitIds: uuid('unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('participant_groups_conference_idx').on(t.tenantId, t.conferenceId),
    foreignKey({ name: 'participant_groups_conference_fk', columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }).onDelete('cascade'),
  ],
);

/**
 * The resolved list: one row per person, with why they are on it (their group, or added by hand).
 * `removed` keeps a hand removal so a re-resolution does not bring the person back. `sent_at` is when
 * their convocation went out: a second send notifies only rows still without it.
 */
export const conferenceParticipants = pgTable(
  'conference_participants',
  {
    tenantId: uuid('tenant_id').notNull(),
    conferenceId: uuid('conference_id').notNull(),
    personId: uuid('person_id').notNull(),
    groupId: uuid('group_id'),
    /** "Bí thư Chi bộ Tràng Đà 1", "Đảng viên Chi bộ Quân sự phường": the sign-in sheet's "Chức vụ / đơn vị". */
    roleLabel: text('role_label').notNull().default(''),
    manual: text('manual').$type<'added' | 'removed'>(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.conferenceId, t.personId] }),
    foreignKey({ name: 'conference_participants_conference_fk', columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }).onDelete('cascade'),
    foreignKey({ name: 'conference_participants_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
  ],
);

/** Attendance at the conference, per person. */
export const conferenceAttendance = pgTable(
  'conference_attendance',
  {
    tenantId: uuid('tenant_id').notNull(),
    conferenceId: uuid('conference_id').notNull(),
    personId: uuid('person_id').notNull(),
    status: text('status').$type<AttendanceStatus>().notNull(),
    reason: text('reason'),
    markedBy: uuid('marked_by'),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.conferenceId, t.personId] }),
    // A person's marks across conferences ("made up" at the plan's conference, their yearly record,
    // their data's export and erasure): without it each lookup scanned every conference's marks.
    index('conference_attendance_person_idx').on(t.tenantId, t.personId),
    foreignKey({ name: 'conference_attendance_conference_fk', columns: [t.tenantId, t.conferenceId], foreignColumns: [conferences.tenantId, conferences.id] }).onDelete('cascade'),
    foreignKey({ name: 'conference_attendance_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
  ],
);

export type Conference = typeof conferences.$inferSelect;
export type ParticipantGroup = typeof participantGroups.$inferSelect;
export type ConferenceParticipant = typeof conferenceParticipants.$inferSelect;
