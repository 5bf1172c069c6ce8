// E-mail for notifications, after the write that made them has committed: `deliver(db, ids)` hands the
// pending ones to the job queue (one "email.send" job per notification, retried with exponential
// back-off; the last failure is recorded on the notification as `failed` with its error, and listed to
// administrators). Without the queue (tests that do not ask for it) the same sending runs in-process
// once. Without SMTP_URL the mailer is off and what was marked pending becomes `none`.
//
// A person's choices (notification_preferences): muted, notify() marks nothing pending except
// escalations; daily digest, their pending e-mails wait for the day's digest (digest.ts), except
// escalations, which always go at once.
import { and, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db, DbOrTx } from '../../db/client';
import type { Env } from '../../env';
import type { JobQueue } from '../../jobs/queue';
import { persons } from '../people/tables';
import { notificationPreferences, notifications } from './tables';

export interface MailLog {
  warn(details: object, message: string): void;
}

/** Kinds no one can mute or defer to the digest. */
export const unmutableKinds: readonly string[] = ['task.escalation'];

export const EMAIL_JOB = 'email.send';

export interface EmailJob {
  tenantId: string;
  notificationId: string;
}

export interface Mailer {
  readonly enabled: boolean;
  /** Sends the pending e-mails of these notifications: through the queue when it runs, else in the background. */
  deliver(db: Db, ids: readonly string[]): void;
  /** Resolves when every delivery started so far has been sent or handed to the queue (tests, shutdown). */
  idle(): Promise<void>;
  /** From now on, deliver() enqueues (the queue started, jobs/index.ts). */
  useQueue(queue: JobQueue | null): void;
  /** The job's work: one notification's e-mail. Throws on a failed send (the queue retries); `final` records the failure. */
  sendOne(db: Db, job: EmailJob, final: boolean): Promise<void>;
  /** One e-mail to a person with several notifications (the digest); marks them as sent or failed. */
  sendGrouped(db: Db, to: { tenantId: string; personId: string; ids: string[] }, final: boolean): Promise<void>;
}

/** `id = any($1)`: one parameter however many notifications (a reminder run hands over 100,000; a statement takes at most 65,535 parameters). */
const idIn = (ids: readonly string[]) => sql`${notifications.id} = any(${`{${ids.join(',')}}`}::uuid[])`;

const textOf = (n: { body: string; link: string | null }) => `${n.body}${n.link ? `\n\n${n.link}` : ''}`;

export function createMailer(env: Pick<Env, 'SMTP_URL' | 'SMTP_FROM'>, log: MailLog): Mailer {
  const transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  const running = new Set<Promise<void>>();
  let queue: JobQueue | null = null;

  const mark = (db: DbOrTx, tenantId: string, ids: string[], status: 'sent' | 'failed' | 'pending', error: string | null) =>
    db
      .update(notifications)
      .set({ emailStatus: status, emailError: error })
      .where(and(eq(notifications.tenantId, tenantId), inArray(notifications.id, ids), eq(notifications.emailStatus, 'pending')));

  /** The pending notifications among `ids` that go out one by one now (not deferred to a digest). */
  const sendableNow = async (db: Db, ids: readonly string[]) =>
    db
      .select({ id: notifications.id, tenantId: notifications.tenantId })
      .from(notifications)
      .leftJoin(notificationPreferences, and(eq(notificationPreferences.tenantId, notifications.tenantId), eq(notificationPreferences.personId, notifications.personId)))
      .where(
        and(
          idIn(ids),
          eq(notifications.emailStatus, 'pending'),
          sql`(coalesce(${notificationPreferences.dailyDigest}, false) = false or ${inArray(notifications.kind, [...unmutableKinds])})`,
        ),
      );

  const sendOne: Mailer['sendOne'] = async (db, job, final) => {
    if (!transport) return;
    const [row] = await db
      .select({ n: notifications, email: persons.email, name: persons.fullName })
      .from(notifications)
      .innerJoin(persons, and(eq(persons.tenantId, notifications.tenantId), eq(persons.id, notifications.personId)))
      .where(and(eq(notifications.tenantId, job.tenantId), eq(notifications.id, job.notificationId), eq(notifications.emailStatus, 'pending')));
    if (!row || !row.email) return;
    try {
      await transport.sendMail({ from: env.SMTP_FROM, to: { name: row.name, address: row.email }, subject: row.n.title, text: textOf(row.n) });
    } catch (error) {
      // Before the last attempt it stays pending (with the error seen), so a retry sends it.
      await mark(db, job.tenantId, [job.notificationId], final ? 'failed' : 'pending', String(error));
      throw error;
    }
    await mark(db, job.tenantId, [job.notificationId], 'sent', null);
  };

  const sendGrouped: Mailer['sendGrouped'] = async (db, to, final) => {
    if (!transport || to.ids.length === 0) return;
    const rows = await db
      .select({ n: notifications, email: persons.email, name: persons.fullName })
      .from(notifications)
      .innerJoin(persons, and(eq(persons.tenantId, notifications.tenantId), eq(persons.id, notifications.personId)))
      .where(and(eq(notifications.tenantId, to.tenantId), eq(notifications.personId, to.personId), inArray(notifications.id, to.ids), eq(notifications.emailStatus, 'pending')))
      .orderBy(notifications.createdAt);
    const first = rows[0];
    if (!first?.email) return;
    const ids = rows.map((r) => r.n.id);
    const text = rows.map((r, i) => `${i + 1}. ${r.n.title}\n${textOf(r.n)}`).join('\n\n---\n\n');
    try {
      await transport.sendMail({ from: env.SMTP_FROM, to: { name: first.name, address: first.email }, subject: `Tổng hợp thông báo trong ngày (${rows.length})`, text });
    } catch (error) {
      await mark(db, to.tenantId, ids, final ? 'failed' : 'pending', String(error));
      throw error;
    }
    await mark(db, to.tenantId, ids, 'sent', null);
  };

  const deliverNow = async (db: Db, ids: readonly string[]) => {
    const rows = await sendableNow(db, ids);
    if (queue) {
      await queue.insert<EmailJob>(
        EMAIL_JOB,
        rows.map((r) => ({ data: { tenantId: r.tenantId, notificationId: r.id }, singletonKey: r.id })),
      );
      return;
    }
    // No queue (a test that did not ask for one): one attempt each, in the background.
    for (const r of rows) {
      try {
        await sendOne(db, { tenantId: r.tenantId, notificationId: r.id }, true);
      } catch (error) {
        log.warn({ notificationId: r.id, error: String(error) }, 'notification e-mail failed');
      }
    }
  };

  return {
    enabled: transport !== null,
    useQueue(q) {
      queue = q;
    },
    deliver(db, ids) {
      if (ids.length === 0) return;
      // Off: what was marked pending will never be sent, and says so.
      const work = transport
        ? deliverNow(db, ids)
        : db.update(notifications).set({ emailStatus: 'none' }).where(and(idIn(ids), eq(notifications.emailStatus, 'pending'))).then(() => undefined);
      const job = work.catch((error) => log.warn({ error: String(error) }, 'notification e-mails not sent'));
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async idle() {
      while (running.size) await Promise.all([...running]);
    },
    sendOne,
    sendGrouped,
  };
}
