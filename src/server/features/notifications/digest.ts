// The daily digest (a person's choice, notification_preferences.daily_digest): their pending e-mails
// are not sent one by one (mailer.ts leaves them pending) but gathered here, once a day, into one
// e-mail per person. The digest job enqueues one "email.digest.person" job per person and day
// (singleton key person + day: a second digest run the same day adds nothing), retried like any e-mail.
// The sweep finds pending e-mails that were never handed to the queue (a crash between the commit and
// the enqueue) and hands them over; the queue's singleton key keeps one job per notification.
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { todayInVietnam } from '../../../domain/dates';
import { notificationPreferences, notifications } from './tables';
import { unmutableKinds } from './mailer';

export interface DigestJob {
  tenantId: string;
  personId: string;
  /** The notifications it gathers, fixed when enqueued (later ones wait for tomorrow's). */
  ids: string[];
}

/** Every digest person's pending e-mails, one group per person. */
export async function pendingDigests(db: Db, at: Date): Promise<(DigestJob & { key: string })[]> {
  const rows = await db
    .select({ tenantId: notifications.tenantId, personId: notifications.personId, id: notifications.id })
    .from(notifications)
    .innerJoin(notificationPreferences, and(eq(notificationPreferences.tenantId, notifications.tenantId), eq(notificationPreferences.personId, notifications.personId)))
    .where(and(eq(notifications.emailStatus, 'pending'), eq(notificationPreferences.dailyDigest, true)))
    .orderBy(notifications.tenantId, notifications.personId, notifications.createdAt);
  const day = todayInVietnam(at);
  const groups = new Map<string, DigestJob & { key: string }>();
  for (const r of rows) {
    const key = `${r.tenantId}:${r.personId}:${day}`;
    const group = groups.get(key) ?? { key, tenantId: r.tenantId, personId: r.personId, ids: [] };
    group.ids.push(r.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Pending e-mails older than `olderThan` that go out one by one (not a digest person's, or an escalation). */
export async function strayPendingEmails(db: Db, olderThan: Date) {
  return db
    .select({ tenantId: notifications.tenantId, id: notifications.id })
    .from(notifications)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.tenantId, notifications.tenantId), eq(notificationPreferences.personId, notifications.personId)))
    .where(
      and(
        eq(notifications.emailStatus, 'pending'),
        lt(notifications.createdAt, olderThan),
        sql`(coalesce(${notificationPreferences.dailyDigest}, false) = false or ${notifications.kind} in (${sql.join(unmutableKinds.map((k) => sql`${k}`), sql`, `)}))`,
      ),
    )
    .limit(5000);
}
