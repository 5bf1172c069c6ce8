// Story: the ward's Ban xây dựng Đảng has submitted its consolidated report of the demo's plan upward
// (behind the browser's back, through the API); on a 390 px phone, the province viewer (tinhuy) opens
// "Báo cáo các xã, phường", sees Nông Tiến's report submitted with its number, the roll-up across the
// communes and the chart comparing them, opens the commune's report and confirms receipt. The ward
// then reopens its report, leaving the demo as it was (unless it was already submitted before).
//
// Story: the province viewer, on a 390 px phone, chooses the commune in the header's select
// "Xã/phường": with Minh Xuân (the demo's second commune) it sees Minh Xuân's resolutions and plan,
// with Nông Tiến Nông Tiến's; on "Báo cáo các xã, phường" it narrows the list to Minh Xuân or shows
// "Tất cả xã/phường", opens Minh Xuân's report and downloads it as DOCX and its cells as XLSX.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, signInThroughPage, story } from './support/browser';
import { formatCount, formatRate } from '../../src/domain/report-figures';

interface ConsolidatedReport {
  status: string;
  version: number;
  number: string;
}

story('The province viewer sees a commune’s submitted report and the roll-up', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ward: ApiClient;
  let planId = '';
  let submittedHere = false;
  let number = '';

  beforeAll(async () => {
    ward = await ApiClient.signIn('banxaydung');
    const { plans } = await ward.get<{ plans: { id: string; status: string; issuedOn: string | null }[] }>('/api/plans');
    planId = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!.id;
    let report = await ward.get<ConsolidatedReport>(`/api/plans/${planId}/consolidated-report`);
    if (report.status !== 'submitted') {
      const sent = await ward.request<ConsolidatedReport>('POST', `/api/plans/${planId}/consolidated-report/submit`, { version: report.version });
      expect(sent.status, JSON.stringify(sent.data)).toBe(200);
      report = sent.data;
      submittedHere = true;
    }
    number = report.number;
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
  });
  afterAll(async () => {
    if (submittedHere) {
      const report = await ward.get<ConsolidatedReport>(`/api/plans/${planId}/consolidated-report`);
      await ward.request('POST', `/api/plans/${planId}/consolidated-report/reopen`, { version: report.version });
    }
    await browser?.close();
  });

  test('sees the communes, the roll-up and the chart on a phone', async () => {
    await signInThroughPage(page, 'tinhuy');
    await page.goto('/tinh/bao-cao');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo các xã, phường' }).waitFor();
    const province = await ApiClient.signIn('tinhuy');
    const data = await province.get<{ rollup: { submitted: number; communes: number; completeness: number | null } }>('/api/province/reports');
    expect(data.rollup.submitted).toBeGreaterThanOrEqual(1);
    await page.getByRole('heading', { name: 'Toàn tỉnh' }).waitFor();
    await page.getByText(`${formatCount(data.rollup.submitted)}/${formatCount(data.rollup.communes)} đảng bộ`).first().waitFor();
    await page.getByText(formatRate(data.rollup.completeness), { exact: true }).first().waitFor();
    // The chart comparing the communes, with its figures as text.
    await page.getByRole('heading', { name: 'So sánh các xã, phường' }).waitFor();
    await page.locator('figure .recharts-wrapper').first().waitFor();
    const compared = page.getByRole('list', { name: 'So sánh các xã, phường' });
    await compared.getByText(/Đảng ủy phường Nông Tiến: .* chi bộ đã báo cáo/u).waitFor();
    const communes = page.getByRole('list', { name: 'Báo cáo của các xã, phường' });
    await communes.getByText('Đã gửi').first().waitFor();
    // Nông Tiến's entry (Minh Xuân, the demo's second commune, has its own "Số 1-BC/ĐU").
    await communes.getByRole('listitem').filter({ hasText: 'Đảng ủy phường Nông Tiến' }).getByText(`Số ${number}-BC/ĐU`, { exact: false }).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'province reports on a phone');
  });

  test("opens the commune's submitted report and confirms receipt", async () => {
    await page.getByRole('list', { name: 'Báo cáo của các xã, phường' }).getByRole('link', { name: 'Đảng ủy phường Nông Tiến' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo của Đảng ủy phường Nông Tiến' }).waitFor();
    await page.getByText(`Số ${number}-BC/ĐU`, { exact: false }).first().waitFor();
    await page.getByRole('list', { name: 'Báo cáo của các chi bộ' }).getByText('Chi bộ Tràng Đà 2').waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'a commune report on a phone');
    const confirm = page.getByRole('button', { name: 'Xác nhận đã nhận' });
    if (await confirm.count()) await confirm.click();
    await page.getByText(/Tỉnh đã nhận lúc/u).waitFor();
  });
});

story('The province viewer chooses a commune and downloads its report', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let province: ApiClient;
  const communes = { nongTien: '', minhXuan: '' };
  const plansOf = { nongTien: [] as string[], minhXuan: [] as string[] };
  const header = () => page.getByRole('banner').getByRole('combobox', { name: 'Xã/phường đang xem' });

  beforeAll(async () => {
    province = await ApiClient.signIn('tinhuy');
    const { communes: list } = await province.get<{ communes: { id: string; name: string }[] }>('/api/province/communes');
    communes.nongTien = list.find((c) => c.name === 'Đảng ủy phường Nông Tiến')!.id;
    communes.minhXuan = list.find((c) => c.name === 'Đảng ủy phường Minh Xuân')!.id;
    for (const key of ['nongTien', 'minhXuan'] as const) {
      const { plans } = await province.get<{ plans: { id: string }[] }>(`/api/plans?communeId=${communes[key]}`);
      plansOf[key] = plans.map((p) => p.id);
    }
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('chooses Minh Xuân in the header and sees its resolutions and plan, then Nông Tiến’s', async () => {
    expect(plansOf.minhXuan).toHaveLength(1);
    await signInThroughPage(page, 'tinhuy');
    // The first commune is chosen until the viewer chooses another.
    await header().waitFor();
    expect(await header().inputValue()).toBe(communes.nongTien);
    expect(await header().locator('option').allTextContents()).toEqual(['Phường Nông Tiến', 'Phường Minh Xuân']);
    await header().selectOption(communes.minhXuan);
    await page.goto('/ke-hoach');
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
    await page.locator(`a[href="/ke-hoach/${plansOf.minhXuan[0]}"]`).first().waitFor();
    for (const id of plansOf.nongTien) expect(await page.locator(`a[href="/ke-hoach/${id}"]`).count()).toBe(0);
    expect(await header().inputValue()).toBe(communes.minhXuan);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'plans of the chosen commune on a phone');
    await page.goto('/nghi-quyet');
    await page.getByRole('heading', { level: 1, name: 'Văn bản, nghị quyết' }).waitFor();
    await page.getByText('91-NQ/TU').first().waitFor();
    // Back to Nông Tiến: its plans, none of Minh Xuân's, and no "commune.required" anywhere.
    await header().selectOption(communes.nongTien);
    await page.goto('/ke-hoach');
    await page.locator(`a[href="/ke-hoach/${plansOf.nongTien[0]}"]`).first().waitFor();
    expect(await page.locator(`a[href="/ke-hoach/${plansOf.minhXuan[0]}"]`).count()).toBe(0);
    expect(await page.getByText('commune.required').count()).toBe(0);
  });

  test('narrows the province’s page to Minh Xuân, opens its report and downloads the DOCX and XLSX', async () => {
    await page.goto('/tinh/bao-cao');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo các xã, phường' }).waitFor();
    // The province's page covers every commune: no header choice here, its own filter instead.
    expect(await header().count()).toBe(0);
    const filter = page.getByRole('main').getByLabel('Xã/phường', { exact: true });
    expect(await filter.inputValue()).toBe('');
    expect(await filter.locator('option').first().textContent()).toBe('Tất cả xã/phường');
    const list = page.getByRole('list', { name: 'Báo cáo của các xã, phường' });
    await list.getByText('Đảng ủy phường Nông Tiến').first().waitFor();
    await filter.selectOption(communes.minhXuan);
    await page.waitForURL((url) => url.searchParams.get('xa') === communes.minhXuan);
    await list.getByText('Đảng ủy phường Nông Tiến').first().waitFor({ state: 'detached' });
    await list.getByText('Số 1-BC/ĐU', { exact: false }).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'province reports of one commune on a phone');
    await list.getByRole('link', { name: 'Đảng ủy phường Minh Xuân' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo của Đảng ủy phường Minh Xuân' }).waitFor();
    await expectAccessible(page, 'Minh Xuân report on a phone');

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải báo cáo (DOCX)' }).click()]);
    expect(docx.suggestedFilename()).toBe('bao-cao-tong-hop-dang-uy-phuong-minh-xuan-2026-06-03.docx');
    const text = (await mammoth.extractRawText({ buffer: readFileSync((await docx.path())!) })).value;
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG MINH XUÂN');
    expect(text).toContain('Số 1-BC/ĐU');
    expect(text).toContain(`4/4 (${formatRate(1)}) chi bộ đã tổ chức học tập`);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải bảng các chi bộ (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/minh-xuan.*\.xlsx$/u);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const names: string[] = [];
    book.worksheets[0]!.eachRow((row) => names.push(String(row.getCell(2).value ?? '')));
    expect(names).toContain('Chi bộ Công an phường Minh Xuân');
    // Back to every commune.
    await page.goto(`/tinh/bao-cao?xa=${communes.minhXuan}`);
    await page.getByRole('main').getByLabel('Xã/phường', { exact: true }).selectOption('');
    await list.getByText('Đảng ủy phường Nông Tiến').first().waitFor();
  });
});
