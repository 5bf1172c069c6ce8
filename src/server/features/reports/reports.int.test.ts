// The cell report's life: prefilled, scored, submitted only for a held session, returned with a
// comment, fixed, resubmitted, accepted, re-scored by the ward (both kept), every version kept;
// bad input changes nothing; another cell's secretary and another commune get 403/404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildMember, buildPlan, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { detailOf, fullMarks, sessionOfCell } from '../../../../test/support/sessions';
import { auditLog } from '../audit/tables';
import { studySessions } from '../study-sessions/tables';
import { notifications } from '../notifications/tables';
import { cellReports, cellReportVersions, rubrics } from './tables';
import { ensureCurrentRubric } from './rubric';
import { reportFigures } from '../../../domain/report-figures';
import { countStatements } from '../../../../test/support/statements';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let admin: Session;
beforeAll(async () => {
  ({ t, staff, leader, bithu, admin } = await startSignedIn({ staff: 'banxaydung', leader: 'thuongtruc', bithu: 'bithu', admin: 'admin' }));
});
afterAll(() => t?.close());

type Item = { id: string; maxPoints: number };
const allItems = (rubric: { groups: { items: Item[] }[] }) => rubric.groups.flatMap((g) => g.items);

async function hold(s: Session, sessionId: string) {
  const detail = await detailOf(s, sessionId);
  const marks = detail.expected.map((p: { memberId: string }, i: number) => (i === 0 ? { memberId: p.memberId, status: 'absent', reason: 'Đi công tác' } : { memberId: p.memberId, status: 'present' }));
  const saved = (await s.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } })).json();
  const held = await s.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.version, heldOn: '2026-05-22' } });
  expect(held.statusCode).toBe(200);
  return (await detailOf(s, sessionId)).counts as { expected: number; present: number; absent: number };
}

const reportRows = (sessionId: string) => t.database.db.select().from(cellReports).where(eq(cellReports.sessionId, sessionId));
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

describe('the rubric', () => {
  it('ships an example with three groups and four bands; the administrator saves a new version; others may not', async () => {
    const current = (await bithu.inject({ url: '/api/rubrics/current' })).json();
    expect(current).toMatchObject({ version: 1, bands: [{ name: 'Tốt', minTotal: 90 }, { name: 'Khá' }, { name: 'Trung bình' }, { name: 'Chưa đạt', minTotal: 0 }] });
    expect(current.groups).toHaveLength(3);
    expect(current.title).toMatch(/^Ví dụ/u);
    const content = { title: current.title, groups: current.groups, bands: current.bands };
    expect((await staff.inject({ method: 'POST', url: '/api/rubrics', payload: content })).statusCode).toBe(403);
    const before = await auditCount();
    const bad = await admin.inject({ method: 'POST', url: '/api/rubrics', payload: { ...content, bands: [{ name: 'Đạt', minTotal: 50 }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ id: 'rubric.invalid', message: expect.stringContaining('bắt đầu từ 0 điểm') });
    expect(await auditCount()).toBe(before);
    const xlsx = await admin.inject({ url: '/api/rubrics/current.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // The spreadsheet imported back is the next version; ward staff may not import.
    const boundary = 'rubric-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nQuy định 22 (bản nhập)\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bo-tieu-chi.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      xlsx.rawPayload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (s: Session) => s.inject({ method: 'POST', url: '/api/rubrics/import', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
    expect((await upload(staff)).statusCode).toBe(403);
    const imported = await upload(admin);
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ version: 2, title: 'Quy định 22 (bản nhập)', groups: current.groups, bands: current.bands });
    expect((await bithu.inject({ url: '/api/rubrics/current' })).json().version).toBe(2);
  });
});

describe('a cell report from phone to acceptance', () => {
  it('goes draft → submitted → returned → submitted → accepted, re-scored, with every version, and refuses bad input without changing anything', async () => {
    const { plan, sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const start = (await bithu.inject({ url: `/api/sessions/${sessionId}/report` })).json();
    expect(start.report).toBeNull();
    expect(start.abilities.write).toBe(true);
    expect(start.prefill.figures.rates.attended).toBe(0); // no one marked yet
    const items: Item[] = allItems(start.rubric);
    const full = items.map((i) => ({ itemId: i.id, points: i.maxPoints - 1 }));

    // Above the maximum, negative: 400 naming the item, nothing written.
    const before = await auditCount();
    const tooMuch = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { scores: [{ itemId: items[0]!.id, points: items[0]!.maxPoints + 1 }] } });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error).toMatchObject({ id: 'report.score-invalid', message: expect.stringContaining('vượt quá mức tối đa') });
    expect(tooMuch.json().error.message).toContain(start.rubric.groups[0].items[0].name);
    const negative = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { scores: [{ itemId: items[1]!.id, points: -1 }] } });
    expect(negative.json().error.message).toContain('không được âm');
    expect(await reportRows(sessionId)).toHaveLength(0);
    expect(await auditCount()).toBe(before);

    // Created once; a retry with the same key answers the same report; another key is refused.
    const headers = { 'idempotency-key': 'phone-retry-0001' };
    const { result: created, statements } = await countStatements(t.database.db, () =>
      bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, headers, payload: { scores: full.slice(0, 3), summary: 'Thảo luận sôi nổi.' } }),
    );
    expect(created.statusCode).toBe(201);
    // Two statements, no transaction around them (decision 040): the session with what the answer
    // needs (its unit, plan, current rubric, lock, inspections) and what its figures are counted from;
    // then the report, its version, the audit entry and the key's record written as one statement
    // (eight statements in a transaction before, seventeen before that).
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/^with "w0" as \(insert into "cell_reports"/u);
    const draft = created.json();
    expect(draft).toMatchObject({ version: 1, status: 'draft', unitName: 'Chi bộ Tràng Đà 1', summary: 'Thảo luận sôi nổi.' });
    // The row was made before it was written: as the database holds it, in the answer, the version and the audit.
    const [row] = await reportRows(sessionId);
    const [version] = await t.database.db.select().from(cellReportVersions).where(eq(cellReportVersions.reportId, draft.id));
    expect(version!.snapshot).toEqual(JSON.parse(JSON.stringify(row)));
    expect((await bithu.inject({ method: 'GET', url: `/api/reports/${draft.id}` })).json()).toEqual(draft);
    const retried = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, headers, payload: { scores: [] } });
    expect(retried.statusCode).toBe(201);
    expect(retried.json().id).toBe(draft.id);
    const other = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, headers: { 'idempotency-key': 'phone-retry-0002' }, payload: {} });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.id).toBe('report.exists');
    // With the report as it is, so that a phone's queued create can show both versions.
    expect(other.json().error.details.current).toMatchObject({ id: draft.id, version: draft.version });
    expect(await reportRows(sessionId)).toHaveLength(1);

    // Submitting before the session is held: 400, nothing changed.
    const early = await bithu.inject({ method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { version: 1 } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.id).toBe('report.session-not-held');
    expect((await reportRows(sessionId))[0]!.version).toBe(1);

    const counts = await hold(bithu, sessionId);
    const expected = counts.expected;
    // Not every item scored: 400 naming them.
    const unscored = await bithu.inject({ method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { version: 1 } });
    expect(unscored.json().error).toMatchObject({ id: 'report.unscored' });
    const saved = await bithu.inject({ method: 'PATCH', url: `/api/reports/${draft.id}`, payload: { version: 1, scores: full, proposals: 'Đề nghị tài liệu in.' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, total: 100 - items.length, band: 'Tốt' });
    expect(saved.json().figures.members).toMatchObject({ expected, present: counts.present, absent: 1 });
    // The edit's answer, built from what it read, is the report as GET answers it.
    expect(saved.json()).toEqual((await bithu.inject({ url: `/api/reports/${draft.id}` })).json());
    const stale = await bithu.inject({ method: 'PATCH', url: `/api/reports/${draft.id}`, payload: { version: 1, summary: 'x' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('report.version-conflict');

    // Another cell's secretary sees it exists (same commune) but may not read it: 403.
    const td2 = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
    const otherSecretary = await buildUserWithGrant(t.database, { role: 'cellSecretary', unit: td2 });
    const stranger = await t.signIn(otherSecretary.username, otherSecretary.password);
    const peek = await stranger.inject({ url: `/api/reports/${draft.id}` });
    expect(peek.statusCode).toBe(403);
    expect(peek.body).not.toContain('Thảo luận');
    expect((await stranger.inject({ method: 'PATCH', url: `/api/reports/${draft.id}`, payload: { version: 2, summary: 'x' } })).statusCode).toBe(403);

    // Submitted today, after the plan's deadline (before 05/06/2026): late. Then locked for the cell.
    const submitted = await bithu.inject({ method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { version: 2 } });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 3, onTime: false });
    expect(new Date(submitted.json().dueAt).toISOString()).toBe('2026-06-04T17:00:00.000Z');
    // Its answer, assembled from what the submit read, is the report as GET answers it; its figures
    // frozen as the edit counted them from the same attendance.
    expect(submitted.json()).toEqual((await bithu.inject({ url: `/api/reports/${draft.id}` })).json());
    expect(submitted.json().figures).toEqual(saved.json().figures);
    const locked = await bithu.inject({ method: 'PATCH', url: `/api/reports/${draft.id}`, payload: { version: 3, summary: 'x' } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.id).toBe('report.not-editable');

    // The secretary cannot return their own report; the ward needs a comment to.
    expect((await bithu.inject({ method: 'POST', url: `/api/reports/${draft.id}/return`, payload: { version: 3, comment: 'x' } })).statusCode).toBe(403);
    const noComment = await staff.inject({ method: 'POST', url: `/api/reports/${draft.id}/return`, payload: { version: 3 } });
    expect(noComment.json().error.id).toBe('report.comment-required');
    const returned = await staff.inject({ method: 'POST', url: `/api/reports/${draft.id}/return`, payload: { version: 3, comment: 'Bổ sung ý kiến đề xuất của đảng viên.' } });
    expect(returned.json()).toMatchObject({ status: 'returned', returnComment: 'Bổ sung ý kiến đề xuất của đảng viên.' });

    // Fixed and resubmitted: timeliness keeps the first submission.
    const fixed = (await bithu.inject({ method: 'PATCH', url: `/api/reports/${draft.id}`, payload: { version: 4, opinions: 'Đảng viên đề nghị tổ chức tọa đàm.' } })).json();
    const again = (await bithu.inject({ method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { version: fixed.version } })).json();
    expect(again).toMatchObject({ status: 'submitted', onTime: false, firstSubmittedAt: submitted.json().firstSubmittedAt });
    expect(again.submittedAt).not.toBe(again.firstSubmittedAt);

    const accepted = (await staff.inject({ method: 'POST', url: `/api/reports/${draft.id}/accept`, payload: { version: again.version } })).json();
    expect(accepted).toMatchObject({ status: 'accepted', returnComment: null });
    expect((await bithu.inject({ method: 'PATCH', url: `/api/reports/${draft.id}`, payload: { version: accepted.version, summary: 'x' } })).statusCode).toBe(409);
    expect((await staff.inject({ method: 'POST', url: `/api/reports/${draft.id}/accept`, payload: { version: accepted.version } })).json().error.id).toBe('report.not-acceptable');

    // Re-scored by the ward: both scores kept and shown.
    const overMax = await staff.inject({ method: 'POST', url: `/api/reports/${draft.id}/rescore`, payload: { version: accepted.version, scores: full.map((s, i) => (i === 0 ? { ...s, points: 99 } : s)) } });
    expect(overMax.statusCode).toBe(400);
    const wardScores = items.map((i) => ({ itemId: i.id, points: Math.floor(i.maxPoints * 0.8) }));
    const rescored = (await staff.inject({ method: 'POST', url: `/api/reports/${draft.id}/rescore`, payload: { version: accepted.version, scores: wardScores, comment: 'Theo kết quả kiểm tra.' } })).json();
    expect(rescored.total).toBe(100 - items.length);
    expect(rescored.wardScoring).toMatchObject({ total: 80, band: 'Khá', comment: 'Theo kết quả kiểm tra.' });

    // An inspection shows on the report; the secretary may not record one.
    expect((await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/inspections`, payload: { inspectedOn: '2026-05-22', inspectors: 'x', findings: 'x' } })).statusCode).toBe(403);
    const inspection = await staff.inject({
      method: 'POST',
      url: `/api/sessions/${sessionId}/inspections`,
      payload: { inspectedOn: '2026-05-22', inspectors: 'Đồng chí Trưởng Ban xây dựng Đảng', findings: 'Tổ chức nghiêm túc, đúng thành phần.', adjustments: [{ itemId: items[0]!.id, points: 8, reason: 'Thông báo muộn' }] },
    });
    expect(inspection.statusCode).toBe(201);
    const shown = (await bithu.inject({ url: `/api/reports/${draft.id}` })).json();
    expect(shown.inspections).toEqual([expect.objectContaining({ findings: 'Tổ chức nghiêm túc, đúng thành phần.', adjustments: [{ itemId: items[0]!.id, points: 8, reason: 'Thông báo muộn' }] })]);

    const versions = (await bithu.inject({ url: `/api/reports/${draft.id}/versions` })).json().versions;
    expect(versions.map((v: { action: string }) => v.action)).toEqual(['rescore', 'accept', 'submit', 'edit', 'return', 'submit', 'edit', 'create']);
    expect(versions.find((v: { action: string }) => v.action === 'return').comment).toBe('Bổ sung ý kiến đề xuất của đảng viên.');
    expect(versions.at(-1).snapshot.summary).toBe('Thảo luận sôi nổi.');

    // The document: the cell's header, its figures and the signature.
    const docx = await bithu.inject({ url: `/api/reports/${draft.id}/document` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('bao-cao-chi-bo-trang-da-1');

    // The consolidation of the plan: one of the cells reported, late.
    const c = (await staff.inject({ url: `/api/plans/${plan.id}/consolidation` })).json();
    expect(c).toMatchObject({ submitted: 1, onTime: 0, late: 1, missing: c.expected - 1, timeliness: 0 });
    expect(c.completeness).toBeCloseTo(1 / c.expected);
    expect(c.members).toMatchObject({ expected, present: counts.present, absent: 1 });
    expect(c.ratings).toEqual({ Tốt: 0, Khá: 1, 'Trung bình': 0, 'Chưa đạt': 0 }); // the ward's re-score counts
    expect(c.cells.find((x: { unitName: string }) => x.unitName === 'Chi bộ Tràng Đà 1')).toMatchObject({ status: 'accepted', onTime: false, total: 80, rating: 'Khá' });
    expect((await bithu.inject({ url: `/api/plans/${plan.id}/consolidation` })).statusCode).toBe(403);
    expect((await leader.inject({ url: `/api/plans/${plan.id}/consolidation` })).statusCode).toBe(200);

    // Remind every missing cell: their secretaries get one notification each.
    const beforeNotes = (await t.database.db.select({ n: count() }).from(notifications).where(eq(notifications.kind, 'report.reminder')))[0]!.n;
    expect((await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidation/remind` })).statusCode).toBe(403);
    const reminded = (await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidation/remind` })).json();
    expect(reminded.cells).toBe(c.expected - 1);
    const afterNotes = (await t.database.db.select({ n: count() }).from(notifications).where(eq(notifications.kind, 'report.reminder')))[0]!.n;
    expect(afterNotes - beforeNotes).toBe(reminded.notified);
    expect(reminded.notified).toBeGreaterThan(0);
  });

  it('a report submitted after an inspection of its session answers with that inspection, as GET does', async () => {
    const { sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 2');
    const rubric = (await staff.inject({ url: '/api/rubrics/current' })).json();
    const scores = fullMarks(rubric);
    const draft = (await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { scores } })).json();
    await hold(staff, sessionId);
    const inspected = await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/inspections`, payload: { inspectedOn: '2026-05-22', inspectors: 'Ban xây dựng Đảng', findings: 'Đúng thành phần.' } });
    expect(inspected.statusCode).toBe(201);
    const submitted = await staff.inject({ method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { version: draft.version } });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().inspections).toEqual([expect.objectContaining({ findings: 'Đúng thành phần.' })]);
    expect(submitted.json().figures.members).toMatchObject({ absent: 1 });
    expect(submitted.json()).toEqual((await staff.inject({ url: `/api/reports/${draft.id}` })).json());
  });

  it('a cell closed before the plan gets no report', async () => {
    const { sessionId, cell } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 3');
    await t.database.db.execute(`update units set closed_on = '2026-05-01' where id = '${cell.id}'`);
    const res = await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('report.unit-closed');
    expect(await reportRows(sessionId)).toHaveLength(0);
  });
});

describe('another commune', () => {
  it("reaches none of its reports, sessions' reports, rubric or consolidation by real ids, and changes nothing", async () => {
    const commune = await buildCommune(t.database, 'Đảng ủy xã Báo Cáo Khác');
    const cell = await buildCell(t.database, commune, 'Chi bộ Thôn Riêng');
    await buildMember(t.database, cell, { fullName: 'Hà Văn Riêng' });
    const { plan } = await buildPlan(t.database, commune, { status: 'issued' });
    const [session] = await t.database.db.insert(studySessions).values({ tenantId: commune.id, planId: plan.id, unitId: cell.id, heldOn: '2026-05-20' }).returning();
    const rubric = await t.database.db.transaction((tx) => ensureCurrentRubric(tx, commune.id));
    const figures = reportFigures({ total: 1, exempt: 0, expected: 1, present: 1, late: 0, excused: 0, absent: 0 }, 0, { youth: 0, association: 0, public: 0 });
    const [report] = await t.database.db
      .insert(cellReports)
      .values({ tenantId: commune.id, planId: plan.id, sessionId: session!.id, unitId: cell.id, rubricId: rubric.id, status: 'submitted', figures, form: 'in-person', reporter: 'Bí thư', reportDate: '2026-05-21', summary: 'Bí mật của xã khác', scores: [], total: 0, band: 'Chưa đạt' })
      .returning();
    const snapshot = async () => ({
      reports: await t.database.db.select().from(cellReports).where(eq(cellReports.tenantId, commune.id)),
      versions: await t.database.db.select().from(cellReportVersions).where(eq(cellReportVersions.tenantId, commune.id)),
      rubrics: await t.database.db.select().from(rubrics).where(eq(rubrics.tenantId, commune.id)),
    });
    const before = await snapshot();
    for (const s of [staff, bithu, leader]) {
      const answers = [
        await s.inject({ url: `/api/reports/${report!.id}` }),
        await s.inject({ url: `/api/reports/${report!.id}/versions` }),
        await s.inject({ url: `/api/reports/${report!.id}/document` }),
        await s.inject({ method: 'PATCH', url: `/api/reports/${report!.id}`, payload: { version: 1, summary: 'x' } }),
        await s.inject({ method: 'POST', url: `/api/reports/${report!.id}/accept`, payload: { version: 1 } }),
        await s.inject({ method: 'POST', url: `/api/reports/${report!.id}/return`, payload: { version: 1, comment: 'x' } }),
        await s.inject({ method: 'POST', url: `/api/reports/${report!.id}/rescore`, payload: { version: 1, scores: [] } }),
        await s.inject({ method: 'POST', url: `/api/reports/${report!.id}/submit`, payload: { version: 1 } }),
        await s.inject({ url: `/api/sessions/${session!.id}/report` }),
        await s.inject({ method: 'POST', url: `/api/sessions/${session!.id}/report`, payload: {} }),
        await s.inject({ method: 'POST', url: `/api/sessions/${session!.id}/inspections`, payload: { inspectedOn: '2026-05-22', inspectors: 'x', findings: 'x' } }),
        await s.inject({ url: `/api/plans/${plan.id}/consolidation` }),
        await s.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidation/remind` }),
        await s.inject({ url: `/api/rubrics/current?communeId=${commune.id}` }),
      ];
      for (const res of answers) {
        expect(res.statusCode, res.body).toBe(404);
        expect(res.body).not.toContain('Bí mật');
      }
    }
    expect(await snapshot()).toEqual(before);
    const ownCount = (await t.database.db.select({ n: count() }).from(cellReports).where(and(eq(cellReports.tenantId, commune.id)))).at(0)!.n;
    expect(ownCount).toBe(1);
  });
});
