// Story (9.7 e): the Thường trực opens the plan waiting for approval on a 390 × 844 phone: "Duyệt" is
// on the first screen, under the title (not below the summary card), the tasks read as cards, not
// three squeezed columns, nothing scrolls sideways and axe finds no serious problem. Nothing is approved.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, screenshot, signInThroughPage, story } from './support/browser';

story('The ward leadership approves from a phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the plan waiting for approval shows Duyệt on the first screen and its tasks as cards', async () => {
    await signInThroughPage(page, 'thuongtruc');
    const { plans } = (await (await page.request.get('/api/plans')).json()) as { plans: { id: string; status: string }[] };
    const waiting = plans.find((p) => p.status === 'submitted')!;
    expect(waiting).toBeDefined();
    await page.goto(`/ke-hoach/${waiting.id}`);
    const approve = page.getByRole('button', { name: 'Duyệt', exact: true });
    await approve.waitFor();

    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const box = (await approve.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(844);

    const tasks = page.getByRole('list', { name: 'Nhiệm vụ' });
    await tasks.getByRole('listitem').first().waitFor();
    expect(await tasks.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: 'Nhiệm vụ' }).count()).toBe(0);

    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'plan-approve-phone');
    await expectAccessible(page, 'plan waiting for approval on a phone');
  });
});
