import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../clock';

/**
 * Secrets the server generates for itself on first start (the check-in signing key when
 * QT_CHECK_IN_SECRET is unset). Not a tenant table: one row per name for the whole installation.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});
