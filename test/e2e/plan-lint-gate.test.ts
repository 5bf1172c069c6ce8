// Story (issue 9): the checks gate the workflow. A draft whose text gives 91-NQ/TU two dates cannot
// be submitted as it is: the office writes why the error is kept; the leadership reads the error
// and the reason before approving (and confirms); the office issues after a confirmation that shows
// the number and date the plan will take.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { planFixture } from '../support/fixtures';
import { ApiClient, cspViolations, expectAccessible, launchBrowser, screenshot, signedInContext, story } from './support/browser';

const CITATION = 'Các nội dung cốt lõi của Nghị quyết số 91-NQ/TU, ngày 12/5/2026';
const mismatched = planFixture.replace(CITATION, CITATION.replace('12/5/2026', '22/5/2026'));
const REASON = 'Ngày 12/5/2026 đúng theo bản gốc của Tỉnh ủy';
const LINE = mismatched.split('\n').findIndex((l) => l.includes('ngày 22/5/2026')) + 1;

interface PlanDto {
  id: string;
  status: string;
  number: number | null;
  numberText: string;
  acknowledgements: { reason: string }[];
}

story('A plan with an error reaches the leadership only with a reason', () => {
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let planId: string;

  const status = (p: Page) => p.getByRole('heading', { level: 1 }).locator('xpath=..').getByText(/^(Bản nháp|Đã trình|Đã duyệt|Đã ban hành)$/u);

  beforeAll(async () => {
    browser = await launchBrowser();
    api = await ApiClient.signIn('vanphong');
    const created = await api.request<{ id: string }>('POST', '/api/plans', { from: 'import', source: mismatched });
    expect(created.status).toBe(201);
    planId = created.data.id;
    office = await signedInContext(browser, 'vanphong');
    page = await office.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('submitting asks to fix the error or give a reason for it', async () => {
    await page.goto(`/ke-hoach/${planId}`);
    await page.getByRole('heading', { level: 1, name: 'Dự thảo kế hoạch' }).waitFor();
    await page.getByText('Nội dung còn 1 lỗi').waitFor();
    await page.getByRole('button', { name: 'Trình duyệt', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Trình duyệt kế hoạch còn lỗi' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Ngày của nghị quyết không khớp');
    const send = dialog.getByRole('button', { name: 'Trình duyệt kèm lý do' });
    expect(await send.isDisabled()).toBe(true);
    await dialog.getByLabel(`Lý do giữ nguyên lỗi ở dòng ${LINE}`, { exact: false }).fill('ok');
    expect(await send.isDisabled()).toBe(true);
    await expectAccessible(page, 'submit dialog with an error');
    await dialog.getByLabel(`Lý do giữ nguyên lỗi ở dòng ${LINE}`, { exact: false }).fill(REASON);
    await send.click();
    await page.getByRole('status').filter({ hasText: 'Đã trình kế hoạch' }).waitFor();
    expect(await status(page).textContent()).toBe('Đã trình');
    // Submitted: the diagnostics stay beside the text.
    await page.locator('button[data-code="resolution-date-mismatch"]').waitFor();
    expect((await api.get<PlanDto>(`/api/plans/${planId}`)).acknowledgements.map((a) => a.reason)).toEqual([REASON]);
  });

  test('the leadership sees the error and the reason, and confirms the approval', async () => {
    const leaderContext = await signedInContext(browser, 'thuongtruc');
    const leader = await leaderContext.newPage();
    await leader.goto(`/ke-hoach/${planId}`);
    const kept = leader.getByRole('region', { name: 'Lỗi được giữ nguyên khi trình' });
    await kept.waitFor();
    expect(await kept.textContent()).toContain(REASON);
    expect(await kept.textContent()).toContain(`Dòng ${LINE} — Ngày của nghị quyết không khớp`);
    await leader.locator('button[data-code="resolution-date-mismatch"]').waitFor();
    await screenshot(leader, 'plan-acknowledged-error-leadership');
    await expectAccessible(leader, 'submitted plan with an acknowledged error');
    await leader.getByRole('button', { name: 'Duyệt', exact: true }).click();
    const dialog = leader.getByRole('dialog', { name: 'Duyệt kế hoạch' });
    expect(await dialog.textContent()).toContain('1 lỗi được giữ nguyên');
    await dialog.getByRole('button', { name: 'Xác nhận duyệt' }).click();
    await leader.getByRole('status').filter({ hasText: 'Đã duyệt kế hoạch.' }).waitFor();
    expect(cspViolations(leaderContext)).toEqual([]);
    await leaderContext.close();
  });

  test('issuing shows the number and date it will take, then takes exactly those', async () => {
    await page.reload();
    await page.getByLabel('Ngày ban hành').fill('2026-05-20');
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    const line = dialog.getByText(/^Số \d+-KH\/ĐU, ngày 20\/05\/2026$/u);
    await line.waitFor();
    const numberText = ((await line.textContent()) ?? '').split(',')[0]!;
    await expectAccessible(page, 'issue confirmation');
    await dialog.getByRole('button', { name: `Ban hành ${numberText}` }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ban hành kế hoạch' }).waitFor();
    const issued = await api.get<PlanDto>(`/api/plans/${planId}`);
    expect(issued).toMatchObject({ status: 'issued', numberText });
    // Issued: its diagnostics are still shown.
    await page.locator('button[data-code="resolution-date-mismatch"]').waitFor();
    expect(cspViolations(office)).toEqual([]);
  });
});
