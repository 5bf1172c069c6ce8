import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Session, type TestApp } from '../../../test/support/app';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('banxaydung');
});
afterAll(() => t?.close());

describe('the demo reports of plan 1-KH/ĐU', () => {
  it('are in every state against the deadline 05/06/2026, with a re-score and an inspection', async () => {
    const plans = (await staff.inject({ url: '/api/plans' })).json().plans as { id: string; status: string }[];
    const plan = plans.find((p) => p.status === 'issued')!;
    const c = (await staff.inject({ url: `/api/plans/${plan.id}/consolidation` })).json();
    const cell = (name: string) => c.cells.find((x: { unitName: string }) => x.unitName === name);
    expect(cell('Chi bộ Tràng Đà 2')).toMatchObject({ status: 'accepted', onTime: true });
    expect(cell('Chi bộ Tràng Đà 3')).toMatchObject({ status: 'submitted', onTime: true });
    expect(cell('Chi bộ các cơ quan Đảng')).toMatchObject({ status: 'returned', onTime: true });
    expect(cell('Chi bộ Công an phường')).toMatchObject({ status: 'submitted', onTime: false });
    expect(cell('Chi bộ Trường THCS Nông Tiến')).toMatchObject({ status: 'draft', onTime: null });
    expect(cell('Chi bộ Tràng Đà 1')).toMatchObject({ status: 'missing' });
    expect(c).toMatchObject({ submitted: 4, onTime: 3, late: 1, missing: c.expected - 4 });
    expect(c.completeness).toBeCloseTo(4 / c.expected);
    const accepted = (await staff.inject({ url: `/api/reports/${cell('Chi bộ Tràng Đà 2').reportId}` })).json();
    expect(accepted.wardScoring.total).toBe(accepted.total - 2);
    expect(accepted.inspections).toHaveLength(1);
  });
});
