import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildMember, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { detailOf, sessionOfCell } from '../../../../test/support/sessions';
import { members } from '../members/tables';
import { auditLog } from '../audit/tables';
import { cellReports } from '../reports/tables';
import { countStatements } from '../../../../test/support/statements';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
beforeAll(async () => {
  ({ t, staff, leader, bithu } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc', bithu: 'bithu' }));
});
afterAll(() => t?.close());

const put = (s: Session, id: string, payload: Record<string, unknown>) => s.inject({ method: 'PUT', url: `/api/sessions/${id}/attendance`, payload });

describe('a cell session: schedule, attendance, held, minutes', () => {
  it('a date outside the plan window is a warning the secretary confirms', async () => {
    const { sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const outside = await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload: { version: 1, scheduledAt: '2026-06-05T19:30:00+07:00', place: 'Nhà văn hóa' } });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ id: 'session.outside-window', details: { window: { from: '2026-05-15', to: '2026-05-31' } } });
    expect((await detailOf(bithu, sessionId)).scheduledAt).toBeNull(); // nothing changed
    const confirmed = await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload: { version: 1, scheduledAt: '2026-06-05T19:30:00+07:00', confirmOutsideWindow: true } });
    expect(confirmed.statusCode).toBe(200);
    const inside = await bithu.inject({
      method: 'PATCH',
      url: `/api/sessions/${sessionId}`,
      payload: { version: 2, scheduledAt: '2026-05-22T19:30:00+07:00', place: 'Nhà văn hóa Tràng Đà 1', reachedYouth: 4, reachedPublic: 10, notes: 'Truyền đạt Nghị quyết.', chairName: 'Hoàng Văn Bình', minutesSecretaryName: 'Lê Thị Hoa' },
    });
    expect(inside.statusCode).toBe(200);
    expect(inside.json()).toMatchObject({ version: 3, place: 'Nhà văn hóa Tràng Đà 1', reporter: 'Đồng chí Bí thư chi bộ', reachedYouth: 4, scheduledAt: '2026-05-22T12:30:00.000Z' });
    const stale = await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload: { version: 2, place: 'Khác' } });
    expect(stale.statusCode).toBe(409);
  });

  it('attendance of the expected members: exempt apart and outside the denominator; strangers named; reasons required', async () => {
    const { sessionId, cell } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const exempt = await buildMember(t.database, cell, { fullName: 'Bùi Văn Miễn', exempt: true });
    const later = await buildMember(t.database, cell, { fullName: 'Đỗ Văn Vào Sau', joinedOn: '2026-09-01' });
    await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload: { version: 1, scheduledAt: '2026-05-22T19:30:00+07:00' } });
    const detail = await detailOf(bithu, sessionId);
    expect(detail.exempt.map((p: { memberId: string }) => p.memberId)).toContain(exempt.id);
    expect(detail.expected.some((p: { memberId: string }) => p.memberId === exempt.id)).toBe(false);
    expect(detail.expected.some((p: { memberId: string }) => p.memberId === later.id)).toBe(false); // joined after the session's day
    const cellMembers = await t.database.db.select().from(members).where(eq(members.cellId, cell.id));
    expect(detail.counts).toMatchObject({ total: cellMembers.length - 1, exempt: detail.exempt.length, expected: detail.expected.length, unmarked: detail.expected.length });

    const ids: string[] = detail.expected.map((p: { memberId: string }) => p.memberId);
    const [first, second, ...rest] = ids;
    const stranger = (await t.database.db.select().from(members).where(eq(members.cellId, (await findUnit(t.database, 'Chi bộ Tràng Đà 2')).id)))[0]!;
    const refused = await put(bithu, sessionId, { version: 2, marks: [{ memberId: first, status: 'present' }, { memberId: stranger.id, status: 'present' }, { memberId: exempt.id, status: 'present' }] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.id).toBe('session.not-expected');
    expect(refused.json().error.message).toContain(stranger.fullName);
    expect(refused.json().error.message).toContain('Bùi Văn Miễn');
    const noReason = await put(bithu, sessionId, { version: 2, marks: [{ memberId: first, status: 'absent' }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.id).toBe('session.reason-required');
    expect((await detailOf(bithu, sessionId)).marks).toEqual([]); // nothing changed

    const held0 = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: 2, heldOn: '2026-05-22' } });
    expect(held0.statusCode).toBe(400);
    expect(held0.json().error.id).toBe('session.no-attendance');

    const saved = await put(bithu, sessionId, {
      version: 2,
      marks: [...rest.map((memberId) => ({ memberId, status: 'present' })), { memberId: first, status: 'excused', reason: 'Ốm' }, { memberId: second, status: 'absent', reason: 'Đi làm xa' }],
    });
    expect(saved.statusCode).toBe(200);
    const after = saved.json();
    expect(after.counts).toMatchObject({ expected: ids.length, present: rest.length, excused: 1, absent: 1, unmarked: 0, exempt: detail.exempt.length });
    expect(after.counts.attendedPercent).toBe(Math.round((rest.length / ids.length) * 1000) / 10);

    const held = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: after.version, heldOn: '2026-05-22' } });
    expect(held.statusCode).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', heldOn: '2026-05-22' });

    const docx = await bithu.inject({ url: `/api/sessions/${sessionId}/minutes` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('bien-ban-chi-bo-trang-da-1-2026-05-22.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('ĐẢNG BỘ PHƯỜNG NÔNG TIẾN');
    expect(xml).toContain('CHI BỘ TRÀNG ĐÀ 1');
    expect(xml).toContain('Ốm');
  });

  it('a queued save sent twice with its Idempotency-Key is stored once; a stale one with another key is refused with the server’s version', async () => {
    const { sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const detail = await detailOf(bithu, sessionId);
    const [first, second] = detail.expected.map((p: { memberId: string }) => p.memberId);
    const headers = { 'idempotency-key': 'offline-attendance-0001' };
    const payload = { version: detail.version, marks: [{ memberId: first, status: 'present' }] };
    const sent = await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, headers, payload });
    expect(sent.statusCode).toBe(200);
    const again = await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, headers, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(sent.json().version);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, sessionId));
    expect(audits.filter((a) => a.action === 'session.attendance')).toHaveLength(1);

    // Another phone's queued save made on the old version: 409 with the session as the server has it.
    const stale = await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, headers: { 'idempotency-key': 'offline-attendance-0002' }, payload: { version: detail.version, marks: [{ memberId: second, status: 'absent', reason: 'Ốm' }] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ id: 'session.version-conflict', details: { current: { version: sent.json().version } } });
    expect((await detailOf(bithu, sessionId)).marks.some((m: { memberId: string }) => m.memberId === second)).toBe(false);
    const tooShort = await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, headers: { 'idempotency-key': 'x' }, payload: { version: sent.json().version, marks: [] } });
    expect(tooShort.statusCode).toBe(400);
    expect((await detailOf(bithu, sessionId)).version).toBe(sent.json().version);
  });

  it('the session record and "held" sent twice with their Idempotency-Key are stored once; a key for another request is refused', async () => {
    const { sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const detail = await detailOf(bithu, sessionId);
    const record = { 'idempotency-key': 'offline-record-0001' };
    const payload = { version: detail.version, notes: 'Truyền đạt Nghị quyết tại nhà văn hóa thôn.', chairName: 'Hoàng Văn Bình' };
    const sent = await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, headers: record, payload });
    expect(sent.statusCode).toBe(200);
    // The answer lost on the way back, the phone sends it again: the session as it is, nothing written.
    const again = await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, headers: record, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ version: sent.json().version, notes: payload.notes });
    // The same key for another request (here "held") is refused, and changes nothing.
    const misused = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, headers: record, payload: { version: sent.json().version, heldOn: '2026-05-22' } });
    expect(misused.statusCode).toBe(409);
    expect(misused.json().error.id).toBe('session.id-taken');
    expect((await detailOf(bithu, sessionId)).heldOn).toBeNull();

    const marked = await put(bithu, sessionId, { version: sent.json().version, marks: [{ memberId: detail.expected[0].memberId, status: 'present' }] });
    const held = { 'idempotency-key': 'offline-held-0001' };
    const first = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, headers: held, payload: { version: marked.json().version, heldOn: '2026-05-22' } });
    expect(first.statusCode).toBe(200);
    const second = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, headers: held, payload: { version: marked.json().version, heldOn: '2026-05-22' } });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ version: first.json().version, heldOn: '2026-05-22' });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, sessionId));
    expect(audits.filter((a) => a.action === 'session.update')).toHaveLength(1);
    expect(audits.filter((a) => a.action === 'session.held')).toHaveLength(1);
    // Without a key, the stale version is still a conflict: the key answers only its own request.
    expect((await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload })).statusCode).toBe(409);
  });

  it('roles: another cell’s secretary 403, another commune 404, the leadership reads only; nothing changes', async () => {
    const { sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 2');
    const before = await detailOf(staff, sessionId);
    expect((await bithu.inject({ url: `/api/sessions/${sessionId}` })).statusCode).toBe(403);
    expect((await put(bithu, sessionId, { version: 1, marks: [{ memberId: before.expected[0].memberId, status: 'present' }] })).statusCode).toBe(403);
    expect((await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload: { version: 1, place: 'X' } })).statusCode).toBe(403);
    expect((await leader.inject({ url: `/api/sessions/${sessionId}` })).statusCode).toBe(200);
    expect((await put(leader, sessionId, { version: 1, marks: [] })).statusCode).toBe(403);
    const member = await t.signIn('dangvien');
    expect((await member.inject({ url: `/api/sessions/${sessionId}` })).statusCode).toBe(403);
    const other = await buildCommune(t.database, 'Đảng ủy xã Khác Điểm Danh');
    const secretary = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: other });
    const stranger = await t.signIn(secretary.username, secretary.password);
    expect((await put(stranger, sessionId, { version: 1, marks: [] })).statusCode).toBe(404);
    expect((await stranger.inject({ url: `/api/sessions/${sessionId}/minutes` })).statusCode).toBe(404);
    const after = await detailOf(staff, sessionId);
    expect(after).toMatchObject({ version: before.version, marks: [], place: null });
    // The ward marks a cell as studying at the ward conference; the secretary may not.
    expect((await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/at-conference`, payload: { version: 1, atConference: true } })).statusCode).toBe(403);
    const flagged = await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/at-conference`, payload: { version: 1, atConference: true } });
    expect(flagged.json()).toMatchObject({ status: 'at-conference', atConference: true });
  });

  it('saving a 100-member cell in one request: a fixed handful of statements, none per member', async () => {
    const { sessionId, cell } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1', '2026-07-01');
    const present = (await detailOf(bithu, sessionId)).expected.length;
    for (let i = present; i < 100; i++) await buildMember(t.database, cell, { fullName: `Trần Văn Đông ${i}` });
    const detail = await detailOf(bithu, sessionId);
    expect(detail.expected.length).toBeGreaterThanOrEqual(100);
    const marks = detail.expected.map((p: { memberId: string }, i: number) => (i % 10 === 0 ? { memberId: p.memberId, status: 'absent', reason: 'Ốm' } : { memberId: p.memberId, status: 'present' }));
    const { result: saved, statements } = await countStatements(t.database.db, () => put(bithu, sessionId, { version: detail.version, marks }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json().marks).toHaveLength(marks.length);
    // The session (with its unit and plan), who is expected on its day, and one statement that bumps the
    // version, writes the marks and the audit entry and reads the marks back (was four: the version apart).
    expect(statements).toHaveLength(3);
    expect(statements.filter((q) => /session_attendance/.test(q))).toHaveLength(1);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, sessionId));
    expect(entries.filter((e) => e.action === 'session.attendance')).toHaveLength(1);
  });

  it('after the ward accepted the cell’s report: attendance and the held date refused (409), nothing changed', async () => {
    // The demo's accepted report (Chi bộ Tràng Đà 2, accepted and re-scored after an inspection).
    const [acceptedReport] = await t.database.db.select().from(cellReports).where(eq(cellReports.status, 'accepted'));
    const accepted = { id: acceptedReport!.sessionId };
    const report = await staff.inject({ url: `/api/sessions/${accepted.id}/report` });
    expect(report.json().report.status).toBe('accepted');
    const before = await detailOf(staff, accepted.id);
    const marks = before.expected.map((p: { memberId: string }) => ({ memberId: p.memberId, status: 'present' }));
    const changed = await put(staff, accepted.id, { version: before.version, marks });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error).toMatchObject({ id: 'session.report-accepted', message: expect.stringContaining('đã khóa') });
    const held = await staff.inject({ method: 'POST', url: `/api/sessions/${accepted.id}/held`, payload: { version: before.version, heldOn: '2026-05-21' } });
    expect(held.statusCode).toBe(409);
    expect(held.json().error.id).toBe('session.report-accepted');
    expect(await detailOf(staff, accepted.id)).toEqual(before);
  });
});
