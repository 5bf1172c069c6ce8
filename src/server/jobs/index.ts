// What runs on the queue (decision 021), started with the app (app.ts) and stopped before it closes:
//   email.send           one notification's e-mail; retried with exponential back-off, `failed` after the last try
//   email.sweep          every 15 minutes: pending e-mails never handed to the queue (a crash after a commit)
//   email.digest         every day at 07:00 (Hà Nội): one email.digest.person job per digest person
//   email.digest.person  one person's day of e-mails in one, retried like email.send
//   tasks.reminders      every hour at :05 (Hà Nội): reminders and escalations (features/tasks/reminders.ts)
//   backup.daily         QT_BACKUP_CRON (02:30 Hà Nội): a backup into QT_BACKUP_DIR, the newest QT_BACKUP_KEEP kept
//                        (backup/backup.ts); not scheduled when QT_BACKUP_KEEP=0
import type { Database } from '../db/client';
import type { Env } from '../env';
import { now } from '../clock';
import { EMAIL_JOB, type EmailJob, type Mailer } from '../features/notifications/mailer';
import { pendingDigests, strayPendingEmails, type DigestJob } from '../features/notifications/digest';
import { runReminders } from '../features/tasks/reminders';
import { scheduledBackup } from '../backup/backup';
import { startJobQueue, type JobDefinition, type JobQueue, type QueueLog } from './queue';

export const REMINDER_JOB = 'tasks.reminders';
export const DIGEST_JOB = 'email.digest';
export const DIGEST_PERSON_JOB = 'email.digest.person';
export const SWEEP_JOB = 'email.sweep';
export const BACKUP_JOB = 'backup.daily';

export function jobDefinitions(database: Database, env: Env, mailer: Mailer, log: QueueLog): JobDefinition<never>[] {
  const db = database.db;
  const emailRetries = { retryLimit: env.QT_EMAIL_RETRIES, retryDelay: env.QT_EMAIL_RETRY_SECONDS, retryBackoff: true };
  const defs = [
    {
      name: EMAIL_JOB,
      // stately: one waiting and one running job per notification (singleton key = its id).
      queue: { policy: 'stately', ...emailRetries },
      work: (data: EmailJob, { final }) => mailer.sendOne(db, data, final),
    } satisfies JobDefinition<EmailJob>,
    {
      name: DIGEST_PERSON_JOB,
      queue: { policy: 'stately', ...emailRetries },
      work: (data: DigestJob, { final }) => mailer.sendGrouped(db, data, final),
    } satisfies JobDefinition<DigestJob>,
    {
      name: DIGEST_JOB,
      queue: { policy: 'singleton', retryLimit: 2, retryDelay: 60 },
      cron: '0 7 * * *',
      work: async () => {
        if (!mailer.enabled) return;
        const digests = await pendingDigests(db, now());
        await queue().insert<DigestJob>(DIGEST_PERSON_JOB, digests.map(({ key, ...data }) => ({ data, singletonKey: key })));
      },
    } satisfies JobDefinition,
    {
      name: SWEEP_JOB,
      queue: { policy: 'singleton', retryLimit: 0 },
      cron: '*/15 * * * *',
      work: async () => {
        if (!mailer.enabled) return;
        const stray = await strayPendingEmails(db, new Date(now().getTime() - 10 * 60 * 1000));
        await queue().insert<EmailJob>(EMAIL_JOB, stray.map((r) => ({ data: { tenantId: r.tenantId, notificationId: r.id }, singletonKey: r.id })));
      },
    } satisfies JobDefinition,
    {
      name: REMINDER_JOB,
      // singleton: never two runs at once, whatever the number of servers.
      queue: { policy: 'singleton', retryLimit: 3, retryDelay: 120 },
      cron: '5 * * * *',
      work: async () => {
        const result = await runReminders(db);
        mailer.deliver(db, result.notificationIds);
        await mailer.idle();
      },
    } satisfies JobDefinition,
    {
      name: BACKUP_JOB,
      // singleton: one backup at a time across every server; a failed one is tried again twice.
      queue: { policy: 'singleton', retryLimit: 2, retryDelay: 600 },
      ...(env.QT_BACKUP_KEEP > 0 ? { cron: env.QT_BACKUP_CRON } : {}),
      work: async () => {
        const { file, removed } = await scheduledBackup(env.QT_BACKUP_DIR, Math.max(1, env.QT_BACKUP_KEEP), { database, filesDir: env.QT_FILES_DIR });
        log.info?.({ job: BACKUP_JOB, file, removed: removed.length }, 'backup written');
      },
    } satisfies JobDefinition,
  ];
  let started: JobQueue | null = null;
  const queue = () => {
    if (!started) throw new Error('job queue not started');
    return started;
  };
  return Object.assign(defs as JobDefinition<never>[], {
    bind(q: JobQueue) {
      started = q;
    },
  });
}

/** Starts the queue with every job, and routes the mailer through it. */
export async function startJobs(database: Database, env: Env, mailer: Mailer, log: QueueLog, options: { schedule?: boolean } = {}): Promise<JobQueue> {
  const defs = jobDefinitions(database, env, mailer, log) as JobDefinition<never>[] & { bind(q: JobQueue): void };
  const queue = await startJobQueue(database, defs, { pollingIntervalSeconds: env.QT_JOBS_POLL_SECONDS, schedule: options.schedule ?? true }, log);
  defs.bind(queue);
  mailer.useQueue(queue);
  return {
    ...queue,
    async stop() {
      mailer.useQueue(null);
      await queue.stop();
    },
  };
}
