import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../clock';
import { units } from '../features/units/tables';
import { members } from '../features/members/tables';
import { persons } from '../features/people/tables';

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
    id: uuid('id').notNull().defaultRandom(),
    /** The tenant the account belongs to: its commune, or its province for province accounts (decision 017). */
    tenantId: uuid('tenant_id').notNull(),
    /** Stored lower-case; unique across tenants through the lookup table `usernames`. */
    username: text('username').notNull(),
    /** scrypt hash; null means the account cannot sign in until a password is set. */
    passwordHash: text('password_hash'),
    displayName: text('display_name').notNull(),
    /** The member this account is, in the same tenant. */
    memberId: uuid('member_id'),
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
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'users_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
    foreignKey({ name: 'users_member_fk', columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id] }),
    index('users_id_idx').on(t.id),
    uniqueIndex('users_username_uq').on(t.tenantId, t.username),
  ],
);

/**
 * Usernames are unique across tenants, and signing in starts from one: a lookup table keyed by the
 * name (decision 017: on Citus distributed by username), written with the account (auth/accounts.ts).
 * No foreign key to users: it may not point at a tenant table.
 */
export const usernames = pgTable('usernames', {
  username: text('username').primaryKey(),
  tenantId: uuid('tenant_id').notNull(),
  userId: uuid('user_id').notNull(),
});

/** A role granted on an organisation unit is valid on that unit and everything below it. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').notNull().defaultRandom(),
    /** The account's tenant: a role is granted on a unit of the account's own tenant. */
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'role_grants_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    foreignKey({ name: 'role_grants_unit_fk', columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id] }),
    index('role_grants_user_idx').on(t.tenantId, t.userId),
  ],
);

/**
 * Server-side sessions, so app servers keep no state of their own. The id is a hash of the cookie's
 * token; the cookie also names the tenant, so a request finds its session on one shard (decision 017).
 */
export const sessions = pgTable(
  'sessions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'sessions_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('sessions_user_idx').on(t.tenantId, t.userId),
  ],
);

export type User = typeof users.$inferSelect;
