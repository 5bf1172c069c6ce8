import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { findUnit } from '../../../../test/support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function visibleUnits(username: string) {
  const s = await t.signIn(username);
  const res = await s.inject({ url: '/api/units' });
  return { status: res.statusCode, units: (res.json().units ?? []) as { name: string; kind: string; memberCount: number }[] };
}

describe('the organisation tree', () => {
  it('is realistic: a province, the ward, 46 cells, 2 grassroots organisations with cells, agencies, groups, 1,302 members (1,303 recorded, one died in June 2026)', async () => {
    const { units } = await visibleUnits('admin');
    const byKind = (k: string) => units.filter((u) => u.kind === k);
    expect(byKind('province').map((u) => u.name)).toEqual(['Đảng bộ tỉnh Tuyên Quang']);
    expect(byKind('commune').map((u) => u.name)).toEqual(['Đảng ủy phường Nông Tiến']);
    expect(byKind('cell').length).toBe(46);
    expect(byKind('grassrootsOrg').length).toBe(2);
    expect(units.map((u) => u.name)).toEqual(
      expect.arrayContaining(['Ban xây dựng Đảng', 'Văn phòng Đảng ủy', 'Ủy ban nhân dân phường', 'Ủy ban Mặt trận Tổ quốc phường', 'Tổ dân phố Tràng Đà 1']),
    );
    expect(units.reduce((s, u) => s + u.memberCount, 0)).toBe(1302);
  });

  it('shows each role its own part of the tree', async () => {
    const staff = await visibleUnits('vanphong');
    expect(staff.units.some((u) => u.kind === 'province')).toBe(false);
    expect(staff.units.filter((u) => u.kind === 'cell').length).toBe(46);
    expect((await visibleUnits('thuongtruc')).units.length).toBe(staff.units.length);
    expect((await visibleUnits('tinhuy')).units.length).toBe(staff.units.length + 1);
    expect((await visibleUnits('bithu')).units.map((u) => u.name)).toEqual(['Chi bộ Tràng Đà 1']);
    expect((await visibleUnits('ubnd')).units.map((u) => u.name)).toEqual(['Ủy ban nhân dân phường']);
    expect((await visibleUnits('dangvien')).units).toEqual([]);
  });

  it('answers a unit outside the reach as not found, and a cell’s detail with its ancestors', async () => {
    const s = await t.signIn('bithu');
    const own = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const detail = await s.inject({ url: `/api/units/${own.id}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['Đảng bộ tỉnh Tuyên Quang', 'Đảng ủy phường Nông Tiến']);
    expect(detail.json().abilities).toEqual({ listMembers: true, exportMembers: true, importMembers: false, addMember: false });
    // The ward office adds members to a cell (one at a time, besides the import).
    const office = await t.signIn('vanphong');
    expect((await office.inject({ url: `/api/units/${own.id}` })).json().abilities).toMatchObject({ addMember: true });
    const ward = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    expect((await office.inject({ url: `/api/units/${ward.id}` })).json().abilities).toMatchObject({ addMember: false });
    const org = await findUnit(t.database, 'Đảng bộ Ủy ban nhân dân phường');
    expect((await s.inject({ url: `/api/units/${org.id}` })).statusCode).toBe(404);
    const staff = await t.signIn('vanphong');
    const orgDetail = await staff.inject({ url: `/api/units/${org.id}` });
    expect(orgDetail.json().children.map((c: { kind: string }) => c.kind)).toEqual(['cell', 'cell', 'cell']);
  });

  it('tells a consistent story: every unit opened before the campaign, none closed, none before its parent', async () => {
    const { units } = await visibleUnits('admin');
    const rows = units as unknown as { id: string; parentId: string | null; openedOn: string | null; closedOn: string | null }[];
    const byId = new Map(rows.map((u) => [u.id, u]));
    for (const u of rows) {
      expect(u.openedOn).not.toBeNull();
      expect(u.openedOn! < '2026-05-01').toBe(true);
      expect(u.closedOn).toBeNull();
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      if (parent) expect(parent.openedOn! <= u.openedOn!).toBe(true);
    }
  });
});
