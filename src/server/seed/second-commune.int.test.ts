// The demo's second commune (`quantriet seed --province`): Minh Xuân's report reaches the province on
// time, numbered from its register, with every cell reported; Nông Tiến is still expected; the
// province compares the two. Its ward account sees only its own commune.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { SECOND_COMMUNE, seedSecondCommune } from './second-commune';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the demo province with a second commune', () => {
  it('shows Minh Xuân submitted on time and Nông Tiến expected', async () => {
    expect(await seedSecondCommune(t.database.db)).toBe(true);
    expect(await seedSecondCommune(t.database.db)).toBe(false);
    const province = await t.signIn('tinhuy');
    const res = await province.inject({ url: '/api/province/reports?resolution=91-NQ%2FTU' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.communes.map((c: { communeName: string }) => c.communeName)).toEqual([SECOND_COMMUNE, 'Đảng ủy phường Nông Tiến']);
    const [minhXuan, nongTien] = body.communes;
    expect(minhXuan).toMatchObject({ status: 'submitted', number: '1-BC/ĐU', onTime: true, issuedOn: '2026-06-03', figures: { cellsExpected: 4, cellsSubmitted: 4, cellsOnTime: 4, completeness: 1, timeliness: 1, membersExpected: 45, membersStudied: 41 } });
    expect(nongTien).toMatchObject({ status: 'pending', figures: null });
    expect(body.rollup).toMatchObject({ communes: 2, submitted: 1, onTime: 1, completeness: 0.5, timeliness: 0.5, cells: { expected: 4, submitted: 4 }, members: { expected: 45 } });
    const staff = await t.signIn('minhxuan');
    expect((await staff.inject({ url: '/api/province/reports' })).statusCode).toBe(403);
    const plans = (await staff.inject({ url: '/api/plans' })).json().plans;
    expect(plans).toHaveLength(1);
    const ward = (await staff.inject({ url: `/api/plans/${plans[0].id}/consolidated-report` })).json();
    expect(ward).toMatchObject({ status: 'submitted', number: '1' });
  });
});
