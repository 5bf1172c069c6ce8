import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/support/app';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
});
afterAll(() => t?.close());

describe('the demo sessions of plan 1-KH/ĐU', () => {
  it('shows cells held with attendance, scheduled, at the conference, not scheduled, and make-ups done and pending', async () => {
    const plan = (await staff.inject({ url: '/api/plans' })).json().plans.find((p: { status: string }) => p.status === 'issued');
    const sessions = (await staff.inject({ url: `/api/plans/${plan.id}/sessions` })).json().sessions as { unitName: string; kind: string; status: string; scheduledAt: string | null }[];
    const regular = sessions.filter((s) => s.kind === 'regular');
    const byName = (name: string) => regular.find((s) => s.unitName === name)!;
    expect(regular.filter((s) => s.status === 'held')).toHaveLength(5);
    expect(byName('Chi bộ Quân sự phường').status).toBe('at-conference');
    expect(byName('Chi bộ Tràng Đà 4').scheduledAt).toBe('2026-05-29T12:30:00.000Z');
    expect(byName('Chi bộ Tràng Đà 1').scheduledAt).toBeNull();
    expect(sessions.filter((s) => s.kind === 'make-up')).toHaveLength(4);
    const overview = (await staff.inject({ url: `/api/plans/${plan.id}/sessions/overview` })).json();
    // The cell studying at the ward conference owes those absent there (one of whom attended a make-up).
    expect(overview.makeUp).toMatchObject({ owed: 11, madeUp: 5, missing: 6 });
    expect(overview.counts.held).toBe(5);
    expect(overview.counts['at-conference']).toBe(1);
  });
});
