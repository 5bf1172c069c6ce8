// Reminders and escalation over a simulated month: the run called at fixed moments (a fake clock
// through its `at`), the exact notifications each person receives, none twice across reruns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { buildCell, buildPlan, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { users } from '../../auth/tables';
import { persons } from '../people/tables';
import { units, type Unit } from '../units/tables';
import { plans } from '../plans/tables';
import { notifications } from '../notifications/tables';
import { dueMoment } from '../../../domain/due-moment';
import { alertBody, alertTitle, alertsDue, lastDayOf } from '../../../domain/reminders';
import { countStatements } from '../../../../test/support/statements';
import { runReminders } from './reminders';
import { planTasks, taskAlerts, taskReminderSettings } from './tables';

let t: TestApp;
let commune: Unit;
let province: Unit;
let cell: Unit;
let planId: string;
const db = () => t.database.db;

/** An account with `role` on `unit` that stands for a person with an address. */
async function personWithRole(role: Parameters<typeof buildUserWithGrant>[1]['role'], unit: Unit, fullName: string) {
  const { user } = await buildUserWithGrant(t.database, { role, unit });
  const [person] = await db().insert(persons).values({ tenantId: unit.tenantId, fullName, email: `${user.username}@example.vn` }).returning();
  await db().update(users).set({ personId: person!.id }).where(and(eq(users.tenantId, unit.tenantId), eq(users.id, user.id)));
  return person!;
}

async function task(unit: Unit, text: string, due: { phrase: string; kind: 'before' | 'on'; date: string }) {
  const [row] = await db()
    .insert(planTasks)
    .values({ tenantId: commune.id, planId, assigneeUnitId: unit.id, assigneeLabel: unit.name, text, due, dueAt: dueMoment(due) })
    .returning();
  return row!;
}

const inbox = async (personIds: string[]) =>
  db().select({ personId: notifications.personId, title: notifications.title, kind: notifications.kind, createdAt: notifications.createdAt }).from(notifications).where(inArray(notifications.personId, personIds)).orderBy(notifications.createdAt, notifications.title);

/** The days of the simulation, in Hà Nội. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) out.push(d.toISOString().slice(0, 10));
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
  [province] = await db().select().from(units).where(eq(units.kind, 'province'));
  cell = await buildCell(t.database, commune, 'Chi bộ Thử Nhắc Việc');
  planId = (await buildPlan(t.database, commune)).plan.id;
});
afterAll(() => t?.close());

describe('the reminder run over a month', () => {
  it('tells the cell, then the ward staff, with the exact words, each once, across reruns and a restart', async () => {
    const secretary = await personWithRole('cellSecretary', cell, 'Nông Thị Bí Thư');
    const staff = await personWithRole('wardStaff', commune, 'Hoàng Văn Xây Dựng');
    const plainMember = await personWithRole('member', cell, 'Đảng Viên Thường');
    const reported = await task(cell, 'Tổng hợp, báo cáo kết quả học tập', { phrase: 'trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' });
    const ids = [secretary.id, staff.id, plainMember.id];

    const sent: string[] = [];
    for (const day of days('2026-05-20', '2026-06-19')) {
      // Every 6 hours of the day (the hourly job, thinned): a stage is sent at its first run, never again.
      for (const hour of ['00:30', '08:00', '14:00', '20:00']) {
        const before = (await inbox(ids)).length;
        await runReminders(db(), { at: new Date(`${day}T${hour}:00+07:00`) });
        const fresh = (await inbox(ids)).slice(before);
        for (const n of fresh) sent.push(`${day} ${hour} ${n.personId === secretary.id ? 'bí thư' : n.personId === staff.id ? 'ban xây dựng' : 'đảng viên'}: ${n.title}`);
      }
    }
    expect(sent).toEqual([
      '2026-05-28 00:30 bí thư: Nhắc việc: còn 7 ngày — Tổng hợp, báo cáo kết quả học tập',
      '2026-06-01 00:30 bí thư: Nhắc việc: còn 3 ngày — Tổng hợp, báo cáo kết quả học tập',
      '2026-06-03 00:30 bí thư: Nhắc việc: còn 1 ngày — Tổng hợp, báo cáo kết quả học tập',
      '2026-06-04 00:30 bí thư: Nhắc việc: hôm nay là hạn cuối — Tổng hợp, báo cáo kết quả học tập',
      '2026-06-07 00:30 ban xây dựng: Báo cáo: Chi bộ Thử Nhắc Việc chưa hoàn thành nhiệm vụ quá hạn 3 ngày',
      '2026-06-07 00:30 bí thư: Quá hạn 3 ngày: Tổng hợp, báo cáo kết quả học tập',
      '2026-06-10 00:30 bí thư: Quá hạn 6 ngày: Tổng hợp, báo cáo kết quả học tập',
      '2026-06-13 00:30 bí thư: Quá hạn 9 ngày: Tổng hợp, báo cáo kết quả học tập',
      '2026-06-16 00:30 bí thư: Quá hạn 12 ngày: Tổng hợp, báo cáo kết quả học tập',
      '2026-06-19 00:30 bí thư: Quá hạn 15 ngày: Tổng hợp, báo cáo kết quả học tập',
    ]);
    const [escalation] = (await db().select().from(notifications).where(eq(notifications.personId, staff.id)));
    expect(escalation!.kind).toBe('task.escalation');
    expect(escalation!.body).toContain('Chi bộ Thử Nhắc Việc chưa hoàn thành nhiệm vụ đã quá hạn 3 ngày (hạn 04/06/2026).');
    expect(escalation!.emailStatus).toBe('pending');

    // A restart: the same moments again (a new run, as a second server or after a crash would) send nothing.
    const total = (await inbox(ids)).length;
    for (const day of ['2026-06-07', '2026-06-19']) {
      const again = await runReminders(db(), { at: new Date(`${day}T08:00:00+07:00`) });
      expect(again.decided).toBe(0);
    }
    expect((await inbox(ids)).length).toBe(total);
    // (The demo's own tasks have their alerts too, seed/reminders.ts: this task's are looked at.)
    const alerts = await db().select().from(taskAlerts).where(and(eq(taskAlerts.tenantId, commune.id), eq(taskAlerts.taskId, reported.id)));
    expect(alerts.filter((a) => a.slot === 'escalation')).toHaveLength(1);
    expect(alerts.find((a) => a.slot === 'before-7')!.recipients).toBe(1);
  }, 90_000); // 124 runs over the demo commune's tasks: room for a loaded machine

  it('stops when the task is done, and follows the commune’s own offsets', async () => {
    await db().insert(taskReminderSettings).values({ tenantId: commune.id, beforeDays: [2], overdueEveryDays: 0, escalationAfterDays: 1 });
    const officer = await personWithRole('cellSecretary', cell, 'Bí Thư Hai');
    const done = await task(cell, 'Việc đã xong', { phrase: 'ngày 10/7/2026', kind: 'on', date: '2026-07-10' });
    await db().update(planTasks).set({ status: 'done', completedOn: '2026-07-01' }).where(and(eq(planTasks.tenantId, commune.id), eq(planTasks.id, done.id)));
    await task(cell, 'Việc còn mở', { phrase: 'ngày 10/7/2026', kind: 'on', date: '2026-07-10' });
    const seen: string[] = [];
    for (const day of days('2026-07-01', '2026-07-14')) {
      const before = (await inbox([officer.id])).length;
      await runReminders(db(), { at: new Date(`${day}T08:00:00+07:00`) });
      for (const n of (await inbox([officer.id])).slice(before)) seen.push(`${day}: ${n.title}`);
    }
    expect(seen).toEqual(['2026-07-08: Nhắc việc: còn 2 ngày — Việc còn mở', '2026-07-10: Nhắc việc: hôm nay là hạn cuối — Việc còn mở']);
    await db().delete(taskReminderSettings).where(eq(taskReminderSettings.tenantId, commune.id));
  });

  it('escalates the commune’s own task to the province’s viewers, in the province’s tenant', async () => {
    const viewer = await personWithRole('provinceViewer', province, 'Ban Tuyên Giáo Tỉnh');
    await task(commune, 'Báo cáo Tỉnh ủy kết quả quán triệt', { phrase: 'ngày 01/8/2026', kind: 'on', date: '2026-08-01' });
    await runReminders(db(), { at: new Date('2026-08-04T09:00:00+07:00') });
    const got = await inbox([viewer.id]);
    expect(got.map((n) => n.title)).toEqual(['Báo cáo: Đảng ủy phường Nông Tiến chưa hoàn thành nhiệm vụ quá hạn 3 ngày']);
    const [row] = await db().select().from(notifications).where(eq(notifications.personId, viewer.id));
    expect(row!.tenantId).toBe(province.tenantId);
  });

  it('writes what the domain rule says, at the day boundaries of Hà Nội, in a few statements whatever the number of tasks', async () => {
    const other = await buildCell(t.database, commune, 'Chi bộ Thử Ranh Giới');
    const secretary = await personWithRole('cellSecretary', other, 'Lý Thị Ranh Giới');
    const at = new Date('2026-10-15T08:00:00+07:00');
    const long = `Tổng hợp, báo cáo kết quả ${'thực hiện nghị quyết '.repeat(8)}`.trim();
    // Due moments around the run, each day at its Hà Nội midnight, a millisecond after it, and late in the evening.
    const dues: Date[] = [];
    for (let d = -14; d <= 9; d++) for (const shift of [0, 1, 16 * 3_600_000 + 59 * 60_000]) dues.push(new Date(Date.parse('2026-10-15T00:00:00+07:00') + d * 86_400_000 + shift));
    const rows = await db()
      .insert(planTasks)
      .values(dues.map((dueAt, i) => ({ tenantId: commune.id, planId, assigneeUnitId: other.id, assigneeLabel: other.name, text: i % 2 ? long : `Việc ranh giới ${i}`, dueAt })))
      .returning();
    const { result, statements } = await countStatements(db(), () => runReminders(db(), { at }));
    const got = await db().select().from(notifications).where(eq(notifications.personId, secretary.id));
    const [plan] = await db().select().from(plans).where(eq(plans.id, planId));
    const expected = rows.flatMap((task) =>
      alertsDue({ dueAt: task.dueAt, status: 'not-started' }, at)
        .filter((a) => a.kind === 'reminder')
        .map((a) => {
          const words = { text: task.text, unitName: other.name, dueDay: lastDayOf(task.dueAt!), planTitle: plan!.title };
          return `${alertTitle(a, words)}\n${alertBody(a, words)}`;
        }),
    );
    expect(expected.length).toBeGreaterThan(50);
    expect(got.map((n) => `${n.title}\n${n.body}`).sort()).toEqual(expected.sort());
    expect(result.decided).toBeGreaterThanOrEqual(expected.length);
    // The settings, the units with open tasks; then the commune's: the units above, its units' people
    // (accounts, positions), the people above (ward staff, the organisations' people, the province's
    // viewers), and one statement that decides, records and notifies. Never a statement per task or alert.
    expect(statements.filter((q) => /insert into/i.test(q))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(10);
  });
});
