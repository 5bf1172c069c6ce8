import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildMember, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { members } from '../members/tables';
import { units } from '../units/tables';
import { membershipEvents, persons, positionKinds, positions } from './tables';
import { countsAsOf, membersAsOf } from './membership-queries';
import { standardPositionKinds } from '../../../domain/position-kinds';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const db = () => t.database.db;
const cellCount = async (cellName: string, on: string) => {
  const cell = await findUnit(t.database, cellName);
  return (await countsAsOf(db(), cell.tenantId!, on)).find((c) => c.cellId === cell.id) ?? { members: 0, expected: 0 };
};

describe('the demo ward’s people', () => {
  it('every member is a person with a joined event; the standard kinds; positions for every cell and group', async () => {
    const [orphans] = await db().select({ n: count() }).from(members).leftJoin(persons, and(eq(persons.tenantId, members.tenantId), eq(persons.id, members.personId))).where(isNull(persons.id));
    expect(Number(orphans!.n)).toBe(0);
    const [unjoined] = await db()
      .select({ n: count() })
      .from(members)
      .leftJoin(membershipEvents, and(eq(membershipEvents.memberId, members.id), eq(membershipEvents.kind, 'joined')))
      .where(isNull(membershipEvents.id));
    expect(Number(unjoined!.n)).toBe(0);
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const kinds = await db().select().from(positionKinds).where(eq(positionKinds.tenantId, commune.id));
    expect(kinds.map((k) => k.code).sort()).toEqual(standardPositionKinds.map((k) => k.code).sort());
    const cells = await db().select().from(units).where(and(eq(units.tenantId, commune.id), eq(units.kind, 'cell')));
    const held = await db().select().from(positions).where(and(eq(positions.kindCode, 'cellSecretary'), isNull(positions.toOn)));
    expect(new Set(held.map((p) => p.unitId))).toEqual(new Set(cells.map((c) => c.id)));
    const groups = await db().select().from(units).where(eq(units.kind, 'residentialGroup'));
    const heads = await db().select().from(positions).where(eq(positions.kindCode, 'residentialGroupHead'));
    expect(heads.length).toBe(groups.length);
  });

  it('as-of counts differ before and after the May transfer and the exemption', async () => {
    const before = await cellCount('Chi bộ Tràng Đà 1', '2026-05-19');
    const after = await cellCount('Chi bộ Tràng Đà 1', '2026-05-20');
    expect(after.members).toBe(before.members + 2);
    const exempted = await cellCount('Chi bộ Tràng Đà 1', '2026-05-25');
    expect(exempted.members).toBe(after.members);
    expect(exempted.expected).toBe(after.expected - 1);
    expect((await cellCount('Chi bộ Tràng Đà 2', '2026-05-20')).members).toBe((await cellCount('Chi bộ Tràng Đà 2', '2026-05-19')).members - 2);
    expect((await cellCount('Chi bộ Nông Tiến 1', '2026-06-02')).members).toBe((await cellCount('Chi bộ Nông Tiến 1', '2026-06-01')).members - 1);
  }, 120_000);

  it('the bithu account’s person holds the cell secretary position, seen on their person page', async () => {
    const s = await t.signIn('vanphong');
    const bithu = await t.signIn('bithu');
    const [member] = await db().select().from(members).where(eq(members.id, bithu.me.user.memberId!));
    const res = await s.inject({ url: `/api/people/${member!.personId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().positions.map((p: { kindCode: string }) => p.kindCode)).toContain('cellSecretary');
    expect(res.json().membership[0].kind).toBe('joined');
    expect(res.json().member.cellName).toBe('Chi bộ Tràng Đà 1');
  });
});

describe('people who are not members', () => {
  it('creates, lists (members / non-members, with or without diacritics) and edits with a version', async () => {
    const s = await t.signIn('vanphong');
    const created = await s.inject({ method: 'POST', url: '/api/people', payload: { fullName: 'Đỗ Thị   Hoa', gender: 'female', note: 'Tổ trưởng tổ dân phố' } });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person.fullName).toBe('Đỗ Thị Hoa');
    const found = await s.inject({ url: '/api/people?q=do%20thi%20hoa&membership=nonMembers' });
    expect(found.json().people.map((p: { id: string }) => p.id)).toContain(person.id);
    const asMembers = await s.inject({ url: '/api/people?q=do%20thi%20hoa&membership=members' });
    expect(asMembers.json().people.map((p: { id: string }) => p.id)).not.toContain(person.id);
    const edited = await s.inject({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: person.version, phone: '0912345678' } });
    expect(edited.statusCode).toBe(200);
    const stale = await s.inject({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: person.version, phone: '0900000000' } });
    expect(stale.statusCode).toBe(409);
    const [row] = await db().select().from(persons).where(eq(persons.id, person.id));
    expect(row!.phone).toBe('0912345678');
  });

  it('editing a member’s person edits the member’s name too', async () => {
    const s = await t.signIn('vanphong');
    const cell = await findUnit(t.database, 'Chi bộ Ỷ La 2');
    const member = await buildMember(t.database, cell);
    const [person] = await db().select().from(persons).where(eq(persons.id, member.personId));
    const res = await s.inject({ method: 'PATCH', url: `/api/people/${member.personId}`, payload: { version: person!.version, fullName: 'Hà Văn Sửa' } });
    expect(res.statusCode).toBe(200);
    const [after] = await db().select().from(members).where(eq(members.id, member.id));
    expect(after!.fullName).toBe('Hà Văn Sửa');
  });

  it('POST /api/members creates the person, the member and their first event', async () => {
    const s = await t.signIn('vanphong');
    const cell = await findUnit(t.database, 'Chi bộ Ỷ La 4');
    const res = await s.inject({
      method: 'POST',
      url: '/api/members',
      payload: { cellId: cell.id, fullName: 'Lục Văn Đến', gender: 'male', joinedOn: '2010-03-02', arrival: { kind: 'transferIn', on: '2026-01-05', fromWard: 'Đảng bộ phường Minh Xuân' } },
    });
    expect(res.statusCode).toBe(201);
    const page = await s.inject({ url: `/api/people/${res.json().personId}` });
    expect(page.json().membership).toMatchObject([{ kind: 'transferIn', on: '2026-01-05', otherWard: 'Đảng bộ phường Minh Xuân', cellName: 'Chi bộ Ỷ La 4' }]);
  });
});

describe('positions', () => {
  it('gives, ends and lists a position; refuses reversed dates, a closed unit, a kind foreign to the unit', async () => {
    const s = await t.signIn('vanphong');
    const cell = await findUnit(t.database, 'Chi bộ Ỷ La 5');
    const member = await buildMember(t.database, cell);
    const base = { personId: member.personId, kindCode: 'cellDeputySecretary', unitId: cell.id, fromOn: '2025-09-01' };
    const created = await s.inject({ method: 'POST', url: '/api/positions', payload: base });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kindName: 'Phó Bí thư chi bộ', unitName: 'Chi bộ Ỷ La 5', toOn: null });
    const ended = await s.inject({ method: 'POST', url: `/api/positions/${created.json().id}/end`, payload: { version: 1, toOn: '2026-05-31' } });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().toOn).toBe('2026-05-31');

    const before = await db().select({ n: count() }).from(positions);
    const reversed = await s.inject({ method: 'POST', url: '/api/positions', payload: { ...base, toOn: '2025-08-01' } });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.id).toBe('position.dates-reversed');
    const foreign = await s.inject({ method: 'POST', url: '/api/positions', payload: { ...base, kindCode: 'residentialGroupHead' } });
    expect(foreign.json().error.id).toBe('position.kind-unit');
    const closed = await buildCell(t.database, (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')), 'Chi bộ Đã Đóng');
    await db().update(units).set({ closedOn: '2026-01-01' }).where(eq(units.id, closed.id));
    const inClosed = await s.inject({ method: 'POST', url: '/api/positions', payload: { ...base, unitId: closed.id } });
    expect(inClosed.statusCode).toBe(400);
    expect(inClosed.json().error.id).toBe('position.unit-closed');
    expect(await db().select({ n: count() }).from(positions)).toEqual(before);

    const list = await s.inject({ url: `/api/units/${cell.id}/positions` });
    expect(list.json().positions.map((p: { kindCode: string }) => p.kindCode)).toEqual(expect.arrayContaining(['cellSecretary', 'cellDeputySecretary']));
  });

  it('an administrator adds a kind; ward staff may not', async () => {
    const admin = await t.signIn('admin');
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const res = await admin.inject({ method: 'POST', url: `/api/position-kinds?communeId=${commune.id}`, payload: { name: 'Trưởng Ban Chỉ huy Quân sự', unitKinds: ['agency'] } });
    expect(res.statusCode).toBe(201);
    expect(res.json().code).toBe('truongBanChiHuyQuanSu');
    const again = await admin.inject({ method: 'POST', url: `/api/position-kinds?communeId=${commune.id}`, payload: { name: 'Trưởng ban chỉ huy quân sự' } });
    expect(again.statusCode).toBe(409);
    const staff = await t.signIn('vanphong');
    expect((await staff.inject({ method: 'POST', url: '/api/position-kinds', payload: { name: 'Chức vụ khác' } })).statusCode).toBe(403);
    expect((await staff.inject({ url: '/api/position-kinds' })).json().kinds.length).toBe(standardPositionKinds.length + 1);
  });
});

describe('membership over time', () => {
  it('transfers, exempts and leaves, keeping the member’s current state; bad input changes nothing', async () => {
    const s = await t.signIn('vanphong');
    const from = await findUnit(t.database, 'Chi bộ Khuôn Hấu 1');
    const to = await findUnit(t.database, 'Chi bộ Khuôn Hấu 2');
    const m = await buildMember(t.database, from, { joinedOn: '2015-04-10' });
    const state = async () => {
      const [row] = await db().select().from(members).where(eq(members.id, m.id));
      const events = await db().select({ n: count() }).from(membershipEvents).where(eq(membershipEvents.memberId, m.id));
      return { cellId: row!.cellId, exempt: row!.exempt, leftOn: row!.leftOn, events: Number(events[0]!.n) };
    };
    const start = await state();
    const bad = [
      [{ on: '2014-01-01', toCellId: to.id }, 'membership.before-joined'],
      [{ on: '2026-02-01', toCellId: from.id }, 'membership.same-cell'],
      [{ on: '2099-01-01', toCellId: to.id }, 'membership.future-date'],
    ] as const;
    for (const [payload, id] of bad) {
      const res = await s.inject({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.id).toBe(id);
    }
    const closed = await buildCell(t.database, await findUnit(t.database, 'Đảng ủy phường Nông Tiến'), 'Chi bộ Giải Thể');
    await db().update(units).set({ closedOn: '2026-01-01' }).where(eq(units.id, closed.id));
    const toClosed = await s.inject({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { on: '2026-02-01', toCellId: closed.id } });
    expect(toClosed.json().error.id).toBe('membership.cell-closed');
    const patchCell = await s.inject({ method: 'PATCH', url: `/api/members/${m.id}`, payload: { version: m.version, cellId: to.id } });
    expect(patchCell.json().error.id).toBe('member.use-transfer');
    expect(await state()).toEqual(start);

    const moved = await s.inject({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { on: '2026-02-01', toCellId: to.id } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ cellId: to.id, exempt: false });
    expect(await membersAsOf(db(), from.tenantId!, [from.id, to.id], '2026-01-31')).toContainEqual({ memberId: m.id, cellId: from.id, exempt: false });
    expect(await membersAsOf(db(), from.tenantId!, [from.id, to.id], '2026-02-01')).toContainEqual({ memberId: m.id, cellId: to.id, exempt: false });

    const ex = await s.inject({ method: 'POST', url: `/api/members/${m.id}/exemptions`, payload: { from: '2026-03-01', reason: 'Tuổi cao' } });
    expect(ex.json().exempt).toBe(true);
    const exempted = await state();
    const overlap = await s.inject({ method: 'POST', url: `/api/members/${m.id}/exemptions`, payload: { from: '2025-01-01', to: '2026-03-01', reason: 'Ốm đau' } });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.id).toBe('membership.exemption-overlap');
    expect(overlap.json().error.message).toMatch(/\p{L}/u);
    expect(await state()).toEqual(exempted);
    const exemptionId = ex.json().events.find((e: { kind: string }) => e.kind === 'exemption').id;
    const ended = await s.inject({ method: 'PATCH', url: `/api/members/${m.id}/exemptions/${exemptionId}`, payload: { to: '2026-03-31' } });
    expect(ended.json().exempt).toBe(false);

    const left = await s.inject({ method: 'POST', url: `/api/members/${m.id}/leave`, payload: { on: '2026-04-15', reason: 'moved' } });
    expect(left.json()).toMatchObject({ leftOn: '2026-04-15', cellId: to.id });
    const after = await s.inject({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { on: '2026-05-01', toCellId: from.id } });
    expect(after.json().error.id).toBe('membership.left');
    const list = await s.inject({ url: `/api/units/${to.id}/members` });
    expect(list.json().members.map((x: { id: string }) => x.id)).not.toContain(m.id);
  });

  it('transfers out to another ward by name', async () => {
    const s = await t.signIn('vanphong');
    const m = await buildMember(t.database, await findUnit(t.database, 'Chi bộ Xóm Cỏ 1'), { joinedOn: '2012-01-01' });
    const res = await s.inject({ method: 'POST', url: `/api/members/${m.id}/transfer`, payload: { on: '2026-03-01', toWard: 'Đảng bộ phường Phan Thiết' } });
    expect(res.json()).toMatchObject({ leftOn: '2026-03-01' });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'transferOut', otherWard: 'Đảng bộ phường Phan Thiết' });
  });
});

describe('merging units', () => {
  it('moves every member into the target on the date, closes the sources, keeps the history', async () => {
    const s = await t.signIn('vanphong');
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const a = await buildCell(t.database, commune, 'Chi bộ Gộp A');
    const b = await buildCell(t.database, commune, 'Chi bộ Gộp B');
    for (const cell of [a, a, b]) await buildMember(t.database, cell, { joinedOn: '2018-01-01' });
    const payload = { sourceIds: [a.id, b.id], newUnit: { name: 'Chi bộ Gộp AB', parentId: commune.id, kind: 'cell' }, on: '2026-04-01', versions: { [a.id]: 1, [b.id]: 1 } };
    const stale = await s.inject({ method: 'POST', url: '/api/units/merge', payload: { ...payload, versions: { [a.id]: 1, [b.id]: 7 } } });
    expect(stale.statusCode).toBe(409);
    expect((await db().select().from(units).where(eq(units.name, 'Chi bộ Gộp AB'))).length).toBe(0);

    const res = await s.inject({ method: 'POST', url: '/api/units/merge', payload });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ membersTransferred: 3, closed: [a.id, b.id] });
    const target = res.json().targetId;
    const before = await countsAsOf(db(), commune.id, '2026-03-31');
    const after = await countsAsOf(db(), commune.id, '2026-04-01');
    const n = (list: { cellId: string; members: number }[], id: string) => list.find((c) => c.cellId === id)?.members ?? 0;
    expect([n(before, a.id), n(before, b.id), n(before, target)]).toEqual([2, 1, 0]);
    expect([n(after, a.id), n(after, b.id), n(after, target)]).toEqual([0, 0, 3]);
    const [closedA] = await db().select().from(units).where(eq(units.id, a.id));
    expect(closedA).toMatchObject({ closedOn: '2026-04-01', version: 2 });
    const again = await s.inject({ method: 'POST', url: '/api/units/merge', payload: { sourceIds: [a.id], targetId: target, on: '2026-04-02', versions: { [a.id]: 2, [target]: 1 } } });
    expect(again.json().error.id).toBe('merge.unit-closed');
  });

  it('merges into an existing cell; a member transferred after the date blocks it, nothing changed', async () => {
    const s = await t.signIn('vanphong');
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const a = await buildCell(t.database, commune, 'Chi bộ Nhập C');
    const target = await buildCell(t.database, commune, 'Chi bộ Nhận D');
    const late = await buildMember(t.database, a, { joinedOn: '2026-03-10' });
    const bad = await s.inject({ method: 'POST', url: '/api/units/merge', payload: { sourceIds: [a.id], targetId: target.id, on: '2026-03-01', versions: { [a.id]: 1, [target.id]: 1 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe('merge.member-history');
    const [still] = await db().select().from(units).where(eq(units.id, a.id));
    expect(still!.closedOn).toBeNull();
    const ok = await s.inject({ method: 'POST', url: '/api/units/merge', payload: { sourceIds: [a.id], targetId: target.id, on: '2026-03-15', versions: { [a.id]: 1, [target.id]: 1 } } });
    expect(ok.statusCode).toBe(200);
    const [moved] = await db().select().from(members).where(eq(members.id, late.id));
    expect(moved!.cellId).toBe(target.id);
  });
});

describe('who may', () => {
  it('each role on people, positions, kinds, membership and merge', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const other = await findUnit(t.database, 'Chi bộ Tràng Đà 3');
    const m = await buildMember(t.database, cell, { joinedOn: '2010-01-01' });
    const cases: [string, { method?: 'GET' | 'POST'; url: string; payload?: object }, number][] = [];
    const read = { url: `/api/people/${m.personId}` };
    const list = { url: '/api/people' };
    const cellPositions = { url: `/api/units/${cell.id}/positions` };
    const otherPositions = { url: `/api/units/${other.id}/positions` };
    const transfer = { method: 'POST' as const, url: `/api/members/${m.id}/exemptions`, payload: { from: '2026-01-01', to: '2026-01-02', reason: 'Thử quyền' } };
    for (const [user, expectations] of [
      ['thuongtruc', [200, 200, 200, 403]],
      ['bithu', [200, 403, 200, 403]],
      ['ubnd', [404, 403, 403, 403]],
      ['dangvien', [404, 403, 403, 403]],
      ['tinhuy', [404, 403, 403, 403]],
    ] as const) {
      const s = await t.signIn(user);
      const got = [
        (await s.inject(read)).statusCode,
        (await s.inject(list)).statusCode,
        (await s.inject(cellPositions)).statusCode,
        (await s.inject(transfer)).statusCode,
      ];
      cases.push([user, read, got[0]!]);
      expect({ user, got }).toEqual({ user, got: [...expectations] });
      if (user === 'bithu') expect((await s.inject(otherPositions)).statusCode).toBe(403);
    }
  });

  it('a second commune’s real ids are not found', async () => {
    const b = await buildCommune(t.database, 'Đảng ủy xã Thử Quyền');
    const cellB = await buildCell(t.database, b);
    const memberB = await buildMember(t.database, cellB, { joinedOn: '2010-01-01' });
    const { username, password } = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: b });
    const staffB = await t.signIn(username, password);
    expect((await staffB.inject({ url: `/api/people/${memberB.personId}` })).statusCode).toBe(200);
    const s = await t.signIn('vanphong');
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const own = await buildMember(t.database, await findUnit(t.database, 'Chi bộ Tràng Đà 1'));
    const before = await db().select({ n: count() }).from(membershipEvents);
    const attempts = [
      await s.inject({ url: `/api/people/${memberB.personId}` }),
      await s.inject({ method: 'PATCH', url: `/api/people/${memberB.personId}`, payload: { version: 1, phone: '0' } }),
      await s.inject({ url: `/api/units/${cellB.id}/positions` }),
      await s.inject({ method: 'POST', url: '/api/positions', payload: { personId: memberB.personId, kindCode: 'cellSecretary', unitId: cellB.id, fromOn: '2026-01-01' } }),
      await s.inject({ method: 'POST', url: `/api/members/${memberB.id}/transfer`, payload: { on: '2026-01-01', toCellId: commune.id } }),
      await s.inject({ method: 'POST', url: `/api/members/${memberB.id}/leave`, payload: { on: '2026-01-01', reason: 'died' } }),
      await s.inject({ url: `/api/people?communeId=${b.id}` }),
      await s.inject({ method: 'POST', url: '/api/units/merge', payload: { sourceIds: [cellB.id], targetId: (await findUnit(t.database, 'Chi bộ Tràng Đà 1')).id, on: '2026-01-01', versions: {} } }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
    // A person of this commune given a position in the other commune's cell: not found either.
    const cross = await staffB.inject({ method: 'POST', url: '/api/positions', payload: { personId: own.personId, kindCode: 'cellSecretary', unitId: cellB.id, fromOn: '2026-01-01' } });
    expect(cross.statusCode).toBe(404);
    expect(await db().select({ n: count() }).from(membershipEvents)).toEqual(before);
  });
});
