// The province's view of its communes' reports (issue 13, item 6): the plan's aggregate equals the
// live consolidation after every step that moves it (submit, return, accept, re-score, the ward's
// submit and reopen); the ward's report is numbered from the register ("Số …-BC/ĐU") and reaches the
// province's own rows; the province viewer sees a commune's figures only once submitted, never the
// cells' reports, the live consolidation or a draft; the commune's people do not read the province.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { findUnit } from '../../../../test/support/factories';
import { detailOf, fullMarks, sessionOfCell } from '../../../../test/support/sessions';
import { studySessions } from '../study-sessions/tables';
import { planReportFigures } from '../reports/tables';
import { documentNumbers } from '../../documents/tables';
import { auditLog } from '../audit/tables';
import { upwardReports } from './tables';
import { isOnTime } from '../../../domain/report-figures';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let province: Session;
beforeAll(async () => {
  ({ t, staff, leader, bithu, province } = await startSignedIn({ staff: 'banxaydung', leader: 'thuongtruc', bithu: 'bithu', province: 'tinhuy' }));
});
afterAll(() => t?.close());

async function heldReport(sessionId: string, by: Session, heldOn = '2026-05-22') {
  const detail = await detailOf(staff, sessionId);
  const marks = detail.expected.map((p: { memberId: string }, i: number) => ({ memberId: p.memberId, status: i === 0 ? 'absent' : 'present', ...(i === 0 ? { reason: 'Ốm' } : {}) }));
  const saved = await staff.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.json().version, heldOn } })).statusCode).toBe(200);
  const start = (await by.inject({ url: `/api/sessions/${sessionId}/report` })).json();
  const scores = fullMarks(start.rubric);
  const draft = await by.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { scores } });
  expect(draft.statusCode, draft.body).toBe(201);
  return draft.json();
}

/** The aggregate as kept equals the live consolidation, field by field. */
async function expectAggregateIsConsolidation(planId: string) {
  const c = (await staff.inject({ url: `/api/plans/${planId}/consolidation` })).json();
  const [kept] = await t.database.db.select().from(planReportFigures).where(eq(planReportFigures.planId, planId));
  expect(kept, 'the aggregate exists').toBeDefined();
  expect({ expected: kept!.expected, submitted: kept!.submitted, onTime: kept!.onTime, late: kept!.late, missing: kept!.missing, members: kept!.members, ratings: kept!.ratings }).toEqual({
    expected: c.expected,
    submitted: c.submitted,
    onTime: c.onTime,
    late: c.late,
    missing: c.missing,
    members: c.members,
    ratings: c.ratings,
  });
  return c;
}

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

describe('the province roll-up', () => {
  it('keeps the aggregate equal to the consolidation and shows the province only what the ward submitted', async () => {
    const { plan, sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const otherCell = await findUnit(t.database, 'Chi bộ Tràng Đà 4');
    const [otherSession] = await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, plan.id), eq(studySessions.unitId, otherCell.id)));

    // Issued: the province expects a report (its own row, no figures).
    const [pending] = await t.database.db.select().from(upwardReports).where(eq(upwardReports.planId, plan.id));
    expect(pending).toMatchObject({ status: 'pending', communeId: commune.id, resolution: '91-NQ/TU', planNumber: `${plan.number}-KH/ĐU` });
    expect(pending!.tenantId).not.toBe(commune.id);

    const first = await heldReport(sessionId, bithu);
    const second = await heldReport(otherSession!.id, staff, '2026-05-23');
    let a = (await bithu.inject({ method: 'POST', url: `/api/reports/${first.id}/submit`, payload: { version: first.version } })).json();
    let b = (await staff.inject({ method: 'POST', url: `/api/reports/${second.id}/submit`, payload: { version: second.version } })).json();
    let c = await expectAggregateIsConsolidation(plan.id);
    expect(c.submitted).toBe(2);

    a = (await staff.inject({ method: 'POST', url: `/api/reports/${a.id}/return`, payload: { version: a.version, comment: 'Bổ sung ý kiến' } })).json();
    await expectAggregateIsConsolidation(plan.id);
    a = (await bithu.inject({ method: 'POST', url: `/api/reports/${a.id}/submit`, payload: { version: a.version } })).json();
    a = (await staff.inject({ method: 'POST', url: `/api/reports/${a.id}/accept`, payload: { version: a.version } })).json();
    expect(a.status).toBe('accepted');
    await expectAggregateIsConsolidation(plan.id);
    const lower = a.scores.map((s: { itemId: string; points: number }, i: number) => (i === 0 ? { ...s, points: 0 } : s));
    a = (await staff.inject({ method: 'POST', url: `/api/reports/${a.id}/rescore`, payload: { version: a.version, scores: lower, comment: 'Kiểm tra' } })).json();
    c = await expectAggregateIsConsolidation(plan.id);
    b = (await staff.inject({ method: 'POST', url: `/api/reports/${b.id}/accept`, payload: { version: b.version } })).json();
    c = await expectAggregateIsConsolidation(plan.id);

    // Before the ward submits: the province sees the commune expected, none of its figures.
    const before = (await province.inject({ url: '/api/province/reports?resolution=91-NQ%2FTU' })).json();
    const entry = before.communes.find((e: { communeId: string }) => e.communeId === commune.id);
    expect(entry).toMatchObject({ status: 'pending', figures: null, number: '', submittedAt: null });
    expect((await province.inject({ url: `/api/province/reports/${commune.id}/${plan.id}` })).statusCode).toBe(404);
    for (const url of [`/api/plans/${plan.id}/consolidation`, `/api/plans/${plan.id}/consolidated-report`, `/api/reports/${a.id}`, `/api/reports/${a.id}/versions`, `/api/plans/${plan.id}/consolidated-report/document`]) {
      const res = await province.inject({ url });
      expect([403, 404], `${url} ${res.body}`).toContain(res.statusCode);
      expect(res.body).not.toContain('Chi bộ Tràng Đà');
    }

    // The ward submits upward: numbered from the register, the province's row takes the figures.
    const up = await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/submit`, payload: { version: 0 } });
    expect(up.statusCode, up.body).toBe(200);
    const numbered = await t.database.db.select().from(documentNumbers).where(and(eq(documentNumbers.documentType, 'report'), eq(documentNumbers.documentId, up.json().id)));
    expect(numbered).toHaveLength(1);
    expect(up.json().number).toBe(String(numbered[0]!.number));
    expect(numbered[0]!.symbol).toBe('BC/ĐU');
    await expectAggregateIsConsolidation(plan.id);

    const seen = (await province.inject({ url: '/api/province/reports?resolution=91-NQ%2FTU' })).json();
    const mine = seen.communes.find((e: { communeId: string }) => e.communeId === commune.id);
    expect(mine).toMatchObject({ status: 'submitted', planId: plan.id, number: `${numbered[0]!.number}-BC/ĐU`, read: false });
    expect(mine.figures).toMatchObject({ cellsExpected: c.expected, cellsSubmitted: c.submitted, cellsOnTime: c.onTime, cellsMissing: c.missing, membersExpected: c.members.expected, ratings: c.ratings });
    expect(mine.onTime).toBe(isOnTime(new Date(mine.submittedAt), c.dueAt ? new Date(c.dueAt) : null));
    // The roll-up is the sum of the submitted communes (here: this one).
    const submittedEntries = seen.communes.filter((e: { status: string }) => e.status === 'submitted');
    expect(seen.rollup.submitted).toBe(submittedEntries.length);
    expect(seen.rollup.cells.expected).toBe(submittedEntries.reduce((n: number, e: { figures: { cellsExpected: number } }) => n + e.figures.cellsExpected, 0));
    expect(seen.rollup.members.expected).toBe(submittedEntries.reduce((n: number, e: { figures: { membersExpected: number } }) => n + e.figures.membersExpected, 0));
    expect(seen.rollup.completeness).toBe(submittedEntries.length / seen.rollup.communes);
    const resolution = seen.resolutions.find((r: { resolution: string }) => r.resolution === '91-NQ/TU');
    expect(resolution).toMatchObject({ communes: seen.rollup.communes, submitted: seen.rollup.submitted, onTime: seen.rollup.onTime });

    const detail = await province.inject({ url: `/api/province/reports/${commune.id}/${plan.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().cells.map((x: { unitName: string }) => x.unitName)).toEqual(c.cells.map((x: { unitName: string }) => x.unitName));
    expect(detail.json().members).toEqual({ expected: c.members.expected, present: c.members.present, late: c.members.late, excused: c.members.excused, absent: c.members.absent, madeUp: c.members.madeUp });
    // The province confirms receipt once.
    const read = await province.inject({ method: 'POST', url: `/api/province/reports/${commune.id}/${plan.id}/read` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await province.inject({ method: 'POST', url: `/api/province/reports/${commune.id}/${plan.id}/read` })).json().readAt).toBe(read.json().readAt);
    // The province still reads no cell's report nor the live consolidation.
    expect((await province.inject({ url: `/api/reports/${a.id}` })).statusCode).toBeGreaterThanOrEqual(403);
    expect((await province.inject({ url: `/api/plans/${plan.id}/consolidation` })).statusCode).toBe(403);

    // Reopened: the province's row is withdrawn (no figures), the aggregate still equals the consolidation.
    const reopened = await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/reopen`, payload: { version: up.json().version } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    await expectAggregateIsConsolidation(plan.id);
    const withdrawn = (await province.inject({ url: '/api/province/reports?resolution=91-NQ%2FTU' })).json().communes.find((e: { communeId: string }) => e.communeId === commune.id);
    expect(withdrawn).toMatchObject({ status: 'reopened', figures: null, number: '' });
    expect((await province.inject({ url: `/api/province/reports/${commune.id}/${plan.id}` })).statusCode).toBe(404);
    // A change while reopened moves the aggregate; the second submission keeps its number.
    b = (await staff.inject({ method: 'POST', url: `/api/reports/${b.id}/rescore`, payload: { version: b.version, scores: lower, comment: 'Chấm lại' } })).json();
    await expectAggregateIsConsolidation(plan.id);
    const again = await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/consolidated-report/submit`, payload: { version: reopened.json().version } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().number).toBe(up.json().number);
    expect(await t.database.db.select().from(documentNumbers).where(and(eq(documentNumbers.documentType, 'report'), eq(documentNumbers.documentId, up.json().id)))).toHaveLength(1);
    const resent = (await province.inject({ url: `/api/province/reports/${commune.id}/${plan.id}` })).json();
    expect(resent).toMatchObject({ status: 'submitted', readAt: null, submittedAt: expect.any(String) });
    // Timeliness follows the first submission upward.
    const [row] = await t.database.db.select().from(upwardReports).where(eq(upwardReports.planId, plan.id));
    expect(row!.firstSubmittedAt!.getTime()).toBeLessThan(row!.submittedAt!.getTime() + 1);
  });

  it("refuses the commune's people, bad input and another province's ids, changing nothing", async () => {
    for (const s of [staff, leader, bithu]) {
      const res = await s.inject({ url: '/api/province/reports' });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.id).toBe('forbidden');
    }
    const bad = await province.inject({ url: '/api/province/reports?provinceId=khong-phai-ma' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe('validation');
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    // A commune's id is not a province.
    expect((await province.inject({ url: `/api/province/reports?provinceId=${commune.id}` })).json().error.id).toBe('province.not-found');
    expect((await province.inject({ url: `/api/province/reports?provinceId=${crypto.randomUUID()}` })).statusCode).toBe(404);
    const unknown = await province.inject({ url: '/api/province/reports?resolution=99-NQ%2FTU' });
    expect(unknown.statusCode).toBe(404);
    const auditBefore = await auditCount();
    const rowsBefore = await t.database.db.select().from(upwardReports);
    expect((await province.inject({ method: 'POST', url: `/api/province/reports/${commune.id}/${crypto.randomUUID()}/read` })).statusCode).toBe(404);
    expect((await staff.inject({ method: 'POST', url: `/api/province/reports/${commune.id}/${crypto.randomUUID()}/read` })).statusCode).toBe(403);
    expect(await auditCount()).toBe(auditBefore);
    expect(await t.database.db.select().from(upwardReports)).toEqual(rowsBefore);
  });
});
