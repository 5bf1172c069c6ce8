import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSignedIn, type Session, type TestApp } from '../../../test/support/app';

let t: TestApp;
let staff: Session;
let building: Session;
let province: Session;
beforeAll(async () => {
  ({ t, staff, building, province } = await startSignedIn({ staff: 'vanphong', building: 'banxaydung', province: 'tinhuy' }));
  // Seen on 10/06/2026: after both of the plan's deadlines (signed in at the real time, which sessions keep).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-10T09:00:00+07:00'));
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

type Task = { id: string; assigneeName: string; text: string; status: string; overdue: boolean; rollUp?: { done: number; total: number; overdue: number } };

describe('the demo tasks of plan 1-KH/ĐU', () => {
  it('reach every state: done with evidence, in progress, overdue, the cells’ partly done', async () => {
    const plan = (await staff.inject({ url: '/api/plans' })).json().plans.find((p: { status: string }) => p.status === 'issued');
    const { tasks } = (await staff.inject({ url: `/api/plans/${plan.id}/tasks` })).json() as { tasks: Task[] };
    expect(tasks.map((x) => [x.assigneeName, x.status, x.overdue])).toEqual([
      ['Ban xây dựng Đảng', 'in-progress', false],
      ['Ban xây dựng Đảng', 'not-started', true],
      ['Ban xây dựng Đảng', 'not-started', false],
      ['Ủy ban nhân dân phường', 'not-started', false],
      ['Ủy ban nhân dân phường', 'in-progress', true],
      ['Văn phòng Đảng ủy', 'done', false],
      ['Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc', 'in-progress', true],
      ['Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc', 'in-progress', true],
    ]);
    // The five cells whose sessions were held have their study task done, on the day it was held, and the
    // military cell, which studied at the ward conference of 20/05/2026.
    const total = tasks[6]!.rollUp!.total;
    expect(tasks[6]!.rollUp).toEqual({ done: 6, total, overdue: total - 6 });
    // The report task: done by the one cell whose report the ward accepted (Tràng Đà 2, seed/reports.ts).
    expect(tasks[7]!.rollUp).toEqual({ done: 1, total, overdue: total - 1 });
    const office = (await staff.inject({ url: `/api/tasks/${tasks[5]!.id}` })).json();
    expect(office).toMatchObject({ completedOn: '2026-05-20' });
    expect(office.evidence).toHaveLength(1);
    expect(tasks[3]!.text).toContain('Tham mưu xây dựng Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết số 91-NQ/TU');
  });
});

describe('the demo reminders and escalations', () => {
  it('reach the Ban xây dựng Đảng: its overdue report task reminded, then escalated to the ward staff', async () => {
    const answer = await building.inject({ url: '/api/notifications?limit=100&order=newest' });
    expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200);
    const { notifications, total } = answer.json() as { notifications: { kind: string; title: string; body: string; createdAt: string }[]; total: number };
    expect(total).toBeGreaterThan(0);
    const own = notifications.filter((n) => n.body.includes('Đơn vị thực hiện: Ban xây dựng Đảng') && n.body.includes('Hạn: 04/06/2026'));
    // Reminded as the Trưởng Ban (its position), on each stage; escalated once as the ward's staff, three days overdue.
    // (Newest first; the last run's two come in either order, so they are compared sorted.)
    const stages = own.map((n) => [n.kind, n.title.split(' — ')[0]!.split(':')[0]!]).reverse();
    expect([...stages.slice(0, 4), ...stages.slice(4).sort()]).toEqual([
      ['task.reminder', 'Nhắc việc'],
      ['task.reminder', 'Nhắc việc'],
      ['task.reminder', 'Nhắc việc'],
      ['task.reminder', 'Nhắc việc'],
      ['task.escalation', 'Báo cáo'],
      ['task.reminder', 'Quá hạn 3 ngày'],
    ]);
    const escalation = own.find((n) => n.kind === 'task.escalation')!;
    expect(escalation.title).toBe('Báo cáo: Ban xây dựng Đảng chưa hoàn thành nhiệm vụ quá hạn 3 ngày');
    expect(new Date(escalation.createdAt).toISOString()).toBe(new Date('2026-06-07T07:05:00+07:00').toISOString());
    // The other ward staff account hears the escalation too; the province viewer has an account's person of its own.
    const office = (await staff.inject({ url: '/api/notifications?limit=100&order=newest' })).json();
    expect(office.notifications.map((n: { title: string }) => n.title)).toContain(escalation.title);
    expect((await province.inject({ url: '/api/me/notification-preferences' })).json()).toMatchObject({ hasPerson: true });
  });
});
