// Story: the ward's Ban xây dựng Đảng has submitted its consolidated report of the demo's plan upward
// (behind the browser's back, through the API); on a 390 px phone, the province viewer (tinhuy) opens
// "Báo cáo các xã, phường", sees Nông Tiến's report submitted with its number, the roll-up across the
// communes and the chart comparing them, opens the commune's report and confirms receipt. The ward
// then reopens its report, leaving the demo as it was (unless it was already submitted before).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, signInThroughPage, story } from './support/browser';
import { formatCount, formatRate } from '../../src/domain/report-figures';

interface WardReport {
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
    let report = await ward.get<WardReport>(`/api/plans/${planId}/ward-report`);
    if (report.status !== 'submitted') {
      const sent = await ward.request<WardReport>('POST', `/api/plans/${planId}/ward-report/submit`, { version: report.version });
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
      const report = await ward.get<WardReport>(`/api/plans/${planId}/ward-report`);
      await ward.request('POST', `/api/plans/${planId}/ward-report/reopen`, { version: report.version });
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
    await communes.getByText(`Số ${number}-BC/ĐU`, { exact: false }).waitFor();
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
