import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from '../units/tables';
import { members } from '../members/tables';
import { now } from '../../clock';

/**
 * A person the ward deals with: every member is one (members.person_id), and so are the heads of
 * residential groups, agency staff and mass-organisation officers who are not members, so that
 * participants, reporters and recipients resolve to real people (PRODUCT.md §7 "người").
 */
export const persons = pgTable(
  'persons',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fullName: text('full_name').notNull(),
    gender: text('gender').$type<'male' | 'female'>(),
    birthDate: date('birth_date'),
    phone: text('phone'),
    email: text('email'),
    /** Where a non-member works or lives, in words ("Hội Cựu chiến binh phường"). */
    note: text('note'),
    /** When the person's data was erased (Nghị định 13/2023/NĐ-CP): name pseudonymised, contacts cleared (decision 028). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Search without diacritics, like members (qt_fold, migration 0000).
    index('persons_name_search_idx').using('gin', sql`qt_fold(${t.fullName}) gin_trgm_ops`),
  ],
);

/**
 * Kinds of position (chức vụ) a commune uses. Each commune gets the standard list when it is
 * created and an administrator extends it; `code` is stable (e.g. "cellSecretary"), `name` is shown.
 */
export const positionKinds = pgTable(
  'position_kinds',
  {
    tenantId: uuid('tenant_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The unit kinds this position is held in ("cell" for Bí thư chi bộ); empty means any. */
    unitKinds: text('unit_kinds').array().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.code] })],
);

/** A person holds a position in a unit for a term [fromOn, toOn]; toOn null = still holds it. */
export const positions = pgTable(
  'positions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kindCode: text('kind_code').notNull(),
    unitId: uuid('unit_id').notNull(),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('positions_unit_idx').on(t.tenantId, t.unitId),
    index('positions_person_idx').on(t.tenantId, t.personId),
    foreignKey({ name: 'positions_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ name: 'positions_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    foreignKey({ name: 'positions_kind_fk', columns: [t.tenantId, t.kindCode], foreignColumns: [positionKinds.tenantId, positionKinds.code] }),
  ],
);

/** What happens to a membership (PRODUCT.md §7 "sinh hoạt đảng"); see domain/membership.ts. */
export const membershipEventKinds = ['joined', 'transferIn', 'transferWithin', 'transferOut', 'exemption', 'left'] as const;
export type MembershipEventKind = (typeof membershipEventKinds)[number];
export const leaveReasons = ['moved', 'died', 'struckOff'] as const;
export type LeaveReason = (typeof leaveReasons)[number];

/**
 * A member's history, one row per event, dated (`on`, the day it takes effect). The member's cell
 * as of a day is the cell of their last joined/transfer/left event on or before it; an exemption
 * is one row covering [on, toOn] (toOn null = open). members.cell_id/exempt/left_on hold today's
 * state, written in the same transaction as the event.
 */
export const membershipEvents = pgTable(
  'membership_events',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    kind: text('kind').$type<MembershipEventKind>().notNull(),
    on: date('effective_on').notNull(),
    /** Exemption: its last day; null while open. A placing event: the day before the next one (kept by closePlacements), null while current. */
    toOn: date('to_on'),
    /** The cell the member belongs to from `on` (joined, transferIn, transferWithin). */
    cellId: uuid('cell_id'),
    /** transferWithin: the cell left. */
    fromCellId: uuid('from_cell_id'),
    /** transferIn: the ward they came from; transferOut: the ward they went to. */
    otherWard: text('other_ward'),
    /** Exemption: why (age, health…); left: moved | died | struckOff. */
    reason: text('reason'),
    note: text('note'),
    /** The account that recorded it; null for migrations and the demo seed. */
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('membership_events_member_idx').on(t.tenantId, t.memberId, t.on),
    index('membership_events_cell_idx').on(t.tenantId, t.cellId),
    foreignKey({ name: 'membership_events_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    foreignKey({ name: 'membership_events_cell_fk', columns: [t.tenantId, t.cellId], foreignColumns: [units.tenantId, units.id] }),
  ],
);

export type Person = typeof persons.$inferSelect;
export type MembershipEvent = typeof membershipEvents.$inferSelect;
export type PositionKind = typeof positionKinds.$inferSelect;
export type Position = typeof positions.$inferSelect;
