// The ward's consolidated report: drafted (difficulties, proposals, number), its DOCX's figures equal
// the consolidation's, its XLSX lists every cell; submitted upward it locks the cells' reports
// (409 report.locked, nothing changed) until the ward reopens it; a cell secretary may not submit it,
// another commune reaches none of it by real ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildPlan } from '../../../../test/support/factories';
import { detailOf, fullMarks, sessionOfCell } from '../../../../test/support/sessions';
import { auditLog } from '../audit/tables';
import { cellReports, consolidatedReports } from './tables';
import { formatCount, formatRate, rate } from '../../../domain/report-figures';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
beforeAll(async () => {
  ({ t, staff, leader, bithu } = await startSignedIn({ staff: 'banxaydung', leader: 'thuongtruc', bithu: 'bithu' }));
});
afterAll(() => t?.close());

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

async function submittedReport(sessionId: string) {
  const detail = await detailOf(staff, sessionId);
  const marks = detail.expected.map((p: { memberId: string }, i: number) => ({ memberId: p.memberId, status: i === 0 ? 'late' : 'present' }));
  const saved = (await staff.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } })).json();
  expect((await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.version, heldOn: '2026-05-22' } })).statusCode).toBe(200);
  const start = (await bithu.inject({ url: `/api/sessions/${sessionId}/report` })).json();
  const scores = fullMarks(start.rubric);
  const draft = (await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { scores } })).json();
  const sent = await bithu.inject({ method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { version: draft.version } });
  expect(sent.statusCode, sent.body).toBe(200);
  return sent.json();
}

describe("the ward's consolidated report", () => {
  it('is drafted, downloaded with the consolidation’s figures, submitted upward (locking the cells’ reports) and reopened', async () => {
    const { plan, sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const report = await submittedReport(sessionId);

    const blank = (await staff.inject({ url: `/api/plans/${plan.id}/consolidated-report` })).json();
    expect(blank).toMatchObject({ id: null, status: 'draft', version: 0, abilities: { edit: true, submit: true, reopen: false } });
    expect((await bithu.inject({ url: `/api/plans/${plan.id}/consolidated-report` })).statusCode).toBe(403);
    expect((await bithu.inject({ method: 'PUT', url: `/api/plans/${plan.id}/consolidated-report`, payload: { version: 0, difficulties: 'x' } })).statusCode).toBe(403);

    const saved = await staff.inject({ method: 'PUT', url: `/api/plans/${plan.id}/consolidated-report`, payload: { version: 0, difficulties: 'Một số chi bộ ở xa, đi lại khó khăn.', proposals: 'Đề nghị cấp tài liệu bổ sung.', number: '12' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, status: 'draft', number: '12' });
    // A stale version changes nothing.
    const before = await auditCount();
    const stale = await staff.inject({ method: 'PUT', url: `/api/plans/${plan.id}/consolidated-report`, payload: { version: 0, difficulties: 'cũ' } });
    expect(stale.statusCode).toBe(409);
    expect(await auditCount()).toBe(before);
    expect((await staff.inject({ url: `/api/plans/${plan.id}/consolidated-report` })).json().difficulties).toBe('Một số chi bộ ở xa, đi lại khó khăn.');

    // The DOCX's figures are the consolidation's.
    const c = (await staff.inject({ url: `/api/plans/${plan.id}/consolidation` })).json();
    expect(c.submitted).toBe(1);
    const docx = await staff.inject({ url: `/api/plans/${plan.id}/consolidated-report/document` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(text).toContain('Số 12-BC/ĐU');
    expect(text).toContain(`${formatCount(c.submitted)}/${formatCount(c.expected)} (${formatRate(c.completeness)}) chi bộ đã tổ chức học tập`);
    expect(text).toContain(`${formatCount(c.onTime)} chi bộ gửi đúng hạn (${formatRate(c.timeliness)})`);
    const attended = c.members.present + c.members.late;
    expect(text).toContain(`${formatCount(attended)}/${formatCount(c.members.expected)} (${formatRate(rate(attended, c.members.expected))}) đảng viên tham gia`);
    expect(text).toContain('Một số chi bộ ở xa, đi lại khó khăn.');
    expect(text).toContain('Đề nghị cấp tài liệu bổ sung.');
    expect(text).toContain('Chi bộ Tràng Đà 1');
    expect(text).toContain('T/M BAN THƯỜNG VỤ');

    const xlsx = await staff.inject({ url: `/api/plans/${plan.id}/consolidated-report/document?format=xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    book.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
    expect(names.filter((n) => n.startsWith('Chi bộ '))).toHaveLength(c.expected);

    // Submitted upward: the cells' reports are locked.
    expect((await bithu.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/submit`, payload: { version: 1 } })).statusCode).toBe(403);
    const up = await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/submit`, payload: { version: 1 } });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({ status: 'submitted', version: 2, abilities: { edit: false, submit: false, reopen: true } });
    const [stored] = await t.database.db.select().from(consolidatedReports).where(eq(consolidatedReports.planId, plan.id));
    expect(stored!.figures).toMatchObject({ expected: c.expected, submitted: c.submitted });

    const rowBefore = await t.database.db.select().from(cellReports).where(eq(cellReports.id, report.id));
    const auditBefore = await auditCount();
    const locked = [
      await staff.inject({ method: 'POST', url: `/api/reports/${report.id}/accept`, payload: { version: report.version } }),
      await staff.inject({ method: 'POST', url: `/api/reports/${report.id}/return`, payload: { version: report.version, comment: 'Sửa lại' } }),
      await staff.inject({ method: 'POST', url: `/api/reports/${report.id}/rescore`, payload: { version: report.version, scores: report.scores } }),
      await bithu.inject({ method: 'PATCH', url: `/api/reports/${report.id}`, payload: { version: report.version, summary: 'x' } }),
      await bithu.inject({ method: 'POST', url: `/api/reports/${report.id}/submit`, payload: { version: report.version } }),
    ];
    for (const res of locked) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({ id: 'report.locked', message: expect.stringContaining('mở lại báo cáo tổng hợp') });
    }
    expect(await t.database.db.select().from(cellReports).where(eq(cellReports.id, report.id))).toEqual(rowBefore);
    expect(await auditCount()).toBe(auditBefore);
    const shown = (await staff.inject({ url: `/api/reports/${report.id}` })).json();
    expect(shown).toMatchObject({ locked: true, abilities: { review: false, rescore: false } });
    expect((await staff.inject({ method: 'PUT', url: `/api/plans/${plan.id}/consolidated-report`, payload: { version: 2, proposals: 'x' } })).json().error.id).toBe('consolidated-report.submitted');

    // Reopened: the ward accepts the cell's report again.
    expect((await bithu.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/reopen`, payload: { version: 2 } })).statusCode).toBe(403);
    const reopened = await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/reopen`, payload: { version: 2 } });
    expect(reopened.json()).toMatchObject({ status: 'reopened', abilities: { edit: true, submit: true } });
    expect((await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/reopen`, payload: { version: 3 } })).json().error.id).toBe('consolidated-report.not-submitted');
    const accepted = await staff.inject({ method: 'POST', url: `/api/reports/${report.id}/accept`, payload: { version: report.version } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', locked: false });
  });

  it('another commune reaches none of it by real ids, and nothing changes', async () => {
    const commune = await buildCommune(t.database, 'Đảng ủy xã Tổng Hợp Khác');
    const { plan } = await buildPlan(t.database, commune, { status: 'issued' });
    await t.database.db.insert(consolidatedReports).values({ tenantId: commune.id, planId: plan.id, difficulties: 'Bí mật của xã khác' });
    const snapshot = () => t.database.db.select().from(consolidatedReports).where(eq(consolidatedReports.tenantId, commune.id));
    const before = await snapshot();
    for (const s of [staff, leader, bithu]) {
      const answers = [
        await s.inject({ url: `/api/plans/${plan.id}/consolidated-report` }),
        await s.inject({ method: 'PUT', url: `/api/plans/${plan.id}/consolidated-report`, payload: { version: 1, proposals: 'x' } }),
        await s.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/submit`, payload: { version: 1 } }),
        await s.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/reopen`, payload: { version: 1 } }),
        await s.inject({ url: `/api/plans/${plan.id}/consolidated-report/document` }),
        await s.inject({ url: `/api/plans/${plan.id}/consolidated-report/document?format=xlsx` }),
      ];
      for (const res of answers) {
        expect(res.statusCode, res.body).toBe(404);
        expect(res.body).not.toContain('Bí mật');
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
