// Story (issue 12): an officer of the Ủy ban nhân dân phường, on a 390 × 844 phone, finds the UBND's
// task "Tham mưu xây dựng Kế hoạch … thực hiện Nghị quyết số 91-NQ/TU" among the plan's tasks, opens
// it, attaches a PDF as evidence and completes it; the plan's task list then shows it done. Nothing
// scrolls sideways and axe finds no serious problem.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cspViolations, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, screenshot, signInThroughPage, story } from './support/browser';

const TASK_TEXT = 'Tham mưu xây dựng Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết số 91-NQ/TU';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

story('An officer of the UBND completes a task of the plan from a phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let planId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the plan’s tasks read as cards; the UBND’s is there, not started', async () => {
    await signInThroughPage(page, 'ubnd');
    const { plans } = (await (await page.request.get('/api/plans')).json()) as { plans: { id: string; status: string; issuedOn: string | null }[] };
    planId = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!.id;
    await page.goto(`/ke-hoach/${planId}`);
    const list = page.getByRole('list', { name: 'Danh sách nhiệm vụ' });
    const card = list.getByRole('listitem').filter({ hasText: TASK_TEXT });
    await card.waitFor();
    expect(await card.textContent()).toContain('Ủy ban nhân dân phường');
    expect(await card.textContent()).toContain('Chưa bắt đầu');
    // The cells' study task is one rolled-up line that opens into its units.
    const cells = list.getByRole('listitem').filter({ hasText: /\d+\/\d+ xong/u }).first();
    expect(await cells.textContent()).toContain('Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc');
    expect(await cells.textContent()).toMatch(/\d+\/\d+ xong/u);
    await cells.getByRole('button', { name: /Xem \d+ đơn vị/u }).click();
    await cells.getByRole('link', { name: 'Chi bộ Tràng Đà 2' }).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'tasks-plan-phone', true);
    await expectAccessible(page, 'plan tasks on a phone');
  });

  test('opens the task, attaches a PDF as evidence, completes it', async () => {
    await page.getByRole('link', { name: TASK_TEXT, exact: false }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhiệm vụ — Ủy ban nhân dân phường' }).waitFor();
    await page.getByText('Chưa có minh chứng.').waitFor();
    await expectAccessible(page, 'task page on a phone');

    await page.locator('input[type="file"]').setInputFiles({ name: 'ke-hoach-trinh.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByLabel('Ghi chú').fill('Dự thảo kế hoạch đã trình Thường trực Đảng ủy');
    await page.getByRole('button', { name: 'Thêm minh chứng' }).click();
    await page.getByRole('link', { name: 'ke-hoach-trinh.pdf' }).waitFor();

    await page.getByRole('button', { name: 'Hoàn thành', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Xác nhận hoàn thành nhiệm vụ' });
    await dialog.getByLabel('Ghi chú khi hoàn thành').fill('Thường trực Đảng ủy đã nhận dự thảo');
    await expectAccessible(page, 'completion dialog on a phone');
    await dialog.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Xác nhận hoàn thành (Ma Văn Thắng)', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Hoàn thành', exact: true }).count()).toBe(0);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'task-done-phone', true);
    await expectAccessible(page, 'task done on a phone');
  });

  test('the plan’s task list shows it done', async () => {
    await page.getByRole('link', { name: 'Về kế hoạch' }).click();
    const card = page.getByRole('list', { name: 'Danh sách nhiệm vụ' }).getByRole('listitem').filter({ hasText: TASK_TEXT });
    await card.waitFor();
    await expect.poll(async () => card.textContent()).toContain('Hoàn thành');
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'plan tasks after completion');
    expect(cspViolations(context)).toEqual([]);
  });
});
