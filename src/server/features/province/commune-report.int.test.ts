// The province's viewers choose among their communes (GET /api/province/communes) and download a
// commune's consolidated report as it submitted it (DOCX, and its cells as XLSX): the province it
// reported to only. The commune's own people, another province's viewers and a ward of another
// commune are refused, a report not (or no longer) submitted is not the province's, and every route
// that works in one commune (`?communeId=`) is one the web app names the chosen commune on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildUserWithGrant, findUnit, FACTORY_PASSWORD } from '../../../../test/support/factories';
import { childPath } from '../../../domain/org-tree';
import { SECOND_COMMUNE, seedSecondCommune } from '../../seed/second-commune';
import { units } from '../units/tables';
import { auditLog } from '../audit/tables';
import { communeRoutes } from '../../../web/features/accounts/commune';
import { upwardReports } from './tables';

let t: TestApp;
let viewer: Session;
let admin: Session;
let minhXuanStaff: Session;
let nongTienStaff: Session;
let otherViewer: Session;
let minhXuanId = '';
let nongTienId = '';
let planId = '';

const documentUrl = (communeId: string, plan: string, format?: string) => `/api/province/reports/${communeId}/${plan}/document${format ? `?format=${format}` : ''}`;

async function documentText(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/gu, '');
}

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedSecondCommune(t.database.db)).toBe(true);
  minhXuanId = (await findUnit(t.database, SECOND_COMMUNE)).id;
  nongTienId = (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')).id;
  const [row] = await t.database.db.select().from(upwardReports).where(eq(upwardReports.communeId, minhXuanId));
  planId = row!.planId;
  viewer = await t.signIn('tinhuy');
  admin = await t.signIn('admin');
  minhXuanStaff = await t.signIn('minhxuan');
  nongTienStaff = await t.signIn('vanphong');
  // Another province with its own viewer: none of this province's communes are its business.
  const id = crypto.randomUUID();
  const [other] = await t.database.db.insert(units).values({ id, tenantId: id, parentId: null, kind: 'province', name: 'Đảng bộ tỉnh Thử', path: childPath(null, id) }).returning();
  const { username } = await buildUserWithGrant(t.database, { role: 'provinceViewer', unit: other! });
  otherViewer = await t.signIn(username, FACTORY_PASSWORD);
});
afterAll(() => t?.close());

describe('the communes a province account chooses from', () => {
  it('lists the communes of its province, in their order, to its viewers and administrators', async () => {
    for (const s of [viewer, admin]) {
      const res = await s.inject({ url: '/api/province/communes' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().communes.map((c: { name: string }) => c.name)).toEqual(['Đảng ủy phường Nông Tiến', SECOND_COMMUNE]);
    }
  });

  it("another province's viewer sees none of them; a commune's people are refused", async () => {
    const other = await otherViewer.inject({ url: '/api/province/communes' });
    expect(other.statusCode).toBe(200);
    expect(other.json().communes).toEqual([]);
    for (const s of [minhXuanStaff, nongTienStaff]) {
      const res = await s.inject({ url: '/api/province/communes' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.id).toBe('forbidden');
      expect(res.body).not.toContain(SECOND_COMMUNE);
    }
  });

  it('the pages of one commune answer for the commune chosen, and ask for one when none is', async () => {
    const missing = await viewer.inject({ url: '/api/plans' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.id).toBe('commune.required');
    const plans = await viewer.inject({ url: `/api/plans?communeId=${minhXuanId}` });
    expect(plans.statusCode, plans.body).toBe(200);
    expect(plans.json().plans.map((p: { id: string }) => p.id)).toEqual([planId]);
    const resolutions = await viewer.inject({ url: `/api/resolutions?communeId=${minhXuanId}` });
    expect(resolutions.json().resolutions.map((r: { number: string }) => r.number)).toEqual(['91-NQ/TU']);
    // Another province's viewer cannot name this province's commune: as if it did not exist.
    expect((await otherViewer.inject({ url: `/api/plans?communeId=${minhXuanId}` })).statusCode).toBe(404);
  });

  it('every route that takes ?communeId= is one the web app names the chosen commune on', () => {
    const taking = t.app
      .routeAccess()
      .filter((r) => r.takesCommune && r.method !== 'HEAD')
      .map((r) => r.url);
    expect([...new Set(taking)].filter((url) => !communeRoutes.has(url))).toEqual([]);
  });
});

describe("a commune's submitted consolidated report, downloaded by its province", () => {
  it('the province viewer and administrator download the DOCX as the commune submitted it, and its cells as XLSX', async () => {
    for (const s of [viewer, admin]) {
      const res = await s.inject({ url: documentUrl(minhXuanId, planId) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.headers['content-disposition']).toContain('bao-cao-tong-hop-dang-uy-phuong-minh-xuan-2026-06-03.docx');
      const text = await documentText(res.rawPayload);
      expect(text).toContain('ĐẢNG ỦY PHƯỜNG MINH XUÂN');
      expect(text).toContain('Số 1-BC/ĐU');
      expect(text).toContain('Chi bộ Công an phường Minh Xuân');
      expect(text).toContain('Đề nghị Tỉnh ủy cấp thêm tài liệu hỏi - đáp về Nghị quyết.');
    }
    // The same document the commune downloads itself.
    const own = await minhXuanStaff.inject({ url: `/api/plans/${planId}/consolidated-report/document` });
    const theirs = await viewer.inject({ url: documentUrl(minhXuanId, planId) });
    expect(await documentText(theirs.rawPayload)).toBe(await documentText(own.rawPayload));

    const xlsx = await viewer.inject({ url: documentUrl(minhXuanId, planId, 'xlsx') });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    book.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
    expect(names).toEqual(expect.arrayContaining(['Chi bộ Tổ dân phố 1 Minh Xuân', 'Chi bộ Công an phường Minh Xuân']));
  });

  it("refuses the commune's people, another province's viewer and another commune's staff, and a bad format, writing nothing", async () => {
    const auditBefore = (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
    for (const s of [minhXuanStaff, nongTienStaff]) {
      const res = await s.inject({ url: documentUrl(minhXuanId, planId) });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toContain('application/json');
    }
    const other = await otherViewer.inject({ url: documentUrl(minhXuanId, planId) });
    expect([403, 404]).toContain(other.statusCode);
    expect(other.headers['content-type']).toContain('application/json');
    expect(other.body).not.toContain('Minh Xuân');
    const bad = await viewer.inject({ url: documentUrl(minhXuanId, planId, 'pdf') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe('validation');
    expect((await viewer.inject({ url: documentUrl(minhXuanId, crypto.randomUUID()) })).statusCode).toBe(404);
    // A plan of one commune named under another: not found.
    expect((await viewer.inject({ url: documentUrl(nongTienId, planId) })).statusCode).toBe(404);
    expect((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);
  });

  it('a report not submitted, or reopened by the commune, is not the province’s to download', async () => {
    // Nông Tiến's plan is issued (the province expects its report) but the ward has not submitted it.
    const [pending] = await t.database.db.select().from(upwardReports).where(eq(upwardReports.communeId, nongTienId));
    expect(pending!.status).toBe('pending');
    expect((await viewer.inject({ url: documentUrl(nongTienId, pending!.planId) })).statusCode).toBe(404);
    const ward = (await minhXuanStaff.inject({ url: `/api/plans/${planId}/consolidated-report` })).json();
    const reopened = await minhXuanStaff.inject({ method: 'POST', url: `/api/plans/${planId}/consolidated-report/reopen`, payload: { version: ward.version } });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await viewer.inject({ url: documentUrl(minhXuanId, planId) })).statusCode).toBe(404);
  });
});
