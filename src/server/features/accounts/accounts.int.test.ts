// Accounts of a commune: who may do what, every bad input changing nothing, one-time codes and the
// password-change gate (decision 016).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { atMoment } from '../../clock';
import { auditLog } from '../audit/tables';
import { roleGrants, sessions, users } from '../../auth/tables';
import type { Unit } from '../units/tables';
import { oneTimeCodes } from './tables';
import { positionKinds } from '../people/tables';
import { issueCode } from './codes';

let t: TestApp;
let ward: Unit;
let cell: Unit;
let second: Unit;
let secondCell: Unit;
let wardAdmin: Session;
let secondAdmin: Session;
let provinceAdmin: Session;
let n = 0;
const uname = () => `tkthu${Date.now().toString(36)}${(n += 1)}`;

beforeAll(async () => {
  t = await startTestApp({ QT_LOCKOUT_ATTEMPTS: '50' });
  ward = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
  cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
  second = await buildCommune(t.database, 'Đảng ủy phường Hưng Thành');
  secondCell = await buildCell(t.database, second, 'Chi bộ Hưng Thành 1');
  const a = await buildUserWithGrant(t.database, { role: 'admin', unit: ward });
  wardAdmin = await t.signIn(a.username, a.password);
  const b = await buildUserWithGrant(t.database, { role: 'admin', unit: second });
  secondAdmin = await t.signIn(b.username, b.password);
  provinceAdmin = await t.signIn('admin');
});
afterAll(() => t?.close());

const db = () => t.database.db;
const userCount = async () => (await db().select({ id: users.id }).from(users)).length;
const loginCode = (username: string, oneTimeCode: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, oneTimeCode } });
const sessionOf = (res: Awaited<ReturnType<typeof loginCode>>) => {
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  return (options: InjectOptions) => t.app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrf } });
};

async function create(s: Session, body: Record<string, unknown>, communeId?: string) {
  return s.inject({ method: 'POST', url: `/api/accounts${communeId ? `?communeId=${communeId}` : ''}`, payload: body });
}

describe('creating an account', () => {
  it('201 with a one-time code "ABCD-EFGH", no password, the grants, audited', async () => {
    const username = uname();
    const res = await create(wardAdmin, { username, displayName: 'Nguyễn Văn Thử', grants: [{ role: 'cellSecretary', unitId: cell.id }] });
    expect(res.statusCode).toBe(201);
    expect(res.json().oneTimeCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u);
    const [user] = await db().select().from(users).where(eq(users.username, username));
    expect(user).toMatchObject({ passwordHash: null, mustChangePassword: true, tenantId: ward.id });
    const [code] = await db().select().from(oneTimeCodes).where(eq(oneTimeCodes.userId, user!.id));
    expect(code!.codeHash).not.toContain(res.json().oneTimeCode.replace('-', ''));
    expect(code!.expiresAt.getTime() - code!.createdAt.getTime()).toBe(7 * 86_400_000);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, user!.id))).map((a) => a.action).sort();
    expect(actions).toEqual(['account.created', 'account.granted']);
  });

  it.each([
    ['a duplicate username', 409, 'account.username-taken', () => ({ username: 'vanphong', displayName: 'Trùng tên', grants: [] })],
    ['a bad username', 400, 'validation', () => ({ username: 'Có Dấu', displayName: 'Tên', grants: [] })],
    ['a grant on the province', 403, 'forbidden', () => ({ username: uname(), displayName: 'Tỉnh', grants: [{ role: 'wardStaff', unitId: ward.parentId }] })],
    ['a province viewer role', 403, 'forbidden', () => ({ username: uname(), displayName: 'Tỉnh', grants: [{ role: 'provinceViewer', unitId: ward.id }] })],
    ['a grant in another commune', 403, 'forbidden', () => ({ username: uname(), displayName: 'Khác', grants: [{ role: 'cellSecretary', unitId: secondCell.id }] })],
    ['an unknown unit', 404, 'unit.not-found', () => ({ username: uname(), displayName: 'Không có', grants: [{ role: 'member', unitId: crypto.randomUUID() }] })],
    ['an unknown person', 400, 'accounts.unknown-person', () => ({ username: uname(), displayName: 'Không có', personId: crypto.randomUUID(), grants: [] })],
  ])('%s: %i %s, nothing written', async (_name, status, id, body) => {
    const before = await userCount();
    const res = await create(wardAdmin, body());
    expect(res.statusCode).toBe(status);
    expect(res.json().error.id).toBe(id);
    expect(res.json().error.message).toMatch(/\p{L}/u);
    expect(await userCount()).toBe(before);
  });

  it('a ward administrator cannot create in another commune: 404, nothing written', async () => {
    const before = await userCount();
    const res = await create(wardAdmin, { username: uname(), displayName: 'Khác', grants: [] }, second.id);
    expect(res.statusCode).toBe(404);
    expect(await userCount()).toBe(before);
  });

  it('a province administrator grants the province viewer role', async () => {
    const res = await create(provinceAdmin, { username: uname(), displayName: 'Ban Tuyên giáo', grants: [{ role: 'provinceViewer', unitId: ward.parentId }] }, ward.id);
    expect(res.statusCode).toBe(201);
    // A province account (decision 017): its tenant is the province, its grant on the province unit.
    const [user] = await db().select().from(users).where(eq(users.id, res.json().id));
    expect(user!.tenantId).toBe(ward.parentId);
    const [grant] = await db().select().from(roleGrants).where(eq(roleGrants.userId, user!.id));
    expect(grant).toMatchObject({ tenantId: ward.parentId, unitId: ward.parentId, role: 'provinceViewer' });
  });

  it.each(['vanphong', 'thuongtruc', 'bithu', 'dangvien', 'tinhuy', 'ubnd'])('%s may not list or create accounts: 403', async (who) => {
    const s = await t.signIn(who);
    const list = await s.inject({ url: `/api/accounts?communeId=${ward.id}` });
    expect(list.statusCode).toBe(403);
    const before = await userCount();
    expect((await create(s, { username: uname(), displayName: 'Thử', grants: [] }, ward.id)).statusCode).toBe(403);
    expect(await userCount()).toBe(before);
  });
});

describe('listing accounts', () => {
  it('searches without diacritics, filters by role and unit, pages', async () => {
    const all = await wardAdmin.inject({ url: '/api/accounts?pageSize=5' });
    expect(all.statusCode).toBe(200);
    expect(all.json().accounts).toHaveLength(5);
    expect(all.json().total).toBeGreaterThan(5);
    const found = await wardAdmin.inject({ url: `/api/accounts?q=${encodeURIComponent('nguyen van thu')}` });
    expect(found.json().accounts.map((a: { displayName: string }) => a.displayName)).toContain('Nguyễn Văn Thử');
    const secretaries = await wardAdmin.inject({ url: `/api/accounts?role=cellSecretary&unitId=${cell.id}` });
    const names = secretaries.json().accounts.map((a: { username: string }) => a.username);
    expect(names).toContain('bithu');
    expect(names).not.toContain('vanphong');
  });

  it("another commune's administrator sees only their own", async () => {
    const res = await secondAdmin.inject({ url: '/api/accounts' });
    expect(res.statusCode).toBe(200);
    expect(res.json().accounts.map((a: { username: string }) => a.username)).not.toContain('bithu');
  });
});

describe('granting, revoking, disabling, resetting', () => {
  async function fresh() {
    const res = await create(wardAdmin, { username: uname(), displayName: 'Trần Thị Thử', grants: [{ role: 'member', unitId: cell.id }] });
    return res.json() as { id: string; oneTimeCode: string };
  }

  it('grants and revokes a role, audited; a duplicate grant is 409', async () => {
    const { id } = await fresh();
    const granted = await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${id}/grants`, payload: { role: 'cellSecretary', unitId: cell.id } });
    expect(granted.statusCode).toBe(201);
    const again = await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${id}/grants`, payload: { role: 'cellSecretary', unitId: cell.id } });
    expect(again.statusCode).toBe(409);
    const revoked = await wardAdmin.inject({ method: 'DELETE', url: `/api/accounts/${id}/grants/${granted.json().id}` });
    expect(revoked.statusCode).toBe(200);
    const grants = await db().select().from(roleGrants).where(eq(roleGrants.userId, id));
    expect(grants.map((g) => g.role)).toEqual(['member']);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['account.granted', 'account.revoked']));
  });

  it('refuses a grant above or outside the commune (403) and on another commune\'s account (404), nothing changed', async () => {
    const { id } = await fresh();
    for (const unitId of [ward.parentId!, secondCell.id]) {
      const res = await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${id}/grants`, payload: { role: 'wardStaff', unitId } });
      expect(res.statusCode).toBe(403);
    }
    const other = await secondAdmin.inject({ method: 'POST', url: `/api/accounts/${id}/grants`, payload: { role: 'cellSecretary', unitId: secondCell.id } });
    expect(other.statusCode).toBe(404);
    expect((await secondAdmin.inject({ method: 'POST', url: `/api/accounts/${id}/disable` })).statusCode).toBe(404);
    expect((await secondAdmin.inject({ method: 'POST', url: `/api/accounts/${id}/reset` })).statusCode).toBe(404);
    const grants = await db().select().from(roleGrants).where(eq(roleGrants.userId, id));
    expect(grants).toHaveLength(1);
    const [user] = await db().select().from(users).where(eq(users.id, id));
    expect(user!.disabled).toBe(false);
  });

  it('disabling ends the sessions at once; enabling lets the person in again; both audited', async () => {
    const { username, password, user } = await buildUserWithGrant(t.database, { role: 'cellSecretary', unit: cell });
    const s = await t.signIn(username, password);
    expect((await s.inject({ url: '/api/me' })).statusCode).toBe(200);
    expect((await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${user.id}/disable` })).statusCode).toBe(200);
    expect((await s.inject({ url: '/api/me' })).statusCode).toBe(401);
    expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect((await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${user.id}/enable` })).statusCode).toBe(200);
    await t.signIn(username, password);
    const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, user.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['account.disabled', 'account.enabled']));
  });

  it('an administrator may not disable themselves', async () => {
    const res = await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${wardAdmin.me.user.id}/disable` });
    expect(res.statusCode).toBe(409);
  });

  it('a reset forgets the password, ends sessions, issues a new code, and the old code stops working', async () => {
    const { username, password, user } = await buildUserWithGrant(t.database, { role: 'member', unit: cell });
    const s = await t.signIn(username, password);
    const first = await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${user.id}/reset` });
    expect(first.statusCode).toBe(200);
    const second = await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${user.id}/reset` });
    expect((await s.inject({ url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).statusCode).toBe(401);
    expect((await loginCode(username, first.json().oneTimeCode)).statusCode).toBe(401);
    expect((await loginCode(username, second.json().oneTimeCode)).statusCode).toBe(200);
    const actions = (await db().select().from(auditLog).where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'account.reset'))));
    expect(actions).toHaveLength(2);
  });
});

describe('signing in with a one-time code', () => {
  async function account() {
    const username = uname();
    const res = await create(wardAdmin, { username, displayName: 'Lê Văn Mã', grants: [{ role: 'cellSecretary', unitId: cell.id }] });
    return { username, id: res.json().id as string, code: res.json().oneTimeCode as string };
  }

  it('opens a session that must set a password: every other route answers 403 password-change-required', async () => {
    const { username, code } = await account();
    const res = await loginCode(username, code.toLowerCase().replace('-', ' '));
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    const call = sessionOf(res);
    for (const url of ['/api/units', `/api/units/${cell.id}`, '/api/plans', '/api/resolutions', '/api/members/search?q=an']) {
      const blocked = await call({ url });
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().error.id).toBe('password-change-required');
    }
    expect((await call({ method: 'POST', url: '/api/resolutions', payload: {} })).json().error.id).toBe('password-change-required');
    expect((await call({ url: '/api/me' })).statusCode).toBe(200);
  });

  it('refuses a weak password with the Vietnamese message, then sets one without the current password', async () => {
    const { username, code, id } = await account();
    const call = sessionOf(await loginCode(username, code));
    for (const [weak, message] of [
      ['anhyeuem', /phổ biến/u],
      ['matkhau123', /phổ biến/u],
      [username, /trùng với tên đăng nhập/u],
      ['ngắn', /ít nhất 8/u],
    ] as const) {
      const res = await call({ method: 'POST', url: '/api/me/password', payload: { newPassword: weak } });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    const [still] = await db().select().from(users).where(eq(users.id, id));
    expect(still!.passwordHash).toBeNull();
    const ok = await call({ method: 'POST', url: '/api/me/password', payload: { newPassword: 'Chi bộ Tràng Đà vững mạnh' } });
    expect(ok.statusCode).toBe(200);
    // The code's session ended with the change; the answer opened the person's new one.
    expect((await call({ url: '/api/units' })).statusCode).toBe(401);
    expect((await sessionOf(ok)({ url: '/api/units' })).statusCode).toBe(200);
    const s = await t.signIn(username, 'Chi bộ Tràng Đà vững mạnh');
    expect(s.me).toMatchObject({ mustChangePassword: false });
    // A normal session still proves the current password.
    const noCurrent = await s.inject({ method: 'POST', url: '/api/me/password', payload: { newPassword: 'mot-mat-khau-khac' } });
    expect(noCurrent.statusCode).toBe(400);
    expect(noCurrent.json().error.id).toBe('auth.wrong-current-password');
  });

  it('a used code: 401 telling the person to ask the office', async () => {
    const { username, code } = await account();
    expect((await loginCode(username, code)).statusCode).toBe(200);
    const again = await loginCode(username, code);
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toEqual({ id: 'auth.one-time-code-invalid', message: expect.stringMatching(/liên hệ Văn phòng Đảng ủy/u) });
  });

  it('an expired code (issued 8 days ago by the clock): 401, the same message; one issued 6 days ago works', async () => {
    const { username, id } = await account();
    // The clock of the write (clock.ts): the code is issued as if 8 days ago.
    const old = await atMoment(new Date(Date.now() - 8 * 86_400_000), () => issueCode(db(), { tenantId: ward.id, userId: id }, null));
    const res = await loginCode(username, old.code);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.id).toBe('auth.one-time-code-invalid');
    const recent = await atMoment(new Date(Date.now() - 6 * 86_400_000), () => issueCode(db(), { tenantId: ward.id, userId: id }, null));
    expect((await loginCode(username, recent.code)).statusCode).toBe(200);
  });

  it('a wrong code or unknown account: the same 401; a disabled account cannot use its code', async () => {
    const { username, code, id } = await account();
    const wrong = await loginCode(username, 'ZZZZ-ZZZZ');
    const unknown = await loginCode('khongcoai', code);
    expect(wrong.json()).toEqual(unknown.json());
    await wardAdmin.inject({ method: 'POST', url: `/api/accounts/${id}/disable` });
    expect((await loginCode(username, code)).statusCode).toBe(401);
  });
});

describe('the province', () => {
  it('opens a commune with its first administrator, who signs in with the code and works there', async () => {
    const before = await provinceAdmin.inject({ url: '/api/province/communes' });
    const username = uname();
    const res = await provinceAdmin.inject({ method: 'POST', url: '/api/province/communes', payload: { name: 'Đảng ủy xã Thái Bình', admin: { username, displayName: 'Quản trị xã Thái Bình' } } });
    expect(res.statusCode).toBe(201);
    const after = await provinceAdmin.inject({ url: '/api/province/communes' });
    expect(after.json().communes).toHaveLength(before.json().communes.length + 1);
    const communeId = res.json().id as string;
    // The commune is its own tenant, with the standard position kinds; its administrator belongs to it.
    expect((await db().select().from(positionKinds).where(eq(positionKinds.tenantId, communeId))).length).toBeGreaterThan(0);
    const [admin] = await db().select().from(users).where(eq(users.username, username));
    expect(admin!.tenantId).toBe(communeId);
    const signedIn = await loginCode(username, res.json().oneTimeCode);
    // The session cookie names the account's tenant.
    expect(signedIn.cookies.find((c) => c.value.includes('.'))!.value.startsWith(`${communeId}.`)).toBe(true);
    const call = sessionOf(signedIn);
    const changed = await call({ method: 'POST', url: '/api/me/password', payload: { newPassword: 'xa Thai Binh 2026' } });
    expect(changed.statusCode).toBe(200);
    const list = await sessionOf(changed)({ url: '/api/accounts' });
    expect(list.statusCode).toBe(200);
    expect(list.json().accounts.map((a: { username: string }) => a.username)).toEqual([username]);
  });

  it('a duplicate name or username: 409, nothing written; a ward administrator or a viewer: 403', async () => {
    const before = await userCount();
    const dupName = await provinceAdmin.inject({ method: 'POST', url: '/api/province/communes', payload: { name: 'Đảng ủy phường Nông Tiến', admin: { username: uname(), displayName: 'Thử' } } });
    expect(dupName.statusCode).toBe(409);
    const dupUser = await provinceAdmin.inject({ method: 'POST', url: '/api/province/communes', payload: { name: 'Đảng ủy xã Mới', admin: { username: 'vanphong', displayName: 'Thử' } } });
    expect(dupUser.json().error.id).toBe('account.username-taken');
    const viewer = await t.signIn('tinhuy');
    for (const s of [wardAdmin, viewer]) {
      const res = await s.inject({ method: 'POST', url: '/api/province/communes', payload: { name: 'Đảng ủy xã Khác', admin: { username: uname(), displayName: 'Thử' } } });
      expect(res.statusCode).toBe(403);
    }
    expect(await userCount()).toBe(before);
    expect((await viewer.inject({ url: '/api/province/communes' })).statusCode).toBe(200);
    expect((await wardAdmin.inject({ url: '/api/province/communes' })).statusCode).toBe(403);
  });
});
