import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { sql } from 'drizzle-orm';
import { units } from '../units/tables';
import { persons } from '../people/tables';

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

export const members = pgTable(
  'members',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    /** The person this member is (persons); set for every member by the people migration. */
    personId: uuid('person_id').notNull(),
    cellId: uuid('cell_id').notNull(),
    fullName: text('full_name').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    birthDate: date('birth_date'),
    joinedOn: date('joined_on'),
    officialOn: date('official_on'),
    cardNumber: text('card_number'),
    phone: text('phone'),
    email: text('email'),
    /** Miễn sinh hoạt đảng: exempt from party activity (age, health). */
    exempt: boolean('exempt').notNull().default(false),
    /** The day the member left the ward's party organisation (moved away, died, struck off); null while a member. */
    leftOn: date('left_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'members_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ name: 'members_cell_fk', columns: [t.tenantId, t.cellId], foreignColumns: [units.tenantId, units.id] }),
    index('members_id_idx').on(t.id),
    index('members_cell_idx').on(t.cellId),
    // Party card numbers are national: one card, one member. Across communes the lookup table
    // member_cards holds them (decision 017); within one, this index does too.
    uniqueIndex('members_card_number_uq').on(t.tenantId, t.cardNumber),
    // Search without diacritics: trigram index over the unaccented lower-case name (see migration 0000).
    index('members_name_search_idx').using('gin', sql`qt_fold(${t.fullName}) gin_trgm_ops`),
  ],
);

export type Member = typeof members.$inferSelect;

/**
 * What the commune's files call its cells and columns, as the office mapped them on an import
 * ("Chi bộ Tổ dân phố Tràng Đà 1" → the cell "Chi bộ Tràng Đà 1"), offered again on the next import.
 */
export const memberImportMappings = pgTable(
  'member_import_mappings',
  {
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').$type<'cell' | 'column'>().notNull(),
    /** The name as the file writes it, folded (no diacritics, lower case, single spaces). */
    sourceKey: text('source_key').notNull(),
    /** The name as last written, for people. */
    sourceName: text('source_name').notNull(),
    /** A cell's id for kind "cell", a column's name for kind "column"; checked again on every use. */
    target: text('target').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.sourceKey] })],
);

/**
 * Party card numbers are national: one card, one member, whatever the commune. A lookup table keyed
 * by the number (decision 017: on Citus distributed by card_number, not by tenant), written in the
 * same transaction as the member (members/cards.ts). No foreign key: it may not point at a tenant
 * table, which lives on other shards.
 */
export const memberCards = pgTable('member_cards', {
  cardNumber: text('card_number').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  memberId: uuid('member_id').notNull(),
});
