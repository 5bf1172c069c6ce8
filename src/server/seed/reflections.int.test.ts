import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignedIn, type Session, type TestApp } from '../../../test/support/app';

let t: TestApp;
let bithu: Session;
let member: Session;
beforeAll(async () => {
  ({ t, bithu, member } = await startSignedIn({ bithu: 'bithu', member: 'dangvien' }));
});
afterAll(() => t?.close());

type Reflection = { late: boolean; submittedAt: string; review: { result: string; comment: string | null } | null } | null;

describe('the demo members\' own study of plan 1-KH/ĐU', () => {
  it('reflections written (two late) and reviewed by the secretary of Tràng Đà 1; the demo member has none yet', async () => {
    const plans = (await bithu.inject({ url: '/api/plans' })).json().plans;
    const plan = plans.find((p: { status: string; issuedOn: string }) => p.status === 'issued' && p.issuedOn === '2026-05-15');
    const list = (await bithu.inject({ url: `/api/plans/${plan.id}/reflections` })).json();
    expect(list.deadline).toBe('2026-05-31');
    const [cell] = list.cells;
    expect(cell).toMatchObject({ unitName: 'Chi bộ Tràng Đà 1', counts: { submitted: 7, late: 2, passed: 4, failed: 1, waiting: 2 } });
    const written: Reflection[] = cell.members.map((m: { reflection: Reflection }) => m.reflection).filter(Boolean);
    // Stamped at their campaign moments: late ones after 31/05/2026 (Vietnam time).
    for (const r of written) expect(r!.late).toBe(new Date(r!.submittedAt) >= new Date('2026-06-01T00:00:00+07:00'));
    expect(written.find((r) => r!.review?.result === 'failed')!.review!.comment).toMatch(/cam kết/u);
    const mine = (await member.inject({ url: '/api/my/study' })).json().plans.find((p: { planId: string }) => p.planId === plan.id);
    expect(mine.reflection).toBeNull();
    // The yearly record of a member who wrote shows it.
    const writer = cell.members.find((m: { reflection: Reflection }) => m.reflection?.review?.result === 'passed');
    const record = (await bithu.inject({ url: `/api/members/${writer.memberId}/record?year=2026` })).json();
    expect(record.resolutions.find((r: { planId: string }) => r.planId === plan.id)).toMatchObject({ number: '91-NQ/TU', reflection: { review: { result: 'passed' } }, quiz: null });
  });
});
