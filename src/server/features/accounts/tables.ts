import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { users } from '../../auth/tables';

/**
 * One-time codes (mã dùng một lần) issued to an account: on creation, on a reset, in bulk onboarding.
 * Only a hash is kept (decision 016); a code signs in once, within 7 days, and then a new password
 * is due. Issuing a new code deletes the account's unused ones. `tenant_id` is the account's tenant
 * (decision 017: its commune, or its province for a province account).
 */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    /** base64url SHA-256 of "<user id>:<normalised code>". */
    codeHash: text('code_hash').notNull(),
    issuedBy: uuid('issued_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'one_time_codes_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
    index('one_time_codes_user_idx').on(t.tenantId, t.userId),
  ],
);

export type OneTimeCode = typeof oneTimeCodes.$inferSelect;
