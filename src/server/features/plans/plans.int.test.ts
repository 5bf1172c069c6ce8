import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { findUnit, multipartFile } from '../../../../test/support/factories';
import { issueImportedPlan, planFixture } from '../../../../test/support/fixtures';
import { planDeliveries, plans } from './tables';

const fixture = planFixture;

let t: TestApp;
let staff: Session;
let leader: Session;
beforeAll(async () => {
  ({ t, staff, leader } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc' }));
});
afterAll(() => t?.close());

async function importFixture() {
  const res = await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: fixture } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const step = (s: Session, id: string, name: string, version: number, extra = {}) =>
  s.inject({ method: 'POST', url: `/api/plans/${id}/${name}`, payload: { version, ...extra } });

describe('plans', () => {
  it('imports the fixture as a structured draft linked to its resolution, with recipients matched to units', async () => {
    const plan = await importFixture();
    expect(plan).toMatchObject({ status: 'draft', kind: 'propagation', number: null, numberText: 'Số    -KH/ĐU' });
    expect(plan.title).toMatch(/^Tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số 91-NQ\/TU/u);
    expect(plan.resolutions.map((r: { number: string }) => r.number)).toEqual(['91-NQ/TU']);
    expect(plan.body.tasks.length).toBe(8); // the fixture's section IV
    const ubnd = plan.recipients.find((r: { label: string }) => r.label === 'Ủy ban nhân dân phường');
    expect(ubnd.unitName).toBe('Ủy ban nhân dân phường');
    expect(plan.abilities).toMatchObject({ edit: true, submit: true, approve: false, issue: false });
  });

  it('runs draft → submitted → approved → issued, numbering per issuer and year, and delivers to inboxes', async () => {
    const plan = await importFixture();
    expect((await step(staff, plan.id, 'approve', 1)).statusCode).toBe(403); // staff cannot approve
    const submitted = await step(staff, plan.id, 'submit', 1);
    expect(submitted.json().status).toBe('submitted');
    const late = await staff.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: 2, source: fixture } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ id: 'plan.not-draft', details: { current: { status: 'submitted' } } });
    expect((await leader.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: 2, source: fixture } })).statusCode).toBe(403);
    expect((await step(staff, plan.id, 'approve', 2)).statusCode).toBe(403);
    const approved = await step(leader, plan.id, 'approve', 2);
    expect(approved.json().status).toBe('approved');
    expect((await step(leader, plan.id, 'issue', 3)).statusCode).toBe(403); // leadership signs, the office issues
    // The demo campaign issued one plan in 2026 already.
    const issued = await step(staff, plan.id, 'issue', 3, { issuedOn: '2026-05-20' });
    expect(issued.json()).toMatchObject({ status: 'issued', number: 2, numberText: 'Số 2-KH/ĐU', issuedOn: '2026-05-20' });

    const second = await issueImportedPlan(staff, leader, { issuedOn: '2026-06-01' });
    expect((await staff.inject({ url: `/api/plans/${second.id}` })).json().number).toBe(3);
    const nextYear = await issueImportedPlan(staff, leader, { issuedOn: '2027-01-05' });
    expect((await staff.inject({ url: `/api/plans/${nextYear.id}` })).json().numberText).toBe('Số 1-KH/ĐU');

    // Delivered: the UBND (a named unit) and every cell (the collective line).
    const [delivered] = await t.database.db.select({ n: count() }).from(planDeliveries).where(eq(planDeliveries.planId, plan.id));
    expect(delivered!.n).toBe(49); // as the seed's issued plan: the named units and every cell
    const officer = await t.signIn('ubnd');
    const inbox = (await officer.inject({ url: '/api/inbox' })).json().items;
    const item = inbox.find((i: { planId: string }) => i.planId === plan.id);
    expect(item).toMatchObject({ unitName: 'Ủy ban nhân dân phường', readAt: null, planNumber: 'Số 2-KH/ĐU' });
    const resolutionId = plan.resolutions[0].id;
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    await staff.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/attachments`, ...multipartFile(pdf, 'Nghị quyết 91-NQ-TU.pdf') });
    const received = await officer.inject({ url: `/api/plans/${plan.id}` });
    expect(received.statusCode).toBe(200);
    // "có Nghị quyết số 91-NQ/TU gửi kèm theo": the recipient gets the resolution's file with the plan.
    const [sent] = received.json().attachments;
    expect(sent).toMatchObject({ fileName: 'Nghị quyết 91-NQ-TU.pdf', resolutionId });
    expect((await officer.inject({ url: `/api/resolutions/${resolutionId}/attachments/${sent.id}` })).rawPayload.equals(pdf)).toBe(true);
    expect((await officer.inject({ method: 'POST', url: `/api/inbox/${item.id}/read` })).statusCode).toBe(200);
    const receipts = (await staff.inject({ url: `/api/plans/${plan.id}/deliveries` })).json().deliveries;
    expect(receipts.find((d: { unitName: string }) => d.unitName === 'Ủy ban nhân dân phường')).toMatchObject({ readByName: 'Ma Văn Thắng' });
    const secretary = await t.signIn('bithu');
    expect((await secretary.inject({ url: '/api/inbox' })).json().items.some((i: { planId: string }) => i.planId === plan.id)).toBe(true);
    expect((await secretary.inject({ method: 'POST', url: `/api/inbox/${item.id}/read` })).statusCode).toBe(404);
  });

  it('locks an issued plan: number or date edits get 409; a change makes a new version', async () => {
    const plan = await issueImportedPlan(staff, leader);
    const edit = await staff.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: 4, number: 99 } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.id).toBe('plan.issued-locked');
    expect((await staff.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: 4, issuedOn: '2026-01-01' } })).statusCode).toBe(409);
    const again = await step(staff, plan.id, 'issue', 4);
    expect(again.statusCode).toBe(409);
    const next = await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/new-version` });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ status: 'draft', supersedesId: plan.id, number: null });
    const old = (await staff.inject({ url: `/api/plans/${plan.id}` })).json();
    expect(old.status).toBe('issued');
  });

  it('detects two people editing one draft: the second save gets 409 with the other’s changes', async () => {
    const plan = await importFixture();
    const other = await t.signIn('banxaydung');
    const first = await staff.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: 1, source: fixture.replace('Nguyễn Mạnh Hùng', 'Hoàng Thị Lan') } });
    expect(first.statusCode).toBe(200);
    const second = await other.inject({ method: 'PATCH', url: `/api/plans/${plan.id}`, payload: { version: 1, source: fixture } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.current.source).toContain('Hoàng Thị Lan');
    const [row] = await t.database.db.select().from(plans).where(eq(plans.id, plan.id));
    expect(row!.source).toContain('Hoàng Thị Lan');
  });

  it('refuses a recipient that is not a unit of the commune, changing nothing', async () => {
    const plan = await importFixture();
    const res = await staff.inject({
      method: 'PATCH',
      url: `/api/plans/${plan.id}`,
      payload: { version: 1, recipients: [{ unitId: '00000000-0000-4000-8000-000000000000', label: 'Không có' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('plan.recipient-not-a-unit');
    expect((await staff.inject({ url: `/api/plans/${plan.id}` })).json()).toMatchObject({ version: 1, recipients: plan.recipients });
  });

  it('clones an earlier plan for another resolution, and drafts from the template', async () => {
    const earlier = await importFixture();
    const r95 = await staff.inject({
      method: 'POST',
      url: '/api/resolutions',
      payload: { kind: 'nghi-quyet', number: '95-NQ/TU', issuedOn: '2026-09-03', issuer: 'Ban Chấp hành Đảng bộ tỉnh', subject: 'phát triển du lịch cộng đồng giai đoạn 2026 - 2030', content: '' },
    });
    const clone = await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'clone', planId: earlier.id, resolutionId: r95.json().id } });
    expect(clone.statusCode).toBe(201);
    expect(clone.json().resolutions.map((r: { number: string }) => r.number)).toEqual(['95-NQ/TU']);
    expect(clone.json().source).not.toContain('91-NQ/TU');
    expect(clone.json().body.tasks.length).toBe(earlier.body.tasks.length);
    const fromTemplate = await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'template', kind: 'propagation', resolutionId: r95.json().id } });
    expect(fromTemplate.statusCode).toBe(201);
    expect(fromTemplate.json().body.sections.map((s: { number: string }) => s.number)).toEqual(['I', 'II', 'III', 'IV']);
    const foreign = await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'template', resolutionId: '00000000-0000-4000-8000-000000000000' } });
    expect(foreign.json().error.id).toBe('plan.resolution-unknown');
  });

  it('renders the plan as DOCX and HTML for those who may read it', async () => {
    const plan = await importFixture();
    const docx = await staff.inject({ url: `/api/plans/${plan.id}/document?format=docx` });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('ke-hoach-du-thao.docx');
    const issued = (await staff.inject({ url: '/api/plans' })).json().plans.find((p: { status: string; number: number }) => p.status === 'issued' && p.number === 1);
    const issuedDocx = await staff.inject({ url: `/api/plans/${issued.id}/document?format=docx` });
    expect(issuedDocx.headers['content-disposition']).toContain('filename="ke-hoach-1-KH-DU.docx"');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('ĐẢNG ỦY PHƯỜNG NÔNG TIẾN');
    expect(xml).toContain('KẾ HOẠCH');
    const html = await staff.inject({ url: `/api/plans/${plan.id}/document?format=html` });
    expect(html.body).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    const member = await t.signIn('dangvien');
    expect((await member.inject({ url: `/api/plans/${plan.id}/document?format=docx` })).statusCode).toBe(404); // a draft
  });
});
