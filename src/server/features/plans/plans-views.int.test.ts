// Who sees which plans, the day a plan is issued on, and the order of its read receipts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { issueImportedPlan, planFixture } from '../../../../test/support/fixtures';
import { sortInTreeOrder } from '../../../domain/org-tree';

let t: TestApp;
let staff: Session;
let leader: Session;
let province: Session;
beforeAll(async () => {
  ({ t, staff, leader, province } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc', province: 'tinhuy' }));
});
afterAll(() => t?.close());

type Summary = { id: string; status: string };
const plansOf = async (s: Session) => (await s.inject({ url: '/api/plans' })).json().plans as Summary[];

describe('the province viewer', () => {
  it('does not see drafts: only what the ward issued, in its list and by address', async () => {
    const draft = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: planFixture } })).json();
    expect(draft.status).toBe('draft');
    const ward = await plansOf(staff);
    expect(ward.map((p) => p.status)).toEqual(expect.arrayContaining(['draft', 'submitted', 'issued']));
    const seen = await plansOf(province);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.status === 'issued')).toBe(true);
    for (const hidden of ward.filter((p) => p.status !== 'issued')) {
      const res = await province.inject({ url: `/api/plans/${hidden.id}` });
      expect(res.statusCode).toBe(404); // a draft is the ward's: the province may not know it exists
    }
    expect((await province.inject({ url: `/api/plans/${draft.id}` })).json().error.message).toMatch(/[à-ỹ]/u);
    const issued = seen[0]!;
    expect((await province.inject({ url: `/api/plans/${issued.id}` })).statusCode).toBe(200);
  });

  it('has no settings entry: the document settings are the ward’s', async () => {
    expect(province.me).toMatchObject({ abilities: { viewSettings: false, editVocabulary: false } });
    expect(leader.me).toMatchObject({ abilities: { viewSettings: true } });
  });
});

describe('the day a plan is issued without a date', () => {
  afterAll(() => vi.useRealTimers());
  it.each([
    ['23:30 in Hà Nội', '2026-05-20T16:30:00Z', '2026-05-20'],
    ['00:30 in Hà Nội, still the day before in UTC', '2026-05-20T17:30:00Z', '2026-05-21'],
  ])('at %s is the Vietnamese date', async (_when, instant, expected) => {
    const previousTz = process.env.TZ;
    process.env.TZ = 'UTC';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    try {
      const issued = await issueImportedPlan(staff, leader);
      expect(issued).toMatchObject({ status: 'issued', issuedOn: expected });
    } finally {
      vi.useRealTimers();
      process.env.TZ = previousTz;
    }
  });
});

describe('the read receipts of a plan', () => {
  it('follow the organisation tree, siblings in Vietnamese order', async () => {
    const issued = (await plansOf(staff)).find((p) => p.status === 'issued')!;
    const { deliveries } = (await staff.inject({ url: `/api/plans/${issued.id}/deliveries` })).json() as { deliveries: { unitId: string; unitName: string }[] };
    const { units } = (await staff.inject({ url: '/api/units' })).json() as { units: { id: string; path: string; sortOrder: number; name: string }[] };
    const byId = new Map(units.map((u) => [u.id, u]));
    const expected = sortInTreeOrder(deliveries, (d) => byId.get(d.unitId)!.path, byId);
    expect(deliveries.map((d) => d.unitName)).toEqual(expected.map((d) => d.unitName));
    const names = deliveries.map((d) => d.unitName);
    expect(names.indexOf('Chi bộ Tràng Đà 2')).toBeLessThan(names.indexOf('Chi bộ Tràng Đà 10'));
    expect(names.indexOf('Chi bộ Tràng Đà 12')).toBeLessThan(names.indexOf('Chi bộ Ỷ La 1'));
  });
});
