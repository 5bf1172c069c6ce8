import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../clock';
import { units } from '../features/units/tables';
import { members } from '../features/members/tables';

export const roles = [
  'admin', // Quản trị hệ thống
  'wardStaff', // Văn phòng Đảng ủy / Ban xây dựng Đảng
  'wardLeader', // Thường trực, Ban Thường vụ
  'unitOfficer', // cán bộ một cơ quan, đoàn thể
  'cellSecretary', // Bí thư chi bộ
  'member', // Đảng viên
  'provinceViewer', // Tỉnh ủy (Ban Tuyên giáo và Dân vận)
] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The commune the account belongs to; null for province-level accounts. */
    tenantId: uuid('tenant_id'),
    /** Stored lower-case; unique. */
    username: text('username').notNull(),
    /** scrypt hash; null means the account cannot sign in until a password is set. */
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    memberId: uuid('member_id').references(() => members.id),
    /** The person who holds the account (persons), when known. */
    personId: uuid('person_id'),
    /** Set when the account was opened or reset with a one-time code: a new password is due first. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

/** A role granted on an organisation unit is valid on that unit and everything below it. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [index('role_grants_user_idx').on(t.userId)],
);

/** Server-side sessions, so app servers keep no state of their own. The id is a hash of the cookie. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
