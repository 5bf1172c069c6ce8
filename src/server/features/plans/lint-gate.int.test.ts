// The checks gate the workflow: a plan with a lint error is submitted only once each error is fixed
// or acknowledged with a reason; the leadership sees the diagnostics and the reasons; issuing is
// previewed with the number and date it will take.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { planFixture } from '../../../../test/support/fixtures';
import { auditLog } from '../audit/tables';
import { plans } from './tables';

/** The held date mismatch: the second mention of 91-NQ/TU carries another date. */
const mismatched = planFixture.replace(/(Các nội dung cốt lõi của Nghị quyết số 91-NQ\/TU, ngày )12\/5\/2026/u, '$122/5/2026');
const REASON = 'Ngày 12/5/2026 đúng theo bản gốc của Tỉnh ủy';
const LINE = mismatched.split('\n').findIndex((l) => l.includes('ngày 22/5/2026')) + 1;

let t: TestApp;
let staff: Session;
let leader: Session;
beforeAll(async () => {
  ({ t, staff, leader } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc' }));
});
afterAll(() => t?.close());

async function draft(source = mismatched) {
  const res = await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const submit = (id: string, payload: object) => staff.inject({ method: 'POST', url: `/api/plans/${id}/submit`, payload });
const auditCount = async (id: string) =>
  (await t.database.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'plan.submit'))))[0]!.n;

describe('the submit gate', () => {
  it('shows the draft’s diagnostics with their Vietnamese rule names and certain fixes', async () => {
    const plan = await draft();
    const error = plan.diagnostics.find((d: { severity: string }) => d.severity === 'error');
    expect(error).toMatchObject({ code: 'resolution-date-mismatch', rule: 'Ngày của nghị quyết không khớp', line: LINE });
    const misspelling = plan.diagnostics.find((d: { code: string }) => d.code === 'known-misspelling');
    expect(misspelling).toMatchObject({ rule: 'Viết sai chính tả', fix: { replacement: 'QUÁN TRIỆT' } });
    expect(plan.acknowledgements).toEqual([]);
  });

  it('refuses to submit a plan with an unacknowledged error, or one acknowledged without a reason, changing nothing', async () => {
    const plan = await draft();
    const refused = await submit(plan.id, { version: 1 });
    expect(refused.statusCode).toBe(400);
    const body = refused.json().error;
    expect(body).toMatchObject({ id: 'plan.lint-errors', details: { errors: [{ code: 'resolution-date-mismatch', line: LINE }] } });
    expect(body.message).toContain(`dòng ${LINE}`);

    const noReason = await submit(plan.id, { version: 1, acknowledgements: [{ code: 'resolution-date-mismatch', line: LINE, reason: 'ok' }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.id).toBe('plan.lint-errors');
    const wrongLine = await submit(plan.id, { version: 1, acknowledgements: [{ code: 'resolution-date-mismatch', line: LINE + 1, reason: REASON }] });
    expect(wrongLine.json().error.id).toBe('plan.lint-errors');

    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(row).toMatchObject({ status: 'draft', version: 1, submittedBy: null, lintAcknowledgements: [] });
    expect(await auditCount(plan.id)).toBe(0);
  });

  it('submits once each error is acknowledged; the leadership sees the diagnostics and the reasons; the history keeps them', async () => {
    const plan = await draft();
    const res = await submit(plan.id, { version: 1, acknowledgements: [{ code: 'resolution-date-mismatch', line: LINE, reason: `  ${REASON} ` }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', version: 2 });

    const seen = (await leader.inject({ url: `/api/plans/${plan.id}` })).json();
    expect(seen.abilities.approve).toBe(true);
    expect(seen.diagnostics.some((d: { code: string }) => d.code === 'resolution-date-mismatch')).toBe(true);
    expect(seen.acknowledgements).toEqual([
      {
        code: 'resolution-date-mismatch',
        rule: 'Ngày của nghị quyết không khớp',
        line: LINE,
        message: expect.stringContaining('22/5/2026'),
        reason: REASON,
        byName: expect.any(String),
        at: expect.any(String),
      },
    ]);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, plan.id), eq(auditLog.action, 'plan.submit')));
    expect((entry!.after as { lintAcknowledgements: { reason: string }[] }).lintAcknowledgements[0]!.reason).toBe(REASON);

    // Returned for correction: the acknowledgements go with the submission; a new one is needed.
    await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/return`, payload: { version: 2 } });
    const returned = (await staff.inject({ url: `/api/plans/${plan.id}` })).json();
    expect(returned).toMatchObject({ status: 'draft', acknowledgements: [] });
    expect((await submit(plan.id, { version: 3 })).statusCode).toBe(400);
  });

  it('submits a plan without errors with just its version (warnings never block)', async () => {
    const plan = await draft(planFixture);
    expect(plan.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    expect(plan.diagnostics.length).toBeGreaterThan(0);
    expect((await submit(plan.id, { version: 1 })).json()).toMatchObject({ status: 'submitted', acknowledgements: [] });
  });
});

describe('the issue preview', () => {
  it('gives the number and date issuing will use, without taking it; issuing takes that number', async () => {
    const plan = await draft(planFixture);
    expect((await staff.inject({ url: `/api/plans/${plan.id}/issue-preview` })).statusCode).toBe(403); // a draft is not issued
    await submit(plan.id, { version: 1 });
    await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/approve`, payload: { version: 2 } });
    expect((await leader.inject({ url: `/api/plans/${plan.id}/issue-preview` })).statusCode).toBe(403); // the office issues
    expect((await staff.inject({ url: `/api/plans/${plan.id}/issue-preview?issuedOn=2026-02-31` })).statusCode).toBe(400);

    const preview = await staff.inject({ url: `/api/plans/${plan.id}/issue-preview?issuedOn=2026-05-20` });
    expect(preview.statusCode).toBe(200);
    const { number, numberText, issuedOn } = preview.json();
    expect(number).toMatch(/^\d+-KH\/ĐU$/u);
    expect(numberText).toBe(`Số ${number}`);
    expect(issuedOn).toBe('2026-05-20');
    // Previewing twice takes nothing.
    expect((await staff.inject({ url: `/api/plans/${plan.id}/issue-preview?issuedOn=2026-05-20` })).json().number).toBe(number);
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(row).toMatchObject({ status: 'approved', number: null });

    const issued = await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/issue`, payload: { version: 3, issuedOn: '2026-05-20' } });
    expect(issued.json()).toMatchObject({ status: 'issued', numberText, issuedOn: '2026-05-20' });
    expect(`${issued.json().number}-KH/ĐU`).toBe(number);
    // Issued: still its diagnostics, no more preview.
    expect(issued.json().diagnostics.length).toBeGreaterThan(0);
    expect((await staff.inject({ url: `/api/plans/${plan.id}/issue-preview` })).statusCode).toBe(409);
  });
});
