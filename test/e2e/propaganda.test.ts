// Story (issue 14): the ward office, on a 390 × 844 phone, opens plan 1-KH/ĐU's "Tuyên truyền" page,
// sees the log as cards and the loudspeaker schedule (one broadcast missed), and logs a public Zalo
// post; an anonymous visitor then opens the resolution's public page (no account, no script) and reads
// that post among the news; back on the plan, its consolidation shows the propaganda totals by channel
// (the Zalo posts among them, as the totals API counts them). Nothing scrolls sideways and axe finds no
// serious problem.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatCount } from '../../src/domain/report-figures';
import { cspViolations, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, screenshot, signInThroughPage, story } from './support/browser';

const TITLE = 'Đăng tin Nghị quyết 91-NQ/TU lên nhóm Zalo phường (thử nghiệm trên điện thoại)';

story('The ward office logs propaganda from a phone; the public page shows it without signing in', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let communeId: string;
  let planId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the plan’s Tuyên truyền page: the log as cards, the loudspeaker schedule; a public Zalo post added', async () => {
    await signInThroughPage(page, 'vanphong');
    const me = (await (await page.request.get('/api/me')).json()) as { user: { tenantId: string } };
    communeId = me.user.tenantId;
    const { plans } = (await (await page.request.get('/api/plans')).json()) as { plans: { id: string; status: string; issuedOn: string | null }[] };
    planId = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!.id;
    await page.goto(`/ke-hoach/${planId}`);
    await page.getByRole('link', { name: 'Tuyên truyền, phát thanh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tuyên truyền' }).waitFor();
    const log = page.getByRole('list', { name: 'Kết quả tuyên truyền' });
    await log.getByRole('listitem').first().waitFor();
    expect(await log.getByRole('listitem').count()).toBeGreaterThanOrEqual(10);
    await page.getByText('Mỗi tuần 02 lần: thứ Hai và thứ Năm, 6h30, từ 20/5/2026 đến 30/6/2026', { exact: false }).waitFor();
    expect(await page.getByText('Không phát', { exact: true }).count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'propaganda page on a phone');

    const form = page.getByRole('form', { name: 'Ghi kết quả tuyên truyền' });
    await form.getByLabel('Hình thức').selectOption({ label: 'Zalo' });
    await form.getByLabel('Ngày thực hiện').fill('2026-06-10');
    await form.getByLabel('Nội dung, tiêu đề').fill(TITLE);
    await form.getByLabel('Số tin, bài').fill('2');
    await form.getByLabel('Công khai trên trang thông tin của Nghị quyết').check();
    await form.getByRole('button', { name: 'Ghi kết quả' }).click();
    await page.getByText(`Đã ghi: ${TITLE}`).waitFor();
    const card = log.getByRole('listitem').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.textContent()).toContain('Công khai');
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'propaganda-phone', true);
    await expectAccessible(page, 'propaganda entry added');
    expect(cspViolations(context)).toEqual([]);
  });

  test('an anonymous visitor opens the public list and the resolution’s page: the public post is there', async () => {
    const visitor = await newContext(browser, phone);
    const anon = await visitor.newPage();
    await anon.goto(`/p/resolutions?xa=${communeId}`);
    await anon.getByRole('link', { name: /Nghị quyết số 91-NQ\/TU/u }).click();
    await anon.getByRole('heading', { level: 1, name: /Nghị quyết số 91-NQ\/TU/u }).waitFor();
    await anon.getByText(TITLE).waitFor();
    expect(await anon.locator('script').count()).toBe(0);
    expect(await anon.locator('meta[property="og:title"]').getAttribute('content')).toContain('91-NQ/TU');
    expect((await horizontalOverflow(anon)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(anon, 'public-page-phone', true);
    await expectAccessible(anon, 'public resolution page');
    expect(cspViolations(visitor)).toEqual([]);
    await visitor.close();
  });

  test('the plan’s consolidation shows the propaganda totals by channel, as the totals API counts them', async () => {
    await page.goto(`/ke-hoach/${planId}/tong-hop`);
    const section = page.getByRole('region', { name: 'Kết quả tuyên truyền' });
    const sentence = section.getByTestId('propaganda-sentence');
    await sentence.waitFor();
    // Other stories may log entries on the shared server: read the totals, then the page, until they agree.
    await expect
      .poll(
        async () => {
          const { byChannel } = (await (await page.request.get(`/api/plans/${planId}/propaganda/totals`)).json()) as { byChannel: Record<string, { posts: number; entries: number }> };
          const text = (await sentence.textContent()) ?? '';
          const zalo = byChannel.zalo!;
          return text.includes(`đăng ${formatCount(zalo.posts || zalo.entries)} tin, bài trên Zalo`) || (await page.reload(), false);
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    await section.getByText('Lượt tiếp cận', { exact: false }).first().waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'consolidation with propaganda totals');
  });
});
