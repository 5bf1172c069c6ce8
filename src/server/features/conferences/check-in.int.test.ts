import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildMember, buildUserWithGrant } from '../../../../test/support/factories';
import { issueCheckInToken } from '../../../domain/check-in-token';
import { auditLog } from '../audit/tables';
import { members } from '../members/tables';
import { conferenceAttendance } from './tables';

const SECRET = 'khoa-ky-ma-diem-danh-cho-thu-nghiem-hoi-nghi-0123456789';
let t: TestApp;
let staff: Session;
let bithu: Session;
let member: Session;
let planId: string;
beforeAll(async () => {
  t = await startTestApp({ QT_CHECK_IN_SECRET: SECRET });
  staff = await t.signIn('vanphong');
  bithu = await t.signIn('bithu');
  member = await t.signIn('dangvien');
  const list = (await staff.inject({ url: '/api/plans' })).json().plans as { id: string; status: string }[];
  planId = list.find((p) => p.status === 'issued')!.id;
});
afterAll(() => t?.close());

const scan = (s: Session, payload: Record<string, unknown>) => s.inject({ method: 'POST', url: '/api/check-in', payload });
const codeOf = (s: Session, id: string) => s.inject({ url: `/api/check-in/conference/${id}/code` });
const tokenOf = (id: string, at = new Date()) => issueCheckInToken(SECRET, `conference_${id}`, at);
const marksOf = (id: string) => t.database.db.select().from(conferenceAttendance).where(eq(conferenceAttendance.conferenceId, id));
const personOf = async (s: Session) => (await t.database.db.select().from(members).where(eq(members.id, s.me.user.memberId!)))[0]!.personId!;

/** A conference of the demo plan with its convocation sent (the list frozen). */
async function convened() {
  const c = (await staff.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: {} })).json();
  const sent = await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/send`, payload: { version: c.version } });
  expect(sent.statusCode).toBe(200);
  return sent.json().conference as { id: string; version: number; participants: { personId: string }[] };
}

describe('rotating QR check-in at the ward conference', () => {
  it('the office shows the code once the convocation is sent; a summoned member is marked present once, audited', async () => {
    const draft = (await staff.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: {} })).json();
    const early = await codeOf(staff, draft.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.id).toBe('conference.not-convened');

    const c = await convened();
    const me = await personOf(bithu);
    expect(c.participants.map((p) => p.personId)).toContain(me);
    const code = await codeOf(staff, c.id);
    expect(code.statusCode).toBe(200);
    const { token, url, svg, title } = code.json();
    expect(token.startsWith(`conference_${c.id}.`)).toBe(true);
    expect(url.endsWith(`/check-in/${token}`)).toBe(true);
    expect(svg).toMatch(/^<svg/);
    expect(title).toMatch(/^hội nghị "/u);

    const first = await scan(bithu, { token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ outcome: 'checked-in', title });
    expect(first.json().message).toContain('Đã điểm danh');
    // Replayed: the same code again (a code is its step: one issued now is the same one) is refused with
    // the reason, and marks nothing more.
    const again = await scan(bithu, { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ id: 'check-in.replayed', message: 'Mã này đã được dùng để điểm danh; bạn đã có mặt.' });
    expect((await scan(bithu, { token: tokenOf(c.id) })).json().error.id).toBe('check-in.replayed');
    expect(await marksOf(c.id)).toEqual([expect.objectContaining({ personId: me, status: 'present', markedBy: bithu.me.user.id })]);
    const entries = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'conference.check-in'), eq(auditLog.entityId, c.id)));
    expect(entries).toEqual([expect.objectContaining({ entity: 'conference', actorId: bithu.me.user.id, after: { personId: me } })]);

    // The roll call shows the scan; the office's hand marks of others keep it, and it can still change it by hand.
    const roll = (await staff.inject({ url: `/api/conferences/${c.id}/attendance` })).json();
    expect(roll.marks).toEqual([expect.objectContaining({ personId: me, status: 'present' })]);
    const other = c.participants.find((p) => p.personId !== me)!;
    const saved = await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/attendance`, payload: { version: c.version, marks: [{ personId: other.personId, status: 'absent', reason: 'Ốm' }] } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().marks).toEqual(expect.arrayContaining([expect.objectContaining({ personId: me, status: 'present' }), expect.objectContaining({ personId: other.personId, status: 'absent' })]));
    const hand = await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/attendance`, payload: { version: saved.json().version, marks: [{ personId: me, status: 'late' }] } });
    expect(hand.json().marks).toEqual(expect.arrayContaining([expect.objectContaining({ personId: me, status: 'late' })]));
    // A late mark counts as checked in already; an absent one is replaced by the scan (they came after all).
    expect((await scan(bithu, { token: tokenOf(c.id) })).json().outcome).toBe('already');
    const absent = await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/attendance`, payload: { version: hand.json().version, marks: [{ personId: me, status: 'absent', reason: 'Đi công tác' }] } });
    expect(absent.statusCode).toBe(200);
    expect((await scan(bithu, { token: tokenOf(c.id) })).json().outcome).toBe('checked-in');
    expect((await marksOf(c.id)).find((m) => m.personId === me)).toMatchObject({ status: 'present', reason: null });
  });

  it('refuses an expired, not yet valid, forged, malformed or other meeting code and a person not summoned, in Vietnamese, writing nothing', async () => {
    const c = await convened();
    const second = await convened();
    const sessionId = (await staff.inject({ url: `/api/plans/${planId}/sessions` })).json().sessions[0].id as string;
    const forgedBy = 'khoa-gia-mao-khong-phai-cua-may-chu-0123456789';
    const cases: [Session, Record<string, unknown>, number, string][] = [
      [bithu, { token: tokenOf(c.id, new Date(Date.now() - 120_000)) }, 400, 'check-in.expired'],
      [bithu, { token: tokenOf(c.id, new Date(Date.now() + 120_000)) }, 400, 'check-in.not-yet-valid'],
      [bithu, { token: issueCheckInToken(forgedBy, `conference_${c.id}`, new Date()) }, 400, 'check-in.forged'],
      // A valid signature over an altered subject: the signature no longer matches.
      [bithu, { token: tokenOf(c.id).replace(c.id, second.id) }, 400, 'check-in.forged'],
      [bithu, { token: 'conference_khong-phai-ma' }, 400, 'check-in.malformed'],
      [bithu, { token: `hoi-nghi_${c.id}.x.y` }, 400, 'check-in.malformed'],
      // Scanned on the page of another conference, or a study session's code there.
      [bithu, { token: tokenOf(second.id), kind: 'conference', id: c.id }, 400, 'check-in.other-session'],
      [bithu, { token: issueCheckInToken(SECRET, `session_${sessionId}`, new Date()), kind: 'conference', id: c.id }, 400, 'check-in.other-session'],
      // A member of the commune the plan does not summon.
      [member, { token: tokenOf(c.id) }, 400, 'check-in.not-expected'],
    ];
    for (const [who, payload, status, id] of cases) {
      const res = await scan(who, payload);
      expect(res.statusCode, id).toBe(status);
      expect(res.json().error.id, id).toBe(id);
      expect(res.json().error.message, id).toMatch(/[ĐđMm]ã|Đồng chí/u);
    }
    expect((await scan(member, { token: tokenOf(c.id) })).json().error.message).toContain('triệu tập');
    expect(await marksOf(c.id)).toEqual([]);
    expect(await marksOf(second.id)).toEqual([]);
    // A code shown one step ago still counts (scanned as it rotated).
    expect((await scan(bithu, { token: tokenOf(c.id, new Date(Date.now() - 30_000)) })).statusCode).toBe(200);
  });

  it('scans arriving together are written together, each person answered on their own: once, replayed, refused', async () => {
    const c = await convened();
    const token = tokenOf(c.id);
    const [a, b, stranger] = await Promise.all([scan(bithu, { token }), scan(bithu, { token }), scan(member, { token })]);
    // The same person's second scan of the same code is its replay.
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 400]);
    expect([a, b].find((r) => r.statusCode === 200)!.json().outcome).toBe('checked-in');
    expect([a, b].find((r) => r.statusCode === 400)!.json().error.id).toBe('check-in.replayed');
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.id).toBe('check-in.not-expected');
    expect(await marksOf(c.id)).toEqual([expect.objectContaining({ personId: await personOf(bithu), status: 'present' })]);
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'conference.check-in'), eq(auditLog.entityId, c.id)))).toHaveLength(1);
  });

  it('a person removed from the list, an account that is not a member, nobody signed in and another commune are refused', async () => {
    const c = (await staff.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: {} })).json();
    const me = await personOf(bithu);
    const removed = await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/participants/${me}/remove`, payload: { version: c.version } });
    expect(removed.statusCode).toBe(200);
    await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/send`, payload: { version: removed.json().version } });
    const refused = await scan(bithu, { token: tokenOf(c.id) });
    expect(refused.json().error.id).toBe('check-in.not-expected');
    expect((await scan(staff, { token: tokenOf(c.id) })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/check-in', payload: { token: tokenOf(c.id) } })).statusCode).toBe(401);
    // Only the ward's office shows the code: not a participant, not another commune's office.
    expect((await codeOf(bithu, c.id)).statusCode).toBe(403);
    const other = await buildCommune(t.database, 'Đảng ủy xã Điểm Danh');
    const cell = await buildCell(t.database, other);
    const stranger = await buildMember(t.database, cell);
    const office = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: other });
    expect((await codeOf(await t.signIn(office.username, office.password), c.id)).statusCode).toBe(404);
    const memberAccount = await buildUserWithGrant(t.database, { role: 'member', unit: cell, memberId: stranger.id });
    const foreign = await scan(await t.signIn(memberAccount.username, memberAccount.password), { token: tokenOf(c.id) });
    expect(foreign.statusCode).toBe(404);
    expect(await marksOf(c.id)).toEqual([]);
  });
});
