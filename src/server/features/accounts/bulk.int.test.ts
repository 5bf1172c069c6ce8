// Bulk onboarding: accounts for the cell secretaries (from positions) or the members of chosen cells,
// one transaction, existing accounts refreshed instead of duplicated, and the letters read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import mammoth from 'mammoth';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildMember, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { roleGrants, usernames as usernameTable, users } from '../../auth/tables';
import { persons, positions } from '../people/tables';
import { members } from '../members/tables';
import type { Unit } from '../units/tables';

let t: TestApp;
let ward: Unit;
let cellA: Unit;
let cellB: Unit;
let second: Unit;
let admin: Session;
beforeAll(async () => {
  t = await startTestApp({ QT_PUBLIC_URL: 'https://quantriet.nongtien.vn' });
  ward = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
  cellA = await buildCell(t.database, ward, 'Chi bộ Onboard A');
  cellB = await buildCell(t.database, ward, 'Chi bộ Onboard B');
  second = await buildCommune(t.database, 'Đảng ủy phường Hưng Thành');
  const a = await buildUserWithGrant(t.database, { role: 'admin', unit: ward });
  admin = await t.signIn(a.username, a.password);
});
afterAll(() => t?.close());

const db = () => t.database.db;

async function memberWithPerson(cell: Unit, fullName: string) {
  const [person] = await db().insert(persons).values({ tenantId: cell.tenantId!, fullName }).returning();
  return buildMember(t.database, cell, { fullName, personId: person!.id });
}

async function secretary(cell: Unit, fullName: string, fromOn = '2025-01-01', toOn: string | null = null) {
  const member = await memberWithPerson(cell, fullName);
  await db().insert(positions).values({ tenantId: cell.tenantId!, personId: member.personId!, kindCode: 'cellSecretary', unitId: cell.id, fromOn, toOn });
  return member;
}

const bulk = (body: object, communeId?: string) => admin.inject({ method: 'POST', url: `/api/accounts/bulk${communeId ? `?communeId=${communeId}` : ''}`, payload: body });

describe('accounts for the cell secretaries', () => {
  it('creates one for each current secretary of the chosen cells, granted cellSecretary on the cell', async () => {
    await secretary(cellA, 'Nguyễn Văn An');
    await secretary(cellB, 'Nguyễn Văn An');
    await secretary(cellA, 'Hoàng Văn Cũ', '2020-01-01', '2024-12-31');
    const res = await bulk({ kind: 'cellSecretaries', cellIds: [cellA.id, cellB.id] });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.created).toBe(2);
    expect(body.letters.map((l: { fullName: string; cellName: string }) => `${l.cellName}: ${l.fullName}`)).toEqual(['Chi bộ Onboard A: Nguyễn Văn An', 'Chi bộ Onboard B: Nguyễn Văn An']);
    const usernames = body.letters.map((l: { username: string }) => l.username);
    expect(usernames[0]).toMatch(/^nguyenvanan\d*$/u);
    expect(new Set(usernames).size).toBe(2);
    const accounts = await db().select().from(users).where(inArray(users.username, usernames));
    const grants = await db().select().from(roleGrants).where(inArray(roleGrants.userId, accounts.map((a) => a.id)));
    expect(grants.map((g) => g.role).sort()).toEqual(['cellSecretary', 'cellSecretary']);
    // Each new account claimed its username in the lookup table, in its commune's tenant (decision 017).
    const claimed = await db().select().from(usernameTable).where(inArray(usernameTable.username, usernames));
    expect(claimed.map((c) => [c.username, c.tenantId, c.userId]).sort()).toEqual(accounts.map((a) => [a.username, ward.id, a.id]).sort());
    expect(grants.every((g) => g.tenantId === ward.id)).toBe(true);
    expect(grants.map((g) => g.unitId).sort()).toEqual([cellA.id, cellB.id].sort());
  });

  it('run again: the same accounts get fresh codes, no duplicates', async () => {
    const before = (await db().select({ id: users.id }).from(users)).length;
    const res = await bulk({ kind: 'cellSecretaries', cellIds: [cellA.id] });
    expect(res.json()).toMatchObject({ created: 0, refreshed: 1 });
    expect((await db().select({ id: users.id }).from(users)).length).toBe(before);
  });

  it('names the chosen cells where nobody got an account (no secretary given yet), and writes nothing for them', async () => {
    const empty = await buildCell(t.database, ward, 'Chi bộ Chưa Có Bí Thư');
    const res = await bulk({ kind: 'cellSecretaries', cellIds: [cellA.id, empty.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, refreshed: 1, emptyCells: ['Chi bộ Chưa Có Bí Thư'] });
    expect(await db().select().from(roleGrants).where(eq(roleGrants.unitId, empty.id))).toEqual([]);
  });
});

describe('accounts for the members of a cell', () => {
  it('creates the missing ones and refreshes the secretary\'s; the letters DOCX names everyone with their codes', async () => {
    const cell = await buildCell(t.database, ward, 'Chi bộ Onboard C');
    const lead = await secretary(cell, 'Trần Thị Bình');
    await memberWithPerson(cell, 'Lê Văn Cường');
    await buildMember(t.database, cell, { fullName: 'Phạm Thị Dung' });
    await bulk({ kind: 'cellSecretaries', cellIds: [cell.id] });
    const res = await bulk({ kind: 'members', cellIds: [cell.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, refreshed: 1 });
    const letters = res.json().letters as { fullName: string; username: string; oneTimeCode: string }[];
    expect(letters.map((l) => l.fullName)).toEqual(['Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'].sort((a, b) => a.split(' ').at(-1)!.localeCompare(b.split(' ').at(-1)!, 'vi')));
    const [account] = await db().select().from(users).where(eq(users.personId, lead.personId!));
    const roles = (await db().select().from(roleGrants).where(eq(roleGrants.userId, account!.id))).map((g) => g.role).sort();
    expect(roles).toEqual(['cellSecretary', 'member']);

    const docx = await admin.inject({ method: 'POST', url: '/api/accounts/letters?format=docx', payload: { letters: letters.map(({ username, oneTimeCode }) => ({ username, oneTimeCode })) } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/attachment; filename="thu-tai-khoan.docx"/u);
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    for (const l of letters) {
      expect(text).toContain(l.fullName);
      expect(text).toContain(l.username);
      expect(text).toContain(l.oneTimeCode);
    }
    expect(text).toContain('https://quantriet.nongtien.vn');
    expect(text).toContain('Chi bộ Onboard C');
  });

  it('refuses letters for a code that is not the account\'s valid one (400), and after the code is used', async () => {
    const cell = await buildCell(t.database, ward, 'Chi bộ Onboard D');
    await memberWithPerson(cell, 'Vũ Văn Em');
    const { letters } = (await bulk({ kind: 'members', cellIds: [cell.id] })).json();
    const made = await admin.inject({ method: 'POST', url: '/api/accounts/letters', payload: { letters: [{ username: letters[0].username, oneTimeCode: 'ZZZZ-ZZZZ' }] } });
    expect(made.statusCode).toBe(400);
    expect(made.json().error.id).toBe('accounts.letter-code-invalid');
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: letters[0].username, oneTimeCode: letters[0].oneTimeCode } });
    const used = await admin.inject({ method: 'POST', url: '/api/accounts/letters', payload: { letters: [{ username: letters[0].username, oneTimeCode: letters[0].oneTimeCode }] } });
    expect(used.statusCode).toBe(400);
  });
});

describe('bad input and other communes', () => {
  it("another commune's cell: 400, nothing written", async () => {
    const otherCell = await buildCell(t.database, second, 'Chi bộ Hưng Thành 2');
    await memberWithPerson(otherCell, 'Đỗ Văn Khác');
    const before = (await db().select({ id: users.id }).from(users)).length;
    const res = await bulk({ kind: 'members', cellIds: [cellA.id, otherCell.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('accounts.bulk-unknown-cell');
    expect((await db().select({ id: users.id }).from(users)).length).toBe(before);
    expect((await bulk({ kind: 'members', cellIds: [otherCell.id] }, second.id)).statusCode).toBe(404);
  });

  it.each(['vanphong', 'bithu', 'tinhuy'])('%s may not onboard: 403, nothing written', async (who) => {
    const s = await t.signIn(who);
    const before = (await db().select({ id: users.id }).from(users)).length;
    const res = await s.inject({ method: 'POST', url: `/api/accounts/bulk?communeId=${ward.id}`, payload: { kind: 'members', cellIds: [cellA.id] } });
    expect(res.statusCode).toBe(403);
    expect((await db().select({ id: users.id }).from(users)).length).toBe(before);
    expect((await s.inject({ method: 'POST', url: `/api/accounts/letters?communeId=${ward.id}`, payload: { letters: [{ username: 'bithu', oneTimeCode: 'AAAA-AAAA' }] } })).statusCode).toBe(403);
  });

  it('members without a person still get one account each, by their member record', async () => {
    const cell = await buildCell(t.database, ward, 'Chi bộ Onboard E');
    const m = await buildMember(t.database, cell, { fullName: 'Ma Văn Tày' });
    expect((await bulk({ kind: 'members', cellIds: [cell.id] })).json().created).toBe(1);
    expect((await bulk({ kind: 'members', cellIds: [cell.id] })).json()).toMatchObject({ created: 0, refreshed: 1 });
    const accounts = await db().select().from(users).where(eq(users.memberId, m.id));
    expect(accounts).toHaveLength(1);
    expect((await db().select().from(members).where(eq(members.id, m.id)))[0]!.fullName).toBe('Ma Văn Tày');
  });
});
