import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../test/support/app';
import { resolutions } from '../features/resolutions/tables';
import { quizRecord } from '../features/quiz/record';
import { demoQuizQuestions } from './quiz';

let t: TestApp;
let staff: Session;
let member: Session;
let bithu: Session;
let resolutionId: string;
beforeAll(async () => {
  ({ t, staff, member, bithu } = await startSignedIn({ staff: 'vanphong', member: 'dangvien', bithu: 'bithu' }));
  resolutionId = (await t.database.db.select().from(resolutions).where(eq(resolutions.number, '91-NQ/TU')))[0]!.id;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-12T09:00:00+07:00'));
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

describe('the demo quiz on 91-NQ/TU', () => {
  it('has a bank of 15 questions of both kinds, open: 10 drawn, 15 minutes, 3 attempts, the best counting', async () => {
    const bank = (await staff.inject({ url: `/api/resolutions/${resolutionId}/quiz/questions` })).json();
    expect(bank.questions).toHaveLength(demoQuizQuestions.length);
    expect(bank.questions.length).toBeGreaterThanOrEqual(10);
    expect(new Set(bank.questions.map((q: { kind: string }) => q.kind))).toEqual(new Set(['single', 'multiple']));
    expect(bank.settings).toMatchObject({ questionCount: 10, timeLimitMinutes: 15, attemptsLimit: 3, counting: 'best', open: true });
  });

  it('was taken by several members in late May: dangvien 7/10 with two attempts left, the secretary 10/10 at the second', async () => {
    const mine = (await member.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).json();
    expect(mine.canTake).toBe(true);
    expect(mine.mine).toMatchObject({ attemptsLeft: 2, counted: 0.7, openAttemptId: null });
    expect(mine.mine.attempts).toEqual([expect.objectContaining({ number: 1, status: 'submitted', correct: 7, total: 10, startedAt: '2026-05-27T14:00:00.000Z' })]);
    const secretary = (await bithu.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).json();
    expect(secretary.mine.attempts.map((a: { score: number }) => a.score)).toEqual([0.9, 1]);
    const results = (await staff.inject({ url: `/api/resolutions/${resolutionId}/quiz/results` })).json();
    const takers = results.cells.flatMap((c: { members: unknown[] }) => c.members);
    expect(takers).toHaveLength(4);
    const first = results.cells.find((c: { cellName: string }) => c.cellName === 'Chi bộ Tràng Đà 1');
    expect(first.members.map((m: { counted: number }) => m.counted).sort()).toEqual([0.7, 1]);
  });

  it('feeds the yearly record', async () => {
    const record = await quizRecord(t.database.db, staff.me.user.tenantId!, bithu.me.user.memberId!, 2026);
    expect(record.get(resolutionId)).toEqual({ best: 1, attempts: 2 });
  });
});
