// The job queue for real: pg-boss on the test's database (PGlite, or PostgreSQL with QT_TEST_DB=postgres)
// runs the jobs; e-mail goes to a real SMTP server on 127.0.0.1 and is read back; a server that is down
// is retried with back-off, then recorded as failed and shown to administrators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { buildCell, buildPlan, buildUserWithGrant, findUnit } from '../../../test/support/factories';
import { users } from '../auth/tables';
import { persons } from '../features/people/tables';
import { notificationPreferences, notifications } from '../features/notifications/tables';
import { notify } from '../features/notifications/service';
import { EMAIL_JOB } from '../features/notifications/mailer';
import { planTasks, taskAlerts } from '../features/tasks/tables';
import type { Unit } from '../features/units/tables';
import { DIGEST_JOB, DIGEST_PERSON_JOB, REMINDER_JOB, startJobs } from './index';

interface Received {
  to: string[];
  data: string;
}
let smtp: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const fast = { QT_JOBS: 'true', QT_JOBS_POLL_SECONDS: '0.5', QT_EMAIL_RETRIES: '2', QT_EMAIL_RETRY_SECONDS: '1' };

async function person(t: TestApp, commune: Unit, email: string, prefs?: { muteEmail?: boolean; dailyDigest?: boolean }) {
  const [p] = await t.database.db.insert(persons).values({ tenantId: commune.id, fullName: 'Trần Văn Nhận', email }).returning();
  if (prefs) await t.database.db.insert(notificationPreferences).values({ tenantId: commune.id, personId: p!.id, ...prefs });
  return p!;
}

async function send(t: TestApp, tenantId: string, personIds: string[], kind = 'test.email', title = 'Giấy triệu tập hội nghị') {
  const result = await t.database.db.transaction((tx) => notify(tx, { tenantId, personIds, kind, title, body: 'Mời đồng chí dự hội nghị.', link: '/hoi-nghi/x' }));
  t.app.mailer.deliver(t.database.db, result.ids);
  await t.app.mailer.idle();
  return result;
}

describe('the job queue on the test database', () => {
  it('creates its schema, keeps the schedules, runs a job, and e-mails through the queue to a real SMTP server', async () => {
    const t = await startTestApp({ ...fast, SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      expect(t.app.jobs).not.toBeNull();
      const schedules = await t.app.jobs!.boss.getSchedules();
      expect(schedules.map((s) => [s.name, s.cron, (s as unknown as { timezone: string }).timezone]).sort()).toEqual([
        ['email.digest', '0 7 * * *', 'Asia/Ho_Chi_Minh'],
        ['email.sweep', '*/15 * * * *', 'Asia/Ho_Chi_Minh'],
        ['tasks.reminders', '5 * * * *', 'Asia/Ho_Chi_Minh'],
      ]);
      const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
      const one = await person(t, commune, 'mot@example.vn');
      const before = received.length;
      const { ids } = await send(t, commune.id, [one.id]);
      // Handed to the queue, not sent in-process: a job per notification, keyed by its id.
      const { rows } = await t.database.executeSql(`SELECT singleton_key FROM pgboss.job WHERE name = $1`, [EMAIL_JOB]);
      expect(rows.map((r) => r.singleton_key)).toContain(ids[0]);
      await t.app.jobs!.settled([EMAIL_JOB]);
      const mails = received.slice(before);
      expect(mails.map((m) => m.to)).toEqual([['mot@example.vn']]);
      expect(mails[0]!.data).toContain('/hoi-nghi/x');
      const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, ids[0]!));
      expect(row!.emailStatus).toBe('sent');
    } finally {
      await t.close();
    }
  });

  it('mutes e-mail but never an escalation, and gathers a digest person’s day into one e-mail', async () => {
    const t = await startTestApp({ ...fast, SMTP_URL: `smtp://127.0.0.1:${port}` });
    try {
      const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
      const muted = await person(t, commune, 'tat@example.vn', { muteEmail: true });
      const digest = await person(t, commune, 'tonghop@example.vn', { dailyDigest: true });
      const before = received.length;
      const reminder = await send(t, commune.id, [muted.id, digest.id], 'task.reminder', 'Nhắc việc: còn 3 ngày — Báo cáo');
      const escalation = await send(t, commune.id, [muted.id], 'task.escalation', 'Báo cáo: Chi bộ Thử chưa hoàn thành nhiệm vụ quá hạn 3 ngày');
      await send(t, commune.id, [digest.id], 'conference.convocation', 'Giấy triệu tập hội nghị');
      await t.app.jobs!.settled([EMAIL_JOB]);
      const status = async (ids: string[]) =>
        (await t.database.db.select().from(notifications).where(inArray(notifications.id, ids))).map((n) => `${n.personId === muted.id ? 'muted' : 'digest'} ${n.kind} ${n.emailStatus}`).sort();
      expect(await status([...reminder.ids, ...escalation.ids])).toEqual(['digest task.reminder pending', 'muted task.escalation sent', 'muted task.reminder none']);
      expect(received.slice(before).map((m) => m.to[0])).toEqual(['tat@example.vn']);

      // The day's digest: one e-mail with both, then nothing pending; a second digest run adds nothing.
      await t.app.jobs!.send(DIGEST_JOB, {});
      await t.app.jobs!.settled([DIGEST_JOB, DIGEST_PERSON_JOB]);
      const digests = received.slice(before).filter((m) => m.to[0] === 'tonghop@example.vn');
      expect(digests).toHaveLength(1);
      const pending = await t.database.db.select().from(notifications).where(and(eq(notifications.personId, digest.id), eq(notifications.emailStatus, 'pending')));
      expect(pending).toHaveLength(0);
      await t.app.jobs!.send(DIGEST_JOB, {});
      await t.app.jobs!.settled([DIGEST_JOB, DIGEST_PERSON_JOB]);
      expect(received.slice(before).filter((m) => m.to[0] === 'tonghop@example.vn')).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('retries an SMTP server that is down with back-off, then records the failure for administrators; nothing else breaks', async () => {
    const t = await startTestApp({ ...fast, SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
      const p = await person(t, commune, 'hong@example.vn');
      const { ids } = await send(t, commune.id, [p.id]);
      await t.app.jobs!.settled([EMAIL_JOB]);
      const { rows } = await t.database.executeSql(`SELECT state, retry_count FROM pgboss.job WHERE name = $1 AND singleton_key = $2`, [EMAIL_JOB, ids[0]]);
      expect(rows).toEqual([{ state: 'failed', retry_count: 2 }]);
      const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, ids[0]!));
      expect(row).toMatchObject({ emailStatus: 'failed', readAt: null, title: 'Giấy triệu tập hội nghị' });
      expect(row!.emailError).toMatch(/ECONNREFUSED/u);

      const admin = await t.signIn('admin');
      const res = await admin.inject({ url: '/api/admin/jobs/failures' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.emails.map((e: { id: string }) => e.id)).toContain(ids[0]);
      expect(body.queues).toContainEqual({ queue: EMAIL_JOB, failed: 1 });
      for (const username of ['vanphong', 'banxaydung', 'thuongtruc', 'ubnd', 'bithu', 'dangvien', 'tinhuy']) {
        const other = await t.signIn(username);
        expect((await other.inject({ url: '/api/admin/jobs/failures' })).statusCode).toBe(403);
      }
      // The app still answers, and the person reads the notification.
      expect((await admin.inject({ url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('runs the reminder job; a restarted queue on the same database sends nothing twice', async () => {
    const t = await startTestApp({ ...fast });
    try {
      const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
      const cell = await buildCell(t.database, commune, 'Chi bộ Thử Hàng Đợi');
      const { user } = await buildUserWithGrant(t.database, { role: 'cellSecretary', unit: cell });
      const secretary = await person(t, commune, 'bithu-thu@example.vn');
      await t.database.db.update(users).set({ personId: secretary.id }).where(and(eq(users.tenantId, commune.id), eq(users.id, user.id)));
      const { plan } = await buildPlan(t.database, commune);
      // Due in two days from the real clock: owed its "before-3" stage now.
      const [task] = await t.database.db
        .insert(planTasks)
        .values({ tenantId: commune.id, planId: plan.id, assigneeUnitId: cell.id, assigneeLabel: cell.name, text: 'Báo cáo kết quả', dueAt: new Date(Date.now() + 2 * 86_400_000) })
        .returning();
      await t.app.jobs!.send(REMINDER_JOB, {});
      await t.app.jobs!.settled([REMINDER_JOB]);
      const mine = () => t.database.db.select().from(notifications).where(eq(notifications.personId, secretary.id));
      expect((await mine()).map((n) => n.title)).toEqual([expect.stringMatching(/^Nhắc việc: còn [12] ngày — Báo cáo kết quả$/u)]);

      // Restart: the app's queue stops, a new one starts on the same database (schema already there).
      await t.app.jobs!.stop();
      const again = await startJobs(t.database, t.env, t.app.mailer, t.app.log, { schedule: false });
      try {
        await again.send(REMINDER_JOB, {});
        await again.settled([REMINDER_JOB]);
      } finally {
        await again.stop();
      }
      expect(await mine()).toHaveLength(1);
      expect(await t.database.db.select().from(taskAlerts).where(eq(taskAlerts.taskId, task!.id))).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
