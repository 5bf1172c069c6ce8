import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/support/app';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
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
    // The five cells whose sessions were held have their study task done, on the day it was held.
    const total = tasks[6]!.rollUp!.total;
    expect(tasks[6]!.rollUp).toEqual({ done: 5, total, overdue: total - 5 });
    expect(tasks[7]!.rollUp).toEqual({ done: 2, total, overdue: total - 2 });
    const office = (await staff.inject({ url: `/api/tasks/${tasks[5]!.id}` })).json();
    expect(office).toMatchObject({ completedOn: '2026-05-20' });
    expect(office.evidence).toHaveLength(1);
    expect(tasks[3]!.text).toContain('Tham mưu xây dựng Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết số 91-NQ/TU');
  });
});
