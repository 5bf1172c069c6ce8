import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
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
  ],
);

export type Person = typeof persons.$inferSelect;
export type PositionKind = typeof positionKinds.$inferSelect;
export type Position = typeof positions.$inferSelect;
