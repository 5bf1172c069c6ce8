import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** The last delivery error (after the queue's last retry when failed), for administrators. */
    emailError: text('email_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('notifications_person_idx').on(t.tenantId, t.personId, t.createdAt),
    // The e-mail sweep and the daily digest: what is still to send.
    index('notifications_email_pending_idx').on(t.tenantId, t.personId).where(sql`email_status = 'pending'`),
    foreignKey({ name: 'notifications_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }),
  ],
);

export type Notification = typeof notifications.$inferSelect;

/**
 * A person's e-mail choices (no row: every e-mail, one by one). Muting stops every notification e-mail
 * except escalations; the daily digest gathers the day's e-mails into one (features/notifications/digest.ts).
 */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: uuid('tenant_id').notNull(),
    personId: uuid('person_id').notNull(),
    muteEmail: boolean('mute_email').notNull().default(false),
    dailyDigest: boolean('daily_digest').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    foreignKey({ name: 'notification_preferences_person_fk', columns: [t.tenantId, t.personId], foreignColumns: [persons.tenantId, persons.id] }).onDelete('cascade'),
  ],
);

export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
