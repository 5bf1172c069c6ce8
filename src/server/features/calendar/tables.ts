import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { persons } from '../people/tables';
import { now } from '../../clock';

/**
 * A person's private calendar feed: the URL carries a random token, stored here hashed. Rotating the
 * URL revokes the old row and adds a new one; only an unrevoked row answers.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** SHA-256 of the token, base64url. */
    tokenHash: text('token_hash').notNull(),
    personId: uuid('person_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    index('calendar_feeds_person_idx').on(t.tenantId, t.personId),
    foreignKey({ name: 'calendar_feeds_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
  ],
);
