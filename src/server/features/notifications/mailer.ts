// E-mail for notifications, after the write that made them has committed: `deliver(db, ids)` sends
// the pending ones in the background and records sent/failed on each. A failure is logged and never
// touches the notification itself. Without SMTP_URL the mailer is off and notify marks nothing pending.
import { and, eq, inArray } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client';
import type { Env } from '../../env';
import { persons } from '../people/tables';
import { notifications } from './tables';

export interface MailLog {
  warn(details: object, message: string): void;
}

export interface Mailer {
  readonly enabled: boolean;
  /** Sends the pending e-mails of these notifications, in the background. */
  deliver(db: Db, ids: readonly string[]): void;
  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

export function createMailer(env: Pick<Env, 'SMTP_URL' | 'SMTP_FROM'>, log: MailLog): Mailer {
  const transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;
  const running = new Set<Promise<void>>();
  const send = async (db: Db, ids: readonly string[]) => {
    if (!transport || ids.length === 0) return;
    const rows = await db
      .select({ n: notifications, email: persons.email, name: persons.fullName })
      .from(notifications)
      .innerJoin(persons, and(eq(persons.tenantId, notifications.tenantId), eq(persons.id, notifications.personId)))
      .where(and(inArray(notifications.id, [...ids]), eq(notifications.emailStatus, 'pending')));
    for (const { n, email, name } of rows) {
      let status: 'sent' | 'failed' = 'sent';
      try {
        await transport.sendMail({ from: env.SMTP_FROM, to: { name, address: email! }, subject: n.title, text: `${n.body}${n.link ? `\n\n${n.link}` : ''}` });
      } catch (error) {
        status = 'failed';
        log.warn({ notificationId: n.id, error: String(error) }, 'notification e-mail failed');
      }
      await db.update(notifications).set({ emailStatus: status }).where(and(eq(notifications.tenantId, n.tenantId), eq(notifications.id, n.id)));
    }
  };
  return {
    enabled: transport !== null,
    deliver(db, ids) {
      if (ids.length === 0) return;
      // Off: what was marked pending will never be sent, and says so.
      const work = transport
        ? send(db, ids)
        : db.update(notifications).set({ emailStatus: 'none' }).where(and(inArray(notifications.id, [...ids]), eq(notifications.emailStatus, 'pending'))).then(() => undefined);
      const job = work.catch((error) => log.warn({ error: String(error) }, 'notification e-mails not sent'));
      running.add(job);
      void job.finally(() => running.delete(job));
    },
    async idle() {
      while (running.size) await Promise.all([...running]);
    },
  };
}
