import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { persons } from '../people/tables';

/**
 * A notification to a person: shown in the app (unread until read_at) and, when SMTP is configured
 * and the person has an address, e-mailed after the write commits (email_status says how it went).
 */
export const notifications = pgTable(
  'notifications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** What it is about, stable: "conference.convocation", "task.reminder"… */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** An address inside the app ("/hoi-nghi/…"). */
    link: text('link'),
    /** none: no e-mail to send; pending → sent | failed. */
    emailStatus: text('email_status').$type<'none' | 'pending' | 'sent' | 'failed'>().notNull().default('none'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('notifications_person_idx').on(t.tenantId, t.personId, t.createdAt),
    foreignKey({ name: 'notifications_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
  ],
);

export type Notification = typeof notifications.$inferSelect;
