// One commune never reaches another's data. A user of commune A who is at once ward staff, a cell
// secretary and a unit officer asks for every kind of object of commune B by its real id — reads,
// edits, workflow steps, downloads — and gets the exact answer (404: they may not know it exists),
// no data of B, and nothing of B changes (read back afterwards).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../test/support/app';
import {
  buildCell,
  buildCommune,
  buildMember,
  buildMemberXlsx,
  buildPlan,
  buildResolution,
  buildUserWithGrant,
  multipartFile,
} from '../../../test/support/factories';
import { auditLog } from './audit/tables';
import { members } from './members/tables';
import { planDeliveries, plans } from './plans/tables';
import { resolutions } from './resolutions/tables';
import { communeSettings } from './settings/tables';
import { roleGrants, users } from '../auth/tables';
import { units, type Unit } from './units/tables';

let t: TestApp;
let a: Session; // ward staff + cell secretary + unit officer of commune A (the demo ward)
let b: {
  commune: Unit;
  cell: Unit;
  member: typeof members.$inferSelect;
  resolution: typeof resolutions.$inferSelect;
  attachmentId: string;
  draft: typeof plans.$inferSelect;
  issued: typeof plans.$inferSelect;
  deliveryId: string;
};
let ownResolutionId: string;
let snapshot: () => Promise<unknown>;

beforeAll(async () => {
  t = await startTestApp();
  // The units the demo accounts hold their grants on: the ward (vanphong), a cell (bithu), an agency (ubnd).
  const grantUnitOf = async (username: string) =>
    (await t.database.db.select({ unit: units }).from(roleGrants).innerJoin(users, and(eq(users.tenantId, roleGrants.tenantId), eq(users.id, roleGrants.userId))).innerJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId))).where(eq(users.username, username)))[0]!.unit;
  const communeA = await grantUnitOf('vanphong');
  const cellA = await grantUnitOf('bithu');
  const agencyA = await grantUnitOf('ubnd');
  const user = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: communeA });
  await t.database.db.insert(roleGrants).values([
    { userId: user.user.id, role: 'cellSecretary', unitId: cellA.id, tenantId: communeA.id },
    { userId: user.user.id, role: 'unitOfficer', unitId: agencyA.id, tenantId: communeA.id },
  ]);
  a = await t.signIn(user.username, user.password);

  const commune = await buildCommune(t.database, 'Đảng ủy xã Khác');
  const cell = await buildCell(t.database, commune, 'Chi bộ Thôn Khác');
  const member = await buildMember(t.database, cell, { fullName: 'Lò Thị Riêng Tư' });
  const { resolution, attachment } = await buildResolution(t.database, commune, { number: '7-NQ/ĐUX' });
  const { plan: draft } = await buildPlan(t.database, commune);
  const { plan: issued, delivery } = await buildPlan(t.database, commune, { status: 'issued', deliverTo: cell });
  b = { commune, cell, member, resolution, attachmentId: attachment.id, draft, issued, deliveryId: delivery!.id };
  ownResolutionId = (await t.database.db.select().from(resolutions).where(eq(resolutions.tenantId, communeA.id)).limit(1))[0]!.id;

  // Everything of B as stored, to prove after each feature that nothing of it changed.
  snapshot = async () => ({
    members: await t.database.db.select().from(members).where(eq(members.tenantId, commune.id)),
    resolutions: await t.database.db.select().from(resolutions).where(eq(resolutions.tenantId, commune.id)),
    plans: await t.database.db.select().from(plans).where(eq(plans.tenantId, commune.id)),
    deliveries: await t.database.db.select().from(planDeliveries).where(eq(planDeliveries.tenantId, commune.id)),
    settings: await t.database.db.select().from(communeSettings).where(eq(communeSettings.tenantId, commune.id)),
    audit: (await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.tenantId, commune.id)))[0]!.n,
  });
});
afterAll(async () => {
  await t?.close();
});

const NOT_FOUND = { status: 404 };

/** Asks as A, expects `status` and an error (never B's data), and checks that B is unchanged. */
async function refused(requests: { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Record<string, string> }[], expected = NOT_FOUND) {
  const before = await snapshot();
  for (const r of requests) {
    const res = await a.inject({ method: r.method ?? 'GET', url: r.url, payload: r.payload as never, headers: r.headers });
    expect({ request: `${r.method ?? 'GET'} ${r.url}`, status: res.statusCode }).toEqual({ request: `${r.method ?? 'GET'} ${r.url}`, ...expected });
    expect(res.json()).toHaveProperty('error.id');
    for (const secret of [b.member.fullName, b.resolution.number, b.commune.name, b.cell.name]) expect(res.body).not.toContain(secret);
  }
  expect(await snapshot()).toEqual(before);
}

describe('units', () => {
  it('another commune’s units are not found and not listed', async () => {
    await refused([{ url: `/api/units/${b.commune.id}` }, { url: `/api/units/${b.cell.id}` }]);
    const list = await a.inject({ url: '/api/units' });
    expect(list.statusCode).toBe(200);
    expect(list.json().units.map((u: { id: string }) => u.id)).not.toContain(b.cell.id);
  });
});

describe('members', () => {
  it('another commune’s members: list, export, page and edit are not found; search does not find them', async () => {
    await refused([
      { url: `/api/units/${b.cell.id}/members` },
      { url: `/api/units/${b.commune.id}/members` },
      { url: `/api/units/${b.cell.id}/members/export?format=csv` },
      { url: `/api/units/${b.cell.id}/members/export?format=xlsx` },
      { url: `/api/members/${b.member.id}` },
      { method: 'PATCH', url: `/api/members/${b.member.id}`, payload: { version: b.member.version, phone: '0911111111' } },
    ]);
    const search = await a.inject({ url: `/api/members/search?q=${encodeURIComponent('Riêng Tư')}` });
    expect(search.statusCode).toBe(200);
    expect(search.json()).toEqual({ members: [], total: 0 });
  });

  it('importing into another commune is not found, before the file is read', async () => {
    const file = multipartFile(await buildMemberXlsx([[1, 'Nguyễn Văn Nhập', '01/01/1980', 'Nam', 'Chi bộ Thôn Khác', '01/01/2010', '01/01/2011', '', '', '']]), 'ds.xlsx');
    await refused([
      { method: 'POST', url: `/api/units/${b.commune.id}/members/import?mode=preview`, ...file },
      { method: 'POST', url: `/api/units/${b.commune.id}/members/import?mode=commit`, ...file },
    ]);
  });
});

describe('resolutions and their attachments', () => {
  it('another commune’s registry, documents, links and files are not found', async () => {
    const upload = multipartFile(Buffer.from('%PDF-1.4\n%%EOF\n'), 'x.pdf', 'application/pdf');
    await refused([
      { url: `/api/resolutions?communeId=${b.commune.id}` },
      { method: 'POST', url: `/api/resolutions?communeId=${b.commune.id}`, payload: { kind: 'nghi-quyet', number: '8-NQ/ĐUX', issuedOn: null, issuer: 'Đảng ủy xã', subject: 'Văn bản chen vào' } },
      { url: `/api/resolutions/${b.resolution.id}` },
      { method: 'PATCH', url: `/api/resolutions/${b.resolution.id}`, payload: { version: 1, subject: 'Đổi trích yếu của người khác' } },
      { method: 'POST', url: `/api/resolutions/${b.resolution.id}/links`, payload: { toId: ownResolutionId, relation: 'guides' } },
      { method: 'POST', url: `/api/resolutions/${ownResolutionId}/links`, payload: { toId: b.resolution.id, relation: 'guides' } },
      { method: 'DELETE', url: `/api/resolutions/${b.resolution.id}/links/00000000-0000-4000-8000-000000000000` },
      { method: 'POST', url: `/api/resolutions/${b.resolution.id}/attachments`, ...upload },
      { url: `/api/resolutions/${b.resolution.id}/attachments/${b.attachmentId}` },
    ]);
    const search = await a.inject({ url: `/api/resolutions?q=${encodeURIComponent(b.resolution.number)}` });
    expect(search.statusCode).toBe(200);
    expect(search.json().resolutions.map((r: { id: string }) => r.id)).not.toContain(b.resolution.id);
  });
});

describe('plans, deliveries and documents', () => {
  it('another commune’s plans: reads, edits, every step, deliveries and documents are not found', async () => {
    const { draft, issued } = b;
    await refused([
      { url: `/api/plans?communeId=${b.commune.id}` },
      { method: 'POST', url: `/api/plans?communeId=${b.commune.id}`, payload: { from: 'import', source: draft.source } },
      { method: 'POST', url: '/api/plans', payload: { from: 'clone', planId: issued.id, resolutionId: ownResolutionId } },
      { url: `/api/plans/${draft.id}` },
      { url: `/api/plans/${issued.id}` },
      { method: 'PATCH', url: `/api/plans/${draft.id}`, payload: { version: draft.version, source: `${draft.source}\nthêm` } },
      ...(['submit', 'approve', 'return', 'issue'] as const).map((step) => ({ method: 'POST' as const, url: `/api/plans/${draft.id}/${step}`, payload: { version: draft.version } })),
      { method: 'POST', url: `/api/plans/${issued.id}/new-version` },
      { url: `/api/plans/${issued.id}/deliveries` },
      { url: `/api/plans/${issued.id}/document?format=docx` },
      { url: `/api/plans/${issued.id}/document?format=html` },
      { method: 'POST', url: `/api/inbox/${b.deliveryId}/read` },
    ]);
    const list = await a.inject({ url: '/api/plans' });
    expect(list.json().plans.map((p: { id: string }) => p.id)).not.toContain(issued.id);
    const inbox = await a.inject({ url: '/api/inbox' });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.map((i: { id: string }) => i.id)).not.toContain(b.deliveryId);
  });

  it('a plan made from another commune’s registered resolution is refused as unknown to the registry (400), writing nothing', async () => {
    const before = await snapshot();
    const res = await a.inject({ method: 'POST', url: '/api/plans', payload: { from: 'template', resolutionId: b.resolution.id } });
    expect({ status: res.statusCode, id: res.json().error.id }).toEqual({ status: 400, id: 'plan.resolution-unknown' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('settings', () => {
  it('another commune’s document settings are not found, to read or to change', async () => {
    await refused([
      { url: `/api/settings/documents?communeId=${b.commune.id}` },
      { method: 'PUT', url: `/api/settings/documents?communeId=${b.commune.id}`, payload: { version: 1, uySpelling: 'UỶ' } },
    ]);
  });
});

describe('audit', () => {
  it('another commune’s audit log is not found, and naming its member finds no entry', async () => {
    await refused([{ url: `/api/audit?communeId=${b.commune.id}` }]);
    const own = await a.inject({ url: `/api/audit?entity=member&entityId=${b.member.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().entries).toEqual([]);
  });
});

describe('plan import and its vocabulary', () => {
  it('analysing a plan for another commune is not found; the shared vocabulary is read, not changed, by the office', async () => {
    await refused([{ method: 'POST', url: `/api/plans/import?communeId=${b.commune.id}`, payload: { text: b.draft.source } }]);
    const vocabulary = await a.inject({ url: '/api/plan-import/vocabulary' });
    expect(vocabulary.statusCode).toBe(200);
    await refused([{ method: 'PUT', url: '/api/plan-import/vocabulary', payload: { version: vocabulary.json().version, data: { misspellings: { 'công tắc': 'công tác' } } } }], { status: 403 });
    expect((await a.inject({ url: '/api/plan-import/vocabulary' })).json()).toEqual(vocabulary.json());
  });
});
