// The values unique across tenants (decision 017): usernames and party card numbers, kept in lookup
// tables written with the row; and the session cookie that names its tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { buildCell, buildCommune, buildMember, findUnit, membersOf } from '../../../test/support/factories';
import { insertAccount } from '../auth/accounts';
import { usernames, users } from '../auth/tables';
import { memberCards, members } from '../features/members/tables';
import type { Unit } from '../features/units/tables';

let t: TestApp;
let otherCommune: Unit;
let otherCell: Unit;
beforeAll(async () => {
  t = await startTestApp();
  otherCommune = await buildCommune(t.database, 'Đảng ủy xã Tra Cứu');
  otherCell = await buildCell(t.database, otherCommune, 'Chi bộ Thôn Tra Cứu');
});
afterAll(() => t?.close());

const countWhere = async (table: typeof users | typeof members, tenantId: string) =>
  (await t.database.db.select({ n: count() }).from(table).where(eq(table.tenantId, tenantId)))[0]!.n;

describe('usernames are unique across communes', () => {
  it('refuses a username another commune holds (409), writing nothing', async () => {
    const before = await countWhere(users, otherCommune.id);
    await expect(t.database.db.transaction((tx) => insertAccount(tx, { username: 'VanPhong', displayName: 'Trùng tên', tenantId: otherCommune.id }))).rejects.toMatchObject({
      status: 409,
      id: 'account.username-taken',
    });
    expect(await countWhere(users, otherCommune.id)).toBe(before);
    const [entry] = await t.database.db.select().from(usernames).where(eq(usernames.username, 'vanphong'));
    expect(entry!.tenantId).not.toBe(otherCommune.id);
  });

  it('signs in through the lookup, in the account’s own tenant', async () => {
    const account = await insertAccount(t.database.db, { username: 'tracuu.moi', displayName: 'Người mới', tenantId: otherCommune.id });
    const [entry] = await t.database.db.select().from(usernames).where(eq(usernames.username, 'tracuu.moi'));
    expect(entry).toEqual({ username: 'tracuu.moi', tenantId: otherCommune.id, userId: account.id });
  });
});

describe('party card numbers are unique across communes', () => {
  it('refuses another commune’s card number on a member (409), changing nothing', async () => {
    const foreign = await buildMember(t.database, otherCell, { cardNumber: '07770001' });
    const s = await t.signIn('vanphong');
    const [member] = await membersOf(t.database, 'Chi bộ Tràng Đà 1');
    const res = await s.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload: { version: member!.version, cardNumber: '07770001' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.id).toBe('member.card-number-taken');
    const [after] = await t.database.db.select().from(members).where(eq(members.id, member!.id));
    expect(after).toEqual(member);
    const [owner] = await t.database.db.select().from(memberCards).where(eq(memberCards.cardNumber, '07770001'));
    expect(owner).toEqual({ cardNumber: '07770001', tenantId: otherCommune.id, memberId: foreign.id });
  });

  it('moves the lookup with a changed card number', async () => {
    const s = await t.signIn('vanphong');
    const [member] = await membersOf(t.database, 'Chi bộ Tràng Đà 2');
    const res = await s.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload: { version: member!.version, cardNumber: '07770002' } });
    expect(res.statusCode).toBe(200);
    const held = await t.database.db.select().from(memberCards).where(eq(memberCards.memberId, member!.id));
    expect(held.map((c) => c.cardNumber)).toEqual(['07770002']);
  });

  it('keeps a member in their commune: a cell of another commune is refused (400), changing nothing', async () => {
    const s = await t.signIn('admin');
    const [member] = await membersOf(t.database, 'Chi bộ Tràng Đà 3');
    // A cell changes only by a transfer (decision 015); one into another commune's cell is refused.
    const res = await s.inject({ method: 'POST', url: `/api/members/${member!.id}/transfer`, payload: { toCellId: otherCell.id, on: '2026-05-20' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('membership.cell-invalid');
    const [after] = await t.database.db.select().from(members).where(and(eq(members.tenantId, member!.tenantId), eq(members.id, member!.id)));
    expect(after!.cellId).toBe(member!.cellId);
  });
});

describe('the session cookie names its tenant', () => {
  it('is "<tenant>.<token>", and the token under another tenant finds no session', async () => {
    const s = await t.signIn('vanphong');
    const ward = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const value = s.cookie.replace(/^qt_session=/, '');
    expect(value.startsWith(`${ward.id}.`)).toBe(true);
    const forged = `qt_session=${otherCommune.id}.${value.slice(ward.id.length + 1)}`;
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: forged } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: 'qt_session=not-a-session' } })).statusCode).toBe(401);
    expect((await s.inject({ url: '/api/me' })).statusCode).toBe(200);
  });
});
