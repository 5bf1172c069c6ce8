// Story (issue 12, Views): the Ban xây dựng Đảng opens the ward's task overview by unit and by plan,
// the plan's timeline ("Tiến độ") on a 390 px phone, and the calendar of May 2026 — axe finds no
// serious problem. The overview asserts its rows when the demo has tasks (after the tasks core
// merges) and its empty state otherwise; the timeline and the calendar rest on what the demo always
// has: the plan issued on 15/05/2026 and its ward conference held on 20/05/2026.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectAccessible, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story } from './support/browser';

story('The ward office follows the tasks: overview, timeline, calendar', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the overview by unit and by plan', async () => {
    const context = await signedInContext(browser, 'banxaydung');
    const page = await context.newPage();
    await page.goto('/nhiem-vu/tong-hop');
    await page.getByRole('heading', { name: 'Tổng hợp nhiệm vụ', level: 1 }).waitFor();
    const api = (await (await page.request.get('/api/tasks/overview?by=unit')).json()) as { rows: { name: string; overdue: number }[] };
    if (api.rows.length > 0) {
      const table = page.getByRole('table', { name: 'Nhiệm vụ theo đơn vị' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(api.rows.length + 1);
      // Overdue first: the first row is the one the server puts first.
      await expect(table.getByRole('row').nth(1).textContent()).resolves.toContain(api.rows[0]!.name);
    } else {
      await page.getByText('Chưa có nhiệm vụ nào của các kế hoạch đã ban hành.').waitFor();
    }
    await page.locator('label').filter({ hasText: /^Kế hoạch$/u }).click();
    await page.waitForURL(/by=plan/u);
    const byPlan = (await (await page.request.get('/api/tasks/overview?by=plan')).json()) as { rows: { id: string; name: string }[] };
    if (byPlan.rows.length > 0) {
      const table = page.getByRole('table', { name: 'Nhiệm vụ theo kế hoạch' });
      await table.waitFor();
      expect(await table.getByRole('row').count()).toBe(byPlan.rows.length + 1);
      await table.getByRole('button', { name: byPlan.rows[0]!.name }).click();
      await page.waitForURL(new RegExp(`planId=${byPlan.rows[0]!.id}`, 'u'));
      await page.getByRole('list', { name: `Nhiệm vụ: ${byPlan.rows[0]!.name}` }).getByRole('listitem').first().waitFor();
    } else {
      await page.getByText('Chưa có nhiệm vụ nào của các kế hoạch đã ban hành.').waitFor();
    }
    await screenshot(page, 'task-overview');
    await expectAccessible(page, 'task overview');
    await context.close();
  });

  test('the plan’s timeline reads on a phone', async () => {
    const context = await signedInContext(browser, 'banxaydung', phone);
    const page = await context.newPage();
    const { plans } = (await (await page.request.get('/api/plans')).json()) as { plans: { id: string; status: string; issuedOn: string | null }[] };
    const issued = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!;
    expect(issued).toBeDefined();
    await page.goto(`/ke-hoach/${issued.id}`);
    const timeline = page.getByRole('list', { name: 'Các mốc của kế hoạch theo thời gian' });
    await timeline.scrollIntoViewIfNeeded();
    await timeline.getByRole('listitem').first().waitFor();
    const items = timeline.getByRole('listitem');
    await expect(items.first().textContent()).resolves.toContain('15/05/2026');
    const texts = await items.allTextContents();
    expect(texts.some((x) => x.includes('20/05/2026') && x.includes('Hội nghị') && x.includes('Đã xong'))).toBe(true);
    expect(texts.some((x) => x.includes('Sinh hoạt chi bộ'))).toBe(true);
    expect(texts.some((x) => x.includes('Báo cáo'))).toBe(true);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await timeline.screenshot({ path: 'test-results/plan-timeline-phone.png' }).catch(() => undefined);
    await expectAccessible(page, 'plan timeline on a phone');
    await context.close();
  });

  test('the calendar of May 2026: a month grid on a desktop, a day list on a phone', async () => {
    const context = await signedInContext(browser, 'banxaydung');
    const page = await context.newPage();
    await page.goto('/lich?thang=2026-05');
    await page.getByRole('heading', { name: 'Tháng 5/2026' }).waitFor();
    await page.getByRole('grid', { name: 'Lịch tháng 5/2026' }).waitFor();
    expect(await page.getByRole('gridcell').filter({ hasText: /^\d/u }).count()).toBeGreaterThanOrEqual(31);
    const conferenceDay = page.getByRole('gridcell').filter({ has: page.locator('[data-kind="conference"]') });
    await expect(conferenceDay.first().textContent()).resolves.toMatch(/^20/u);
    await page.getByRole('button', { name: 'Tháng sau ›' }).click();
    await page.getByRole('heading', { name: 'Tháng 6/2026' }).waitFor();
    await page.getByRole('button', { name: '‹ Tháng trước' }).click();
    await page.getByRole('heading', { name: 'Tháng 5/2026' }).waitFor();
    await screenshot(page, 'calendar-desktop');
    await expectAccessible(page, 'calendar on a desktop');
    await context.close();

    const onPhone = await signedInContext(browser, 'banxaydung', phone);
    const small = await onPhone.newPage();
    await small.goto('/lich?thang=2026-05');
    const days = small.getByRole('list', { name: 'Lịch tháng 5/2026' });
    await days.getByRole('listitem').first().waitFor();
    const texts = await days.getByRole('listitem').allTextContents();
    expect(texts.some((x) => x.includes('20/05/2026') && x.includes('Hội nghị'))).toBe(true);
    expect((await horizontalOverflow(small)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(small, 'calendar on a phone');
    await onPhone.close();
  });
});
