// A person's data exported and erased (issue 15, item 7; Nghị định 13/2023/NĐ-CP; decision 028): the
// export holds everything about them and no secret; the erasure leaves the plan's consolidation, the
// cell's yearly record totals and the province's roll-up identical, refuses without changing anything,
// and leaves an audit entry without the erased data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildMember, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { members, memberCards } from '../members/tables';
import { persons } from '../people/tables';
import { plans } from '../plans/tables';
import { usernames, users, roleGrants } from '../../auth/tables';
import { notifications } from '../notifications/tables';
import { reflections } from '../reflections/tables';
import { quizAttempts } from '../quiz/tables';
import { sessionAttendance } from '../study-sessions/tables';
import { auditLog } from '../audit/tables';
import { units } from '../units/tables';
import { cellRecord } from '../reflections/record';

let t: TestApp;
let admin: Session;
let bithu: Session;
let member: Session;
beforeAll(async () => {
  t = await startTestApp();
  [admin, bithu, member] = [await t.signIn('admin'), await t.signIn('bithu'), await t.signIn('dangvien')];
});
afterAll(async () => t?.close());

const db = () => t.database.db;
const memberOfAccount = async (username: string) => {
  const [row] = await db().select({ m: members }).from(users).innerJoin(members, and(eq(members.tenantId, users.tenantId), eq(members.id, users.memberId))).where(eq(users.username, username));
  return row!.m;
};
const personRow = async (id: string) => (await db().select().from(persons).where(eq(persons.id, id)))[0]!;

/** Everything an erasure may touch, to prove a refusal changed nothing. */
async function snapshot(personId: string, memberId: string) {
  return {
    person: await personRow(personId),
    member: (await db().select().from(members).where(eq(members.id, memberId)))[0],
    accounts: await db().select().from(users).where(eq(users.memberId, memberId)),
    notifications: await db().select().from(notifications).where(eq(notifications.personId, personId)),
    reflections: await db().select().from(reflections).where(eq(reflections.memberId, memberId)),
    cards: await db().select().from(memberCards).where(eq(memberCards.memberId, memberId)),
  };
}

/** The cell's yearly record reduced to its totals (what the record counts, not who). */
async function recordTotals(cellId: string) {
  const [cell] = await db().select().from(units).where(eq(units.id, cellId));
  const record = await cellRecord(db(), cell!, 2026);
  const totals = { members: record.length, rows: 0, attendance: {} as Record<string, number>, reflections: 0, passed: 0, late: 0, quizzed: 0, quizSum: 0, attempts: 0 };
  for (const { rows } of record) {
    for (const r of rows) {
      totals.rows++;
      const status = r.attendance ?? 'none';
      totals.attendance[status] = (totals.attendance[status] ?? 0) + 1;
      if (r.reflection) totals.reflections++;
      if (r.reflection?.late) totals.late++;
      if (r.reflection?.review?.result === 'passed') totals.passed++;
      if (r.quiz) totals.attempts += r.quiz.attempts;
      if (r.quiz?.best != null) (totals.quizzed++, (totals.quizSum += r.quiz.best));
    }
  }
  return totals;
}

describe('a person’s data', () => {
  it('is exported whole to an administrator and to the person, without secrets, and the export is audited', async () => {
    const m = await memberOfAccount('dangvien');
    const res = await admin.inject({ url: `/api/people/${m.personId}/personal-data` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json();
    expect(data.format).toBe('quantriet.personal-data/1');
    expect(data.person).toMatchObject({ id: m.personId, fullName: m.fullName });
    expect(data.member).toMatchObject({ id: m.id, cardNumber: m.cardNumber, joinedOn: m.joinedOn });
    expect(data.membership.length).toBeGreaterThan(0);
    expect(data.accounts).toEqual([expect.objectContaining({ username: 'dangvien', roles: [expect.objectContaining({ role: 'member' })] })]);
    expect(data.quizAttempts.length).toBeGreaterThan(0);
    const stored = await db().select().from(notifications).where(eq(notifications.personId, m.personId));
    expect(data.notifications).toHaveLength(stored.length);
    const marks = await db().select().from(sessionAttendance).where(eq(sessionAttendance.memberId, m.id));
    expect(data.attendance.sessions).toHaveLength(marks.length);
    expect(data.audit.length).toBeGreaterThan(0);
    // No password hash, code, session or feed token: the account's stored hash appears nowhere.
    const [account] = await db().select().from(users).where(eq(users.username, 'dangvien'));
    expect(res.body).not.toContain(account!.passwordHash!);
    expect(res.body).not.toMatch(/passwordHash|codeHash|tokenHash|csrf/iu);

    const own = await member.inject({ url: '/api/me/personal-data' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().person.id).toBe(m.personId);
    const audited = await db().select().from(auditLog).where(and(eq(auditLog.action, 'personal-data.exported'), eq(auditLog.entityId, m.personId)));
    expect(audited.map((a) => (a.after as { own: boolean }).own).sort()).toEqual([false, true]);

    // Not the cell secretary's (403), nor the ward office's: an administrator's.
    expect((await bithu.inject({ url: `/api/people/${m.personId}/personal-data` })).statusCode).toBe(403);
    expect((await (await t.signIn('vanphong')).inject({ url: `/api/people/${m.personId}/personal-data` })).statusCode).toBe(403);
    // An account without a person exports the account alone.
    const adminOwn = await admin.inject({ url: '/api/me/personal-data' });
    expect(adminOwn.statusCode, adminOwn.body).toBe(200);
    expect(adminOwn.json().accounts[0].username).toBe('admin');
  });

  it('is erased keeping the consolidation, the cell’s yearly record totals and the province’s roll-up identical', async () => {
    const m = await memberOfAccount('dangvien');
    const [plan] = await db().select().from(plans).where(eq(plans.issuedOn, '2026-05-15'));
    // The ward sends its report up, so that the province's roll-up holds the ward's figures.
    const up = await (await t.signIn('thuongtruc')).inject({ method: 'POST', url: `/api/plans/${plan!.id}/consolidated-report/submit`, payload: { version: 0 } });
    expect(up.statusCode, up.body).toBe(200);
    const province = await t.signIn('tinhuy');
    const figures = async () => ({
      consolidation: (await admin.inject({ url: `/api/plans/${plan!.id}/consolidation` })).json(),
      record: await recordTotals(m.cellId),
      province: (await province.inject({ url: '/api/province/reports?resolution=91-NQ%2FTU' })).json(),
    });
    const before = await figures();
    expect(before.province.communes.some((c: { status: string }) => c.status === 'submitted')).toBe(true);
    expect(before.record.attempts).toBeGreaterThan(0);
    const person = await personRow(m.personId);
    const attemptsBefore = await db().select().from(quizAttempts).where(eq(quizAttempts.memberId, m.id));
    const marksBefore = await db().select().from(sessionAttendance).where(eq(sessionAttendance.memberId, m.id));

    const res = await admin.inject({ method: 'POST', url: `/api/people/${m.personId}/erase`, payload: { version: person.version, reason: 'Đương sự yêu cầu xóa dữ liệu' } });
    expect(res.statusCode, res.body).toBe(200);
    const pseudonym = res.json().fullName as string;
    expect(pseudonym).toMatch(/^Đã xóa #[0-9A-F]{6}$/u);

    expect(await figures()).toEqual(before);
    // Personal fields gone, the rows that feed figures kept.
    const after = await snapshot(m.personId, m.id);
    expect(after.person).toMatchObject({ fullName: pseudonym, birthDate: null, phone: null, email: null, note: null, gender: person.gender });
    expect(after.person.erasedAt).not.toBeNull();
    expect(after.member).toMatchObject({ fullName: pseudonym, birthDate: null, cardNumber: null, phone: null, email: null, joinedOn: m.joinedOn, cellId: m.cellId });
    expect(after.cards).toEqual([]);
    expect(after.notifications).toEqual([]);
    expect(after.reflections.every((r) => r.reflection === '' && r.commitment === '')).toBe(true);
    expect((await db().select().from(quizAttempts).where(eq(quizAttempts.memberId, m.id))).map((a) => a.score)).toEqual(attemptsBefore.map((a) => a.score));
    expect((await db().select().from(sessionAttendance).where(eq(sessionAttendance.memberId, m.id))).map((a) => a.status)).toEqual(marksBefore.map((a) => a.status));
    // The account can no longer sign in, and no longer names the person.
    expect(after.accounts).toEqual([expect.objectContaining({ displayName: pseudonym, passwordHash: null, disabled: true })]);
    expect(after.accounts[0]!.username).not.toBe('dangvien');
    expect(await db().select().from(usernames).where(eq(usernames.username, 'dangvien'))).toEqual([]);
    expect(await db().select().from(roleGrants).where(eq(roleGrants.userId, after.accounts[0]!.id))).toEqual([]);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dangvien', password: 'quantriet' } })).statusCode).toBe(401);
    expect((await member.inject({ url: '/api/me' })).statusCode).toBe(401);
    // One audit entry, with who, why and the pseudonym, not what was erased.
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.action, 'personal-data.erased'), eq(auditLog.entityId, m.personId)));
    expect(entry).toMatchObject({ actorId: admin.me.user.id, entity: 'person' });
    expect(entry!.after).toMatchObject({ reason: 'Đương sự yêu cầu xóa dữ liệu', pseudonym, memberId: m.id });
    const text = JSON.stringify(entry);
    for (const value of [m.fullName, m.cardNumber, m.phone, m.email, m.birthDate, 'dangvien'].filter(Boolean)) expect(text).not.toContain(value);
    // The person's page shows the pseudonym.
    const page = (await admin.inject({ url: `/api/people/${m.personId}` })).json();
    expect(page.person).toMatchObject({ fullName: pseudonym });
    expect(page.person.erasedAt).not.toBeNull();

    // Editing the erased record back: 409 on the person and on the member, nothing changes.
    const retype = await admin.inject({ method: 'PATCH', url: `/api/people/${m.personId}`, payload: { version: after.person.version, phone: '0912345678' } });
    expect(retype.statusCode).toBe(409);
    expect(retype.json().error.id).toBe('privacy.erased');
    const retypeMember = await admin.inject({ method: 'PATCH', url: `/api/members/${m.id}`, payload: { version: after.member.version, fullName: m.fullName } });
    expect(retypeMember.statusCode).toBe(409);
    expect(retypeMember.json().error.id).toBe('privacy.erased');
    expect(await snapshot(m.personId, m.id)).toEqual(after);

    // Already erased: 409, nothing changes.
    const again = await admin.inject({ method: 'POST', url: `/api/people/${m.personId}/erase`, payload: { version: after.person.version, reason: 'Lần thứ hai' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ id: 'privacy.already-erased', message: expect.stringContaining('đã được xóa') });
    expect(await snapshot(m.personId, m.id)).toEqual(after);
  });

  it('refuses someone holding an administrator account, a stale version, a missing reason and a non-administrator, changing nothing', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
    const target = await buildMember(t.database, cell, { phone: '0912345678', email: 'thu@example.vn' });
    const { user } = await buildUserWithGrant(t.database, { role: 'admin', unit: cell, memberId: target.id });
    await db().insert(notifications).values({ tenantId: target.tenantId, personId: target.personId, kind: 'plan.delivered', title: 'Thông báo thử', body: '' } as typeof notifications.$inferInsert);
    const before = await snapshot(target.personId, target.id);
    const version = before.person.version;
    const url = `/api/people/${target.personId}/erase`;

    const admins = await admin.inject({ method: 'POST', url, payload: { version, reason: 'Đương sự yêu cầu xóa dữ liệu' } });
    expect(admins.statusCode).toBe(409);
    expect(admins.json().error).toMatchObject({ id: 'privacy.holds-administrator', message: expect.stringContaining('quản trị') });
    expect(await snapshot(target.personId, target.id)).toEqual(before);

    await db().delete(roleGrants).where(eq(roleGrants.userId, user.id));
    const stale = await admin.inject({ method: 'POST', url, payload: { version: version + 5, reason: 'Đương sự yêu cầu xóa dữ liệu' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('person.version-conflict');
    const noReason = await admin.inject({ method: 'POST', url, payload: { version } });
    expect(noReason.statusCode).toBe(400);
    const secretary = await bithu.inject({ method: 'POST', url, payload: { version, reason: 'Đương sự yêu cầu xóa dữ liệu' } });
    expect(secretary.statusCode).toBe(403);
    const office = await (await t.signIn('vanphong')).inject({ method: 'POST', url, payload: { version, reason: 'Đương sự yêu cầu xóa dữ liệu' } });
    expect(office.statusCode).toBe(403);
    expect(await snapshot(target.personId, target.id)).toEqual(before);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'personal-data.erased'), eq(auditLog.entityId, target.personId)))).toEqual([]);

    // Now allowed: a person who is not a member is erased too.
    const ok = await admin.inject({ method: 'POST', url, payload: { version, reason: 'Đương sự yêu cầu xóa dữ liệu' } });
    expect(ok.statusCode, ok.body).toBe(200);
    const created = await admin.inject({ method: 'POST', url: '/api/people', payload: { fullName: 'Trần Thị Ngoài Đảng', phone: '0987654321' } });
    const outsider = created.json();
    const erased = await admin.inject({ method: 'POST', url: `/api/people/${outsider.id}/erase`, payload: { version: outsider.version, reason: 'Đương sự yêu cầu xóa dữ liệu' } });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await personRow(outsider.id)).toMatchObject({ phone: null, fullName: erased.json().fullName });
  });

  it('two erasures sent at once: exactly one erases, the other is refused', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
    const target = await buildMember(t.database, cell);
    const { version } = await personRow(target.personId);
    const url = `/api/people/${target.personId}/erase`;
    const answers = await Promise.all([0, 1, 2].map(() => admin.inject({ method: 'POST', url, payload: { version, reason: 'Đương sự yêu cầu xóa dữ liệu' } })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(['person.version-conflict', 'privacy.already-erased']).toContain(a.json().error.id);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, 'personal-data.erased'), eq(auditLog.entityId, target.personId)))).toHaveLength(1);
  });
});
