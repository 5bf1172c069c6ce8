// Story: on a 390 px phone, the ward's Ban xây dựng Đảng opens the consolidation of the demo's issued
// plan from the plan's page, sees completeness and timeliness and every cell's report, downloads the
// consolidated report (DOCX, its figures the consolidation's) and the per-cell table (XLSX), and
// submits the report upward; a cell's report awaiting review then cannot be accepted (locked, with
// the message); the ward reopens the report, leaving the demo as it was.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, signInThroughPage, story } from './support/browser';
import { formatCount, formatRate } from '../../src/domain/report-figures';

interface Consolidation {
  expected: number;
  submitted: number;
  onTime: number;
  completeness: number | null;
  timeliness: number | null;
  cells: { unitName: string; status: string; reportId: string | null; sessionId: string | null }[];
}

story("The ward consolidates the cells' reports and submits its report upward", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let planId = '';
  let c: Consolidation;

  beforeAll(async () => {
    api = await ApiClient.signIn('banxaydung');
    const { plans } = await api.get<{ plans: { id: string; status: string; issuedOn: string | null }[] }>('/api/plans');
    // The demo's issued plan (15/05/2026), whose cells have reports; not one another story issued for itself.
    planId = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!.id;
    c = await api.get<Consolidation>(`/api/plans/${planId}/consolidation`);
    expect(c.submitted).toBeGreaterThan(0);
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('opens the consolidation from the plan and sees the figures and every cell', async () => {
    await signInThroughPage(page, 'banxaydung');
    await page.goto(`/ke-hoach/${planId}`);
    await page.getByRole('link', { name: 'Tổng hợp báo cáo' }).click();
    await page.waitForURL(/\/tong-hop$/u);
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo của các chi bộ' }).waitFor();
    await page.getByText(`${formatCount(c.submitted)}/${formatCount(c.expected)} chi bộ đã gửi`).waitFor();
    await page.getByText(formatRate(c.completeness), { exact: true }).first().waitFor();
    const list = page.getByRole('list', { name: 'Báo cáo của các chi bộ' });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(c.expected);
    const reported = c.cells.find((x) => x.status !== 'missing')!;
    await list.getByRole('link', { name: reported.unitName }).waitFor();
    await page.getByRole('list', { name: 'Số chi bộ theo xếp loại' }).waitFor();
    await page.getByRole('heading', { name: 'Báo cáo tổng hợp của Đảng ủy' }).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'consolidation on a phone');
  });

  test('downloads the consolidated report (DOCX) and the per-cell table (XLSX)', async () => {
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo (DOCX)' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/u);
    const text = (await mammoth.extractRawText({ buffer: readFileSync((await docx.path())!) })).value;
    expect(text).toContain(`${formatCount(c.submitted)}/${formatCount(c.expected)} (${formatRate(c.completeness)}) chi bộ đã tổ chức học tập`);
    expect(text).toContain(`${formatCount(c.onTime)} chi bộ gửi đúng hạn (${formatRate(c.timeliness)})`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải bảng tổng hợp (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const names: string[] = [];
    book.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
    for (const cell of c.cells) expect(names).toContain(cell.unitName);
  });

  test("submits upward; a cell's report awaiting review is then locked; the ward reopens", async () => {
    await page.getByLabel('Khó khăn, vướng mắc').fill('Một số chi bộ ở xa trung tâm, đi lại khó khăn.');
    await page.getByRole('button', { name: 'Gửi lên cấp trên' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi báo cáo tổng hợp lên cấp trên?' });
    await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi lên cấp trên').first().waitFor();
    await expectAccessible(page, 'consolidated report submitted');

    const waiting = (await api.get<Consolidation>(`/api/plans/${planId}/consolidation`)).cells.find((x) => x.status === 'submitted' && x.reportId && x.sessionId);
    expect(waiting, 'the demo has a cell report awaiting review').toBeDefined();
    {
      const report = await api.get<{ version: number }>(`/api/reports/${waiting!.reportId}`);
      const accepted = await api.request<{ error: { id: string; message: string } }>('POST', `/api/reports/${waiting!.reportId}/accept`, { version: report.version });
      expect(accepted.status).toBe(409);
      expect(accepted.data.error).toMatchObject({ id: 'report.locked', message: expect.stringContaining('đã khóa') });
      await page.goto(`/bao-cao/${waiting!.sessionId}`);
      await page.getByText('Số liệu đã khóa').waitFor();
      expect(await page.getByRole('button', { name: 'Tiếp nhận' }).count()).toBe(0);
      await expectAccessible(page, 'locked cell report');
      await page.goto(`/ke-hoach/${planId}/tong-hop`);
    }
    await page.getByRole('button', { name: 'Mở lại báo cáo' }).click();
    await page.getByText('Đã mở lại', { exact: true }).waitFor();
    expect((await api.get<{ status: string }>(`/api/plans/${planId}/consolidated-report`)).status).toBe('reopened');
  });
});
