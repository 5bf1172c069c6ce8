// The propaganda totals by channel in the reports: the cell report (its page's answer and its DOCX)
// shows its unit's totals, the consolidated report (DOCX and XLSX) the plan's, each figure read back
// equal to GET /api/plans/:id/propaganda/totals; once submitted upward the consolidated report keeps
// the totals it was submitted with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { findUnit } from '../../../../test/support/factories';
import { detailOf, fullMarks, sessionOfCell } from '../../../../test/support/sessions';
import { formatCount } from '../../../domain/report-figures';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
beforeAll(async () => {
  ({ t, staff, leader, bithu } = await startSignedIn({ staff: 'banxaydung', leader: 'thuongtruc', bithu: 'bithu' }));
});
afterAll(() => t?.close());

interface Totals {
  byChannel: Record<string, { entries: number; posts: number; broadcasts: number; copies: number; reach: number }>;
}
const docxText = async (payload: Buffer) => (await mammoth.extractRawText({ buffer: payload })).value.replace(/\s+/gu, ' ');

describe('propaganda totals in the reports', () => {
  it('the cell report and the consolidated report print the totals the API gives, by channel', async () => {
    const { plan, cell, sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const ward = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const log = (s: Session, values: Record<string, unknown>) =>
      s.inject({ method: 'POST', url: `/api/plans/${plan.id}/propaganda`, payload: { id: randomUUID(), unitId: cell.id, on: '2026-05-22', title: 'Tin về Nghị quyết 91-NQ/TU', ...values } });
    for (const res of [
      await log(bithu, { channel: 'portal', posts: 7, reach: 1200 }),
      await log(bithu, { channel: 'portal', posts: 5, reach: 300 }),
      await log(bithu, { channel: 'zalo', posts: 3, reach: 1250 }),
      await log(staff, { channel: 'loudspeaker', broadcasts: 16, durationMinutes: 80, reach: 2000 }),
      // The ward's own entry counts in the plan's totals, not in the cell's.
      await log(staff, { unitId: ward.id, channel: 'leaflet', copies: 1500, reach: 1500 }),
    ]) {
      expect(res.statusCode, res.body).toBe(201);
    }
    const unitTotals: Totals = (await bithu.inject({ url: `/api/plans/${plan.id}/propaganda/totals?unitId=${cell.id}` })).json();
    const planTotals: Totals = (await staff.inject({ url: `/api/plans/${plan.id}/propaganda/totals` })).json();
    expect(unitTotals.byChannel).toMatchObject({ portal: { entries: 2, posts: 12, reach: 1500 }, zalo: { posts: 3 }, loudspeaker: { broadcasts: 16 } });
    expect(unitTotals.byChannel.leaflet).toBeUndefined();
    expect(planTotals.byChannel.leaflet).toMatchObject({ copies: 1500 });

    // The cell report's page answer carries its unit's totals, as the API gives them.
    const start = (await bithu.inject({ url: `/api/sessions/${sessionId}/report` })).json();
    expect(start.propaganda).toEqual(unitTotals.byChannel);

    // A held session and a report, then its DOCX.
    const detail = await detailOf(staff, sessionId);
    const marks = detail.expected.map((p: { memberId: string }) => ({ memberId: p.memberId, status: 'present' }));
    const saved = (await staff.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } })).json();
    expect((await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.version, heldOn: '2026-05-22' } })).statusCode).toBe(200);
    const scores = fullMarks(start.rubric);
    const draft = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { scores } });
    expect(draft.statusCode, draft.body).toBe(201);
    const cellDocx = await bithu.inject({ url: `/api/reports/${draft.json().id}/document?format=docx` });
    expect(cellDocx.statusCode).toBe(200);
    const cellText = await docxText(cellDocx.rawPayload);
    const u = unitTotals.byChannel;
    const unitReach = u.portal!.reach + u.zalo!.reach + u.loudspeaker!.reach;
    expect(cellText).toContain('4. Công tác tuyên truyền');
    expect(cellText).toContain(
      `Đăng ${formatCount(u.portal!.posts)} tin, bài trên Cổng thông tin điện tử, trang web; đăng ${formatCount(u.zalo!.posts)} tin, bài trên Zalo; ` +
        `phát ${formatCount(u.loudspeaker!.broadcasts)} lần trên hệ thống truyền thanh; ước tính ${formatCount(unitReach)} lượt người được tiếp cận.`,
    );
    expect(cellText).not.toContain('tờ rơi');
    // The table: a row per channel and the sum.
    expect(cellText).toContain(`Zalo ${u.zalo!.entries} ${u.zalo!.posts} 0 0 ${formatCount(u.zalo!.reach)}`);
    expect(cellText).toContain(`Cộng 4 ${formatCount(u.portal!.posts + u.zalo!.posts)} ${u.loudspeaker!.broadcasts} 0 ${formatCount(unitReach)}`);

    // The consolidated report: the plan's totals, in the DOCX and the XLSX.
    const p = planTotals.byChannel;
    const planReach = Object.values(p).reduce((n, c) => n + c.reach, 0);
    const sentence =
      `Đăng ${formatCount(p.portal!.posts)} tin, bài trên Cổng thông tin điện tử, trang web; đăng ${formatCount(p.zalo!.posts)} tin, bài trên Zalo; ` +
      `phát ${formatCount(p.loudspeaker!.broadcasts)} lần trên hệ thống truyền thanh; in, phát ${formatCount(p.leaflet!.copies)} tài liệu, tờ rơi; ` +
      `ước tính ${formatCount(planReach)} lượt người được tiếp cận.`;
    const wardDocx = await staff.inject({ url: `/api/plans/${plan.id}/consolidated-report/document` });
    expect(wardDocx.statusCode).toBe(200);
    const wardText = await docxText(wardDocx.rawPayload);
    expect(wardText).toContain('4. Công tác tuyên truyền');
    expect(wardText).toContain(sentence);
    expect(wardText).toContain(`Tài liệu, tờ rơi in 1 0 0 ${formatCount(p.leaflet!.copies)} ${formatCount(p.leaflet!.reach)}`);
    expect(wardText).toContain('5. Kết quả của từng chi bộ');

    const xlsx = await staff.inject({ url: `/api/plans/${plan.id}/consolidated-report/document?format=xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tuyên truyền')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Zalo', p.zalo!.entries, p.zalo!.posts, p.zalo!.broadcasts, p.zalo!.copies, p.zalo!.reach]);
    expect(rows).toContainEqual(['Hệ thống truyền thanh', p.loudspeaker!.entries, p.loudspeaker!.posts, p.loudspeaker!.broadcasts, p.loudspeaker!.copies, p.loudspeaker!.reach]);
    expect(rows.at(-1)).toEqual(['Cộng', 5, 15, 16, 1500, planReach]);

    // Submitted upward: the report keeps the totals it was submitted with; a later entry shows live only.
    await staff.inject({ method: 'PUT', url: `/api/plans/${plan.id}/consolidated-report`, payload: { version: 0, number: '21' } });
    const up = await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/submit`, payload: { version: 1 } });
    expect(up.statusCode, up.body).toBe(200);
    expect((await log(staff, { channel: 'portal', posts: 100, reach: 1 })).statusCode).toBe(201);
    const after = await docxText((await staff.inject({ url: `/api/plans/${plan.id}/consolidated-report/document` })).rawPayload);
    expect(after).toContain(sentence);
    const live: Totals = (await staff.inject({ url: `/api/plans/${plan.id}/propaganda/totals` })).json();
    expect(live.byChannel.portal!.posts).toBe(p.portal!.posts + 100);
  });
});
