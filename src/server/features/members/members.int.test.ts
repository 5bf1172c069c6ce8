import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../../test/support/app';
import { buildMember, findUnit, membersOf } from '../../../../test/support/factories';
import { compareVietnameseNames } from '../../../domain/vietnamese-names';
import { auditLog } from '../audit/tables';
import { members } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('a cell page', () => {
  it('lists a cell’s members the Vietnamese way for its secretary', async () => {
    const s = await t.signIn('bithu');
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const res = await s.inject({ url: `/api/units/${cell.id}/members` });
    expect(res.statusCode).toBe(200);
    const names: string[] = res.json().members.map((m: { fullName: string }) => m.fullName);
    expect(names.length).toBe((await membersOf(t.database, 'Chi bộ Tràng Đà 1')).length);
    expect(names).toEqual([...names].sort(compareVietnameseNames));
  });

  it('answers a secretary who forges another cell’s id with 403 and no data', async () => {
    const s = await t.signIn('bithu');
    const other = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
    const res = await s.inject({ url: `/api/units/${other.id}/members` });
    expect(res.statusCode).toBe(403);
    expect(res.json()).not.toHaveProperty('members');
    expect((await s.inject({ url: `/api/units/${other.id}` })).statusCode).toBe(404);
    const [member] = await membersOf(t.database, 'Chi bộ Tràng Đà 2');
    expect((await s.inject({ url: `/api/members/${member!.id}` })).statusCode).toBe(404);
  });

  it('lets a member see only their own record', async () => {
    const s = await t.signIn('dangvien');
    const own = await s.inject({ url: `/api/members/${s.me.user.memberId}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().abilities.edit).toBe(false);
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    expect((await s.inject({ url: `/api/units/${cell.id}/members` })).statusCode).toBe(403);
    const others = (await membersOf(t.database, 'Chi bộ Tràng Đà 1')).filter((m) => m.id !== s.me.user.memberId);
    expect((await s.inject({ url: `/api/members/${others[0]!.id}` })).statusCode).toBe(404);
  });

  it('answers unknown and malformed ids clearly', async () => {
    const s = await t.signIn('vanphong');
    const unknown = await s.inject({ url: '/api/members/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.id).toBe('member.not-found');
    const malformed = await s.inject({ url: '/api/units/abc/members' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.id).toBe('validation');
  });
});

describe('member search', () => {
  it('finds "Nguyễn Văn Hùng" from "nguyen van hung"', async () => {
    const s = await t.signIn('vanphong');
    const cell = await findUnit(t.database, 'Chi bộ Ỷ La 3');
    await buildMember(t.database, cell, { fullName: 'Nguyễn Văn Hùng', cardNumber: null });
    const res = await s.inject({ url: '/api/members/search?q=nguyen%20van%20hung' });
    expect(res.statusCode).toBe(200);
    expect(res.json().members[0].fullName).toBe('Nguyễn Văn Hùng');
    const upper = await s.inject({ url: `/api/members/search?q=${encodeURIComponent('NGUYỄN VĂN HÙNG')}` });
    expect(upper.json().members.map((m: { fullName: string }) => m.fullName)).toContain('Nguyễn Văn Hùng');
  });

  it('keeps a cell secretary’s search inside their cell', async () => {
    const s = await t.signIn('bithu');
    const res = await s.inject({ url: '/api/members/search?q=nguyen' });
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    expect(res.json().members.every((m: { cellId: string }) => m.cellId === cell.id)).toBe(true);
  });
});

describe('editing a member', () => {
  it('saves with the version, audits before/after, and answers a stale write with 409', async () => {
    const s = await t.signIn('vanphong');
    const [member] = await membersOf(t.database, 'Chi bộ Nông Tiến 2');
    const first = await s.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload: { version: member!.version, phone: '0912345678' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(member!.version + 1);
    const stale = await s.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload: { version: member!.version, phone: '0988888888' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.phone).toBe('0912345678');
    const [row] = await t.database.db.select().from(members).where(eq(members.id, member!.id));
    expect(row!.phone).toBe('0912345678');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, member!.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'member.update', before: expect.objectContaining({ phone: member!.phone }), after: expect.objectContaining({ phone: '0912345678' }) });
    // The office reads its commune's history, the administrator above communes reads all, others none.
    const history = `/api/audit?entity=member&entityId=${member!.id}`;
    expect((await s.inject({ url: history })).json().entries.map((e: { action: string }) => e.action)).toEqual(['member.update']);
    expect((await (await t.signIn('admin')).inject({ url: history })).json().entries).toHaveLength(1);
    expect((await (await t.signIn('bithu')).inject({ url: history })).statusCode).toBe(403);
  });

  it('refuses impossible dates and wrong types and changes nothing', async () => {
    const s = await t.signIn('vanphong');
    const [member] = await membersOf(t.database, 'Chi bộ Nông Tiến 3');
    for (const payload of [
      { version: member!.version, birthDate: '2026-02-31' },
      { version: member!.version, exempt: 'có' },
      { version: 'một', phone: '1' },
      { version: member!.version, tenantId: 'x' },
    ]) {
      const res = await s.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.id).toBe('validation');
    }
    const [row] = await t.database.db.select().from(members).where(eq(members.id, member!.id));
    expect(row).toEqual(member);
  });

  it('refuses edits by a cell secretary, a unit officer and the province', async () => {
    const [member] = await membersOf(t.database, 'Chi bộ Tràng Đà 1');
    // Those who see the member are forbidden (403); the unit officer, who may not see them, is told nothing (404).
    for (const [username, status] of [['bithu', 403], ['ubnd', 404], ['tinhuy', 403], ['thuongtruc', 403]] as const) {
      const s = await t.signIn(username);
      const res = await s.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload: { version: member!.version, phone: '0900000000' } });
      expect({ username, status: res.statusCode }).toEqual({ username, status });
      expect(res.json()).not.toHaveProperty('fullName');
    }
    const [row] = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, member!.id));
    expect(row!.n).toBe(0);
  });
});
