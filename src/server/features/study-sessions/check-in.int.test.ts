import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { detailOf, sessionOfCell } from '../../../../test/support/sessions';
import { issueCheckInToken } from '../../../domain/check-in-token';
import { users } from '../../auth/tables';
import { serverSecrets } from '../check-in/tables';
import { auditLog } from '../audit/tables';
import { membershipEvents } from '../people/tables';
import { members } from '../members/tables';

const SECRET = 'khoa-ky-ma-diem-danh-cho-thu-nghiem-0123456789';
let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let member: Session;
beforeAll(async () => {
  t = await startTestApp({ QT_CHECK_IN_SECRET: SECRET });
  staff = await t.signIn('vanphong');
  leader = await t.signIn('thuongtruc');
  bithu = await t.signIn('bithu');
  member = await t.signIn('dangvien');
});
afterAll(() => t?.close());

const scan = (s: Session, payload: Record<string, unknown>) => s.inject({ method: 'POST', url: '/api/check-in', payload });
const tenantOf = async (memberId: string) => (await t.database.db.select({ tenantId: members.tenantId }).from(members).where(eq(members.id, memberId)))[0]!.tenantId;
const codeOf = async (s: Session, id: string) => s.inject({ url: `/api/check-in/session/${id}/code` });

describe('rotating QR check-in', () => {
  it('the organiser shows a QR of /check-in/<token>; a signed-in expected member is marked present once', async () => {
    const { sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const code = await codeOf(bithu, sessionId);
    expect(code.statusCode).toBe(200);
    const { token, url, svg, rotatesAt } = code.json();
    expect(url).toMatch(new RegExp(`/check-in/${token.replace(/[.]/g, '\\.')}$`));
    expect(svg).toMatch(/^<svg/);
    expect(new Date(rotatesAt).getTime() - Date.now()).toBeLessThanOrEqual(30_000);
    expect(code.headers['cache-control']).toBe('no-store');

    const first = await scan(member, { token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'checked-in', title: 'buổi sinh hoạt học tập của Chi bộ Tràng Đà 1' });
    // The same code again (a replay): refused with the reason; the member stays present, nothing more is written.
    const again = await scan(member, { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ id: 'check-in.replayed', message: 'Mã này đã được dùng để điểm danh; bạn đã có mặt.' });
    const me = member.me.user.memberId!;
    const detail = await detailOf(bithu, sessionId);
    expect(detail.marks).toEqual([expect.objectContaining({ memberId: me, status: 'present' })]);
    expect(detail.marks[0].checkedInAt).not.toBeNull();
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'session.check-in'), eq(auditLog.entityId, sessionId)))).toHaveLength(1);
    // The organiser can always mark by hand, and the check-in does not move the version the secretary holds.
    const hand = await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks: [{ memberId: me, status: 'late' }] } });
    expect(hand.json().marks).toEqual([expect.objectContaining({ memberId: me, status: 'late' })]);
    // Marked by hand, the secretary herself scans: already present, not a replay of anything.
    const secretary = bithu.me.user.memberId!;
    const marked = await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: hand.json().version, marks: [{ memberId: secretary, status: 'present' }] } });
    expect(marked.statusCode).toBe(200);
    const handMarked = await scan(bithu, { token });
    expect(handMarked.statusCode).toBe(200);
    expect(handMarked.json()).toMatchObject({ outcome: 'already' });
    expect(handMarked.json().message).toContain('đã điểm danh');
  });

  it('refuses an expired, forged, malformed, other-session code and a person not expected, in Vietnamese, changing nothing', async () => {
    const { sessionId, plan } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const other = (await staff.inject({ url: `/api/plans/${plan.id}/sessions` })).json().sessions.find((s: { unitName: string }) => s.unitName === 'Chi bộ Tràng Đà 2');
    const subject = `session_${sessionId}`;
    const expired = issueCheckInToken(SECRET, subject, new Date(Date.now() - 120_000));
    const future = issueCheckInToken(SECRET, subject, new Date(Date.now() + 120_000));
    const forged = issueCheckInToken('khoa-gia-mao-khong-phai-cua-may-chu-0123456789', subject, new Date());
    const cases: [Record<string, unknown>, string][] = [
      [{ token: expired }, 'check-in.expired'],
      [{ token: future }, 'check-in.not-yet-valid'],
      [{ token: forged }, 'check-in.forged'],
      [{ token: 'khong-phai-ma' }, 'check-in.malformed'],
      [{ token: issueCheckInToken(SECRET, subject, new Date()), kind: 'session', id: other.id }, 'check-in.other-session'],
      // A code of Tràng Đà 2's session: the member of Tràng Đà 1 is not expected there.
      [{ token: issueCheckInToken(SECRET, `session_${other.id}`, new Date()) }, 'check-in.not-expected'],
    ];
    for (const [payload, id] of cases) {
      const res = await scan(member, payload);
      expect(res.statusCode, id).toBe(400);
      expect(res.json().error.id).toBe(id);
      expect(res.json().error.message).toMatch(/[ĐđMm]ã|Đồng chí/u);
    }
    // A code shown one step ago still counts (scanned as it rotated).
    expect((await detailOf(bithu, sessionId)).marks).toEqual([]);
    expect((await scan(member, { token: issueCheckInToken(SECRET, subject, new Date(Date.now() - 30_000)) })).statusCode).toBe(200);
    // An account that is not a member, and nobody signed in.
    expect((await scan(staff, { token: issueCheckInToken(SECRET, subject, new Date()) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/check-in', payload: { token: 'x' } })).statusCode).toBe(401);
    // Only the organiser shows the code.
    expect((await codeOf(member, sessionId)).statusCode).toBe(403);
    expect((await codeOf(bithu, other.id)).statusCode).toBe(403);
  });

  it('at a make-up session only those owed check in; an exempt member is not expected; each check-in is audited', async () => {
    const { sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const me = member.me.user.memberId!;
    const secretary = bithu.me.user.memberId!;
    const detail = await detailOf(bithu, sessionId);
    expect(detail.expected.map((p: { memberId: string }) => p.memberId)).toEqual(expect.arrayContaining([me, secretary]));
    const marks = detail.expected.map((p: { memberId: string }) => (p.memberId === me ? { memberId: me, status: 'absent', reason: 'Đi công tác' } : { memberId: p.memberId, status: 'present' }));
    const saved = (await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } })).json();
    expect((await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.version, heldOn: '2026-05-22' } })).statusCode).toBe(200);
    const makeUp = (await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/make-ups`, payload: {} })).json();
    const token = issueCheckInToken(SECRET, `session_${makeUp.id}`, new Date());
    // The secretary was present at the session: nothing to make up, refused, nothing written.
    const refused = await scan(bithu, { token });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.id).toBe('check-in.not-expected');
    expect((await detailOf(bithu, makeUp.id)).marks).toEqual([]);
    // The absent member makes it up by scanning; the audit log names them.
    const ok = await scan(member, { token });
    expect(ok.json()).toMatchObject({ outcome: 'checked-in', title: 'buổi học bù của Chi bộ Tràng Đà 1' });
    expect((await detailOf(bithu, makeUp.id)).marks).toEqual([expect.objectContaining({ memberId: me, status: 'present' })]);
    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'session.check-in'), eq(auditLog.entityId, makeUp.id)));
    expect(entries).toEqual([expect.objectContaining({ entity: 'session', actorId: member.me.user.id, after: { memberId: me } })]);
    expect((await scan(member, { token })).json().error.id).toBe('check-in.replayed');
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'session.check-in'), eq(auditLog.entityId, makeUp.id)))).toHaveLength(1);

    // Exempt from 01/01/2026 (membership history): listed apart at the next plan's session, and a scan is refused.
    const next = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1', '2026-06-01');
    await t.database.db.insert(membershipEvents).values({ tenantId: await tenantOf(me), memberId: me, kind: 'exemption', on: '2026-01-01', reason: 'Tuổi cao' });
    expect((await detailOf(bithu, next.sessionId)).exempt.map((p: { memberId: string }) => p.memberId)).toContain(me);
    const exempt = await scan(member, { token: issueCheckInToken(SECRET, `session_${next.sessionId}`, new Date()) });
    expect(exempt.statusCode).toBe(400);
    expect(exempt.json().error.id).toBe('check-in.not-expected');
    expect((await detailOf(bithu, next.sessionId)).marks).toEqual([]);
    await t.database.db.delete(membershipEvents).where(and(eq(membershipEvents.memberId, me), eq(membershipEvents.kind, 'exemption')));
  });

  it('without QT_CHECK_IN_SECRET the server generates a secret once and keeps it in the database', async () => {
    const plain = await startTestApp();
    try {
      const staff2 = await plain.signIn('vanphong');
      const leader2 = await plain.signIn('thuongtruc');
      const { sessionId } = await sessionOfCell(plain, staff2, leader2, 'Chi bộ Tràng Đà 1');
      const bithu2 = await plain.signIn('bithu');
      const { token } = (await codeOf(bithu2, sessionId)).json();
      const [stored] = await plain.database.db.select().from(serverSecrets).where(eq(serverSecrets.name, 'check-in'));
      expect(stored!.value.length).toBeGreaterThanOrEqual(40);
      const member2 = await plain.signIn('dangvien');
      expect((await scan(member2, { token })).statusCode).toBe(200);
      expect((await plain.database.db.select().from(users).where(eq(users.username, 'dangvien'))).length).toBe(1);
    } finally {
      await plain.close();
    }
  });
});
