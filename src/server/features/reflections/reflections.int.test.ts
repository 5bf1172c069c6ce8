// The members' own study end to end: the portal (the plans a member must study, the resolutions' core
// content), the reflection and commitment (idempotent create, bad input refused with nothing changed,
// late after the deadline the ward set, versioned edits until reviewed), the cell secretary's review,
// members seeing only their own, each role and another commune's real ids; and the yearly record: the
// stable answer, its sums against the session's attendance, the cell's XLSX and the member's DOCX.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildUserWithGrant, findUnit, FACTORY_PASSWORD, membersOf } from '../../../../test/support/factories';
import { detailOf, sessionOfCell } from '../../../../test/support/sessions';
import { auditLog } from '../audit/tables';
import { reflections } from './tables';
import { createPdfConverter } from '../../documents/pdf';

const run = promisify(execFile);
// As in documents/pdf.test.ts: the PDF is skipped only on a developer machine without LibreOffice; in CI it must run.
const probe = createPdfConverter();
const pdfInstalled = await probe.available();
await probe.close();
const skipPdf = !pdfInstalled && process.env.CI !== 'true';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let member: Session;
let neighbour: Session;
let otherSecretary: Session;
let other: Session;
let planId: string;
let sessionId: string;
let cellId: string;
let neighbourId: string;
let foreignMemberId: string;

const LATE_DAY = '2026-06-02T09:00:00+07:00';

const reflectionCount = async () => (await t.database.db.select({ n: count() }).from(reflections))[0]!.n;

beforeAll(async () => {
  ({ t, staff, leader, bithu, member } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc', bithu: 'bithu', member: 'dangvien' }));
  const issued = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
  planId = issued.plan.id;
  sessionId = issued.sessionId;
  cellId = issued.cell.id;
  // A second member of the same cell with an account, and the secretary of another cell.
  const cellMembers = await membersOf(t.database, 'Chi bộ Tràng Đà 1');
  const second = cellMembers.find((m) => m.id !== member.me.user.memberId && !m.exempt)!;
  neighbourId = second.id;
  neighbour = await t.signIn((await buildUserWithGrant(t.database, { role: 'member', unit: issued.cell, memberId: second.id })).username, FACTORY_PASSWORD);
  otherSecretary = await t.signIn((await buildUserWithGrant(t.database, { role: 'cellSecretary', unit: await findUnit(t.database, 'Chi bộ Tràng Đà 2') })).username, FACTORY_PASSWORD);
  const commune2 = await buildCommune(t.database, 'Đảng ủy phường Thử Thu Hoạch');
  other = await t.signIn((await buildUserWithGrant(t.database, { role: 'wardStaff', unit: commune2 })).username, FACTORY_PASSWORD);
  foreignMemberId = (await membersOf(t.database, 'Chi bộ Tràng Đà 2'))[0]!.id;
});
afterAll(async () => {
  vi.useRealTimers();
  await t?.close();
});

const write = (s: Session, values: Record<string, unknown> = {}) =>
  s.inject({ method: 'POST', url: `/api/plans/${planId}/reflections`, payload: { id: randomUUID(), reflection: 'Nghị quyết xác định hạ tầng giao thông là khâu đột phá.', commitment: 'Tôi cam kết vận động gia đình ủng hộ giải phóng mặt bằng.', ...values } });

describe('the member portal and the reflection', () => {
  let id: string;

  it('the member sees the plans to study with the resolution\'s core content; a ward office account without a member sees none', async () => {
    const study = (await member.inject({ url: '/api/my/study' })).json();
    expect(study.member).toMatchObject({ id: member.me.user.memberId, cellName: 'Chi bộ Tràng Đà 1' });
    const plan = study.plans.find((p: { planId: string }) => p.planId === planId);
    expect(plan.resolutions[0]).toMatchObject({ number: '91-NQ/TU', kind: 'nghi-quyet' });
    expect(plan.resolutions[0].content).toContain('hạ tầng');
    // The plan's grassroots deadline ("trong tháng 5/2026") until the ward sets its own.
    expect(plan.deadline).toBe('2026-05-31');
    expect(plan.reflection).toBeNull();
    // An office holder's account standing for a person who is a member studies as that member.
    expect((await staff.inject({ url: '/api/my/study' })).json().member).toMatchObject({ cellName: 'Chi bộ các cơ quan Đảng' });
    const office = await t.signIn((await buildUserWithGrant(t.database, { role: 'wardStaff', unit: await findUnit(t.database, 'Đảng ủy phường Nông Tiến') })).username, FACTORY_PASSWORD);
    expect((await office.inject({ url: '/api/my/study' })).json()).toEqual({ member: null, plans: [] });
    expect((await write(office)).statusCode).toBe(403);
  });

  it('bad input: empty text, unknown plan, a non-member: refused with a message, nothing written', async () => {
    const before = await reflectionCount();
    const empty = await write(member, { reflection: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ id: 'reflections.reflection-required' });
    expect(empty.json().error.message).toMatch(/bài thu hoạch/u);
    expect((await write(member, { commitment: '' })).json().error.id).toBe('reflections.commitment-required');
    expect((await member.inject({ method: 'POST', url: `/api/plans/${randomUUID()}/reflections`, payload: { id: randomUUID(), reflection: 'a', commitment: 'b' } })).statusCode).toBe(404);
    expect((await write(member, { id: 'khong-phai-ma' })).statusCode).toBe(400);
    expect((await write(other)).statusCode).toBe(404);
    expect(await reflectionCount()).toBe(before);
  });

  it('after the deadline the ward set: accepted and marked late; a retry with the same id adds nothing', async () => {
    const deadline = await staff.inject({ method: 'PUT', url: `/api/plans/${planId}/reflection-deadline`, payload: { dueOn: '2026-05-30', version: 0 } });
    expect(deadline.json()).toEqual({ dueOn: '2026-05-30', setByWard: true, version: 1 });
    expect((await staff.inject({ method: 'PUT', url: `/api/plans/${planId}/reflection-deadline`, payload: { dueOn: '2026-05-31', version: 0 } })).statusCode).toBe(409);
    expect((await bithu.inject({ method: 'PUT', url: `/api/plans/${planId}/reflection-deadline`, payload: { dueOn: '2026-05-31', version: 1 } })).statusCode).toBe(403);
    expect((await other.inject({ method: 'PUT', url: `/api/plans/${planId}/reflection-deadline`, payload: { dueOn: '2026-05-31', version: 1 } })).statusCode).toBe(404);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-29T20:00:00+07:00'));
    const onTime = await write(neighbour);
    expect(onTime.statusCode).toBe(201);
    expect(onTime.json().late).toBe(false);
    vi.setSystemTime(new Date(LATE_DAY));
    const body = { id: randomUUID(), reflection: '<script>alert(1)</script> Bài thu hoạch', commitment: 'Cam kết\nthực hiện' };
    const first = await member.inject({ method: 'POST', url: `/api/plans/${planId}/reflections`, payload: body });
    vi.useRealTimers();
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id: body.id, late: true, review: null, version: 1, canEdit: true, canReview: false, reflection: '<script>alert(1)</script> Bài thu hoạch' });
    expect(first.json().submittedAt).toBe(new Date(LATE_DAY).toISOString());
    const before = await reflectionCount();
    const retry = await member.inject({ method: 'POST', url: `/api/plans/${planId}/reflections`, payload: body });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().id).toBe(body.id);
    // A second reflection for the same plan under another id: 409, edit the first instead.
    expect((await write(member)).json().error.id).toBe('reflections.already-written');
    // The same id by someone else: refused.
    expect((await neighbour.inject({ method: 'POST', url: `/api/plans/${planId}/reflections`, payload: body })).statusCode).toBe(409);
    expect(await reflectionCount()).toBe(before);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'reflection.create')));
    expect(audit).toBeDefined();
    id = body.id;
  });

  it('the member edits with the version (409 when stale); nobody else may', async () => {
    const key = { 'idempotency-key': 'offline-reflection-edit-0001' };
    const edited = await member.inject({ method: 'PATCH', url: `/api/reflections/${id}`, headers: key, payload: { version: 1, commitment: 'Cam kết mới' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, commitment: 'Cam kết mới', late: true });
    // The phone's queued edit sent again (its answer lost): the reflection as it is, written once.
    const replayed = await member.inject({ method: 'PATCH', url: `/api/reflections/${id}`, headers: key, payload: { version: 1, commitment: 'Cam kết mới' } });
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toMatchObject({ version: 2, commitment: 'Cam kết mới' });
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'reflection.update')))).toHaveLength(1);
    const stale = await member.inject({ method: 'PATCH', url: `/api/reflections/${id}`, payload: { version: 1, commitment: 'Cũ' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('reflection.version-conflict');
    expect((await bithu.inject({ method: 'PATCH', url: `/api/reflections/${id}`, payload: { version: 2, commitment: 'Sửa hộ' } })).statusCode).toBe(403);
    expect((await neighbour.inject({ method: 'PATCH', url: `/api/reflections/${id}`, payload: { version: 2, commitment: 'Sửa hộ' } })).statusCode).toBe(404);
    expect((await other.inject({ method: 'PATCH', url: `/api/reflections/${id}`, payload: { version: 2, commitment: 'Sửa hộ' } })).statusCode).toBe(404);
    expect((await member.inject({ url: `/api/reflections/${id}` })).json().commitment).toBe('Cam kết mới');
  });

  it('members see only their own; the secretary lists the cell; another cell\'s secretary and another commune do not', async () => {
    expect((await neighbour.inject({ url: `/api/reflections/${id}` })).statusCode).toBe(404);
    expect((await otherSecretary.inject({ url: `/api/reflections/${id}` })).statusCode).toBe(404);
    expect((await other.inject({ url: `/api/reflections/${id}` })).statusCode).toBe(404);
    expect((await leader.inject({ url: `/api/reflections/${id}` })).statusCode).toBe(200);
    expect((await member.inject({ url: `/api/plans/${planId}/reflections` })).statusCode).toBe(403);
    const list = (await bithu.inject({ url: `/api/plans/${planId}/reflections` })).json();
    expect(list.cells.map((c: { unitId: string }) => c.unitId)).toEqual([cellId]);
    expect(list.cells[0]).toMatchObject({ canReview: true, counts: { submitted: 2, late: 1, waiting: 2, passed: 0 } });
    expect(list.deadline).toBe('2026-05-30');
    expect(list.canSetDeadline).toBe(false);
    const ward = (await staff.inject({ url: `/api/plans/${planId}/reflections` })).json();
    expect(ward.cells.length).toBeGreaterThan(1);
    expect(ward.canSetDeadline).toBe(true);
    expect(ward.cells.find((c: { unitId: string }) => c.unitId === cellId).canReview).toBe(false);
    expect((await otherSecretary.inject({ url: `/api/plans/${planId}/reflections` })).json().cells.find((c: { unitId: string }) => c.unitId === cellId)).toBeUndefined();
    expect((await other.inject({ url: `/api/plans/${planId}/reflections` })).statusCode).toBe(404);
  });

  it('the cell\'s secretary reviews: Chưa đạt needs a comment; the member revises; Đạt closes it', async () => {
    const review = (s: Session, payload: Record<string, unknown>) => s.inject({ method: 'POST', url: `/api/reflections/${id}/review`, payload });
    expect((await review(member, { version: 2, result: 'passed' })).statusCode).toBe(403);
    expect((await review(staff, { version: 2, result: 'passed' })).statusCode).toBe(403);
    expect((await review(otherSecretary, { version: 2, result: 'passed' })).statusCode).toBe(404);
    expect((await review(other, { version: 2, result: 'passed' })).statusCode).toBe(404);
    const noComment = await review(bithu, { version: 2, result: 'failed', comment: ' ' });
    expect(noComment.json().error.id).toBe('reflections.comment-required');
    expect((await review(bithu, { version: 2, result: 'maybe' })).statusCode).toBe(400);
    expect((await member.inject({ url: `/api/reflections/${id}` })).json()).toMatchObject({ version: 2, review: null });
    const failed = await review(bithu, { version: 2, result: 'failed', comment: 'Cần nêu rõ việc làm cụ thể <b>của cá nhân</b>.' });
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({ version: 3, review: { result: 'failed', resultName: 'Chưa đạt', comment: 'Cần nêu rõ việc làm cụ thể <b>của cá nhân</b>.' } });
    expect((await review(bithu, { version: 2, result: 'passed' })).statusCode).toBe(409);
    const revised = await member.inject({ method: 'PATCH', url: `/api/reflections/${id}`, payload: { version: 3, reflection: 'Bài thu hoạch đã bổ sung việc làm cụ thể.' } });
    expect(revised.json()).toMatchObject({ version: 4, review: null, canEdit: true });
    const passed = await review(bithu, { version: 4, result: 'passed', comment: 'Bài viết tốt <script>x</script>' });
    expect(passed.json()).toMatchObject({ version: 5, review: { result: 'passed', resultName: 'Đạt' } });
    const mine = (await member.inject({ url: '/api/my/study' })).json().plans.find((p: { planId: string }) => p.planId === planId).reflection;
    expect(mine).toMatchObject({ canEdit: false, review: { result: 'passed' } });
    const locked = await member.inject({ method: 'PATCH', url: `/api/reflections/${id}`, payload: { version: 5, reflection: 'Sửa sau khi đạt' } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.id).toBe('reflections.reviewed');
  });
});

describe('the yearly record', () => {
  type Row = { planId: string; number: string; attendance: string | null; reflection: { late: boolean; review: { result: string } | null } | null; quiz: unknown };

  it('the stable answer: each resolution of the year with attendance, reflection and its review, the quiz’s counted score', async () => {
    const res = await member.inject({ url: `/api/members/${member.me.user.memberId}/record?year=2026` });
    expect(res.statusCode).toBe(200);
    const record = res.json();
    expect(record.year).toBe(2026);
    const row = record.resolutions.find((r: Row) => r.planId === planId);
    // The demo member took the quiz on 91-NQ/TU once (7 of 10 right, seed/quiz.ts): a fraction of 1.
    expect(row).toMatchObject({ number: '91-NQ/TU', reflection: { late: true, review: { result: 'passed' } }, quiz: { best: 0.7, attempts: 1 } });
    expect(Object.keys(row)).toEqual(expect.arrayContaining(['number', 'attendance', 'reflection', 'quiz']));
    expect((await member.inject({ url: `/api/members/${member.me.user.memberId}/record?year=2025` })).json().resolutions).toEqual([]);
    const bad = await member.inject({ url: `/api/members/${member.me.user.memberId}/record?year=19` });
    expect(bad.statusCode).toBe(400);
  });

  it('a member opening another member\'s record: 404; the secretary and the ward read it; another commune: 404', async () => {
    expect((await member.inject({ url: `/api/members/${neighbourId}/record?year=2026` })).statusCode).toBe(404);
    expect((await member.inject({ url: `/api/members/${neighbourId}/record.docx?year=2026` })).statusCode).toBe(404);
    expect((await member.inject({ url: `/api/members/${neighbourId}/record.pdf?year=2026` })).statusCode).toBe(404);
    expect((await other.inject({ url: `/api/members/${neighbourId}/record.pdf?year=2026` })).statusCode).toBe(404);
    expect((await bithu.inject({ url: `/api/members/${neighbourId}/record?year=2026` })).statusCode).toBe(200);
    expect((await leader.inject({ url: `/api/members/${neighbourId}/record?year=2026` })).statusCode).toBe(200);
    expect((await bithu.inject({ url: `/api/members/${foreignMemberId}/record?year=2026` })).statusCode).toBe(404);
    expect((await other.inject({ url: `/api/members/${neighbourId}/record?year=2026` })).statusCode).toBe(404);
    expect((await other.inject({ url: `/api/units/${cellId}/record.xlsx?year=2026` })).statusCode).toBe(404);
    expect((await member.inject({ url: `/api/units/${cellId}/record.xlsx?year=2026` })).statusCode).toBe(403);
    expect((await otherSecretary.inject({ url: `/api/units/${cellId}/record.xlsx?year=2026` })).statusCode).toBe(403);
  });

  it('the record\'s sums equal the session\'s attendance (with a make-up attended counted as made up)', async () => {
    const detail = await detailOf(bithu, sessionId);
    const ids: string[] = detail.expected.map((p: { memberId: string }) => p.memberId);
    const statuses = ['present', 'late', 'absent', 'excused'] as const;
    const marks = ids.map((memberId, i) => {
      const status = statuses[i % 4]!;
      return status === 'absent' || status === 'excused' ? { memberId, status, reason: 'Đi công tác' } : { memberId, status };
    });
    const saved = (await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } })).json();
    await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.version, heldOn: '2026-05-22' } });
    const counts = (await detailOf(bithu, sessionId)).counts;
    const owed = marks.filter((m) => m.status === 'absent' || m.status === 'excused');
    const makeUp = (await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/make-ups`, payload: {} })).json();
    await bithu.inject({ method: 'PUT', url: `/api/sessions/${makeUp.id}/attendance`, payload: { version: makeUp.version, marks: [{ memberId: owed[0]!.memberId, status: 'present' }] } });

    const xlsx = await bithu.inject({ url: `/api/units/${cellId}/record.xlsx?year=2026` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows: Record<string, number> = { present: 0, late: 0, 'made-up': 0, excused: 0, absent: 0 };
    for (const memberId of ids) {
      const record = (await bithu.inject({ url: `/api/members/${memberId}/record?year=2026` })).json();
      const row = record.resolutions.find((r: Row) => r.planId === planId);
      rows[row.attendance] += 1;
    }
    expect(rows.present).toBe(counts.present);
    expect(rows.late).toBe(counts.late);
    expect(rows['made-up']).toBe(1);
    expect(rows['made-up'] + rows.excused + rows.absent).toBe(counts.excused + counts.absent);
    expect(rows.present + rows.late + rows['made-up'] + rows.excused + rows.absent).toBe(counts.present + counts.late + counts.excused + counts.absent);

    // The spreadsheet: one row per member of the cell, the totals across the year's plans.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(2).values as unknown[];
    const presentCol = header.indexOf('Có mặt');
    expect(presentCol).toBeGreaterThan(0);
    const memberRows = sheet.getRows(3, sheet.rowCount - 2)!;
    const cellMembers = await membersOf(t.database, 'Chi bộ Tràng Đà 1');
    expect(memberRows).toHaveLength(cellMembers.length);
    const neighbourRow = memberRows.find((r) => String(r.getCell(2).value).startsWith(cellMembers.find((m) => m.id === neighbourId)!.fullName))!;
    expect(neighbourRow).toBeDefined();
    expect(String(sheet.getRow(1).values)).toContain('91-NQ/TU');
  });

  it('the member\'s one-page summary (DOCX) through the shared document layout, text escaped', async () => {
    const res = await member.inject({ url: `/api/members/${member.me.user.memberId}/record.docx?year=2026` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('ket-qua-hoc-tap-2026');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('PHIẾU TỔNG HỢP');
    expect(xml).toContain('CHI BỘ TRÀNG ĐÀ 1');
    expect(xml).toContain('91-NQ/TU');
    expect(xml).toContain('Đạt (nộp trễ hạn)');
    expect(xml).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
  });
});

describe.skipIf(skipPdf)("the member's one-page summary as PDF (LibreOffice)", () => {
  it('is the DOCX converted: one A4 page with the same words', { timeout: 180_000 }, async () => {
    const res = await member.inject({ url: `/api/members/${member.me.user.memberId}/record.pdf?year=2026` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline;.*ket-qua-hoc-tap-2026-.*\.pdf/u);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = await mkdtemp(join(tmpdir(), 'qt-record-pdf-'));
    try {
      await writeFile(join(dir, 'record.pdf'), res.rawPayload);
      const info = (await run('pdfinfo', [join(dir, 'record.pdf')])).stdout;
      expect(info).toMatch(/Pages:\s+1\n/u);
      const text = (await run('pdftotext', ['-layout', join(dir, 'record.pdf'), '-'])).stdout;
      expect(text).toContain('PHIẾU TỔNG HỢP');
      expect(text).toContain('CHI BỘ TRÀNG ĐÀ 1');
      expect(text).toContain('91-NQ/TU');
      expect(text).toContain('<script>x</script>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
