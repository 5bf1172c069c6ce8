// Story (d): the ward office finds members by name typed without diacritics.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, launchBrowser, signedInContext, story } from './support/browser';

story('Finding a member by name, with or without diacritics', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'banxaydung');
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('"nguyen van" finds the Nguyễn Văn… of the ward and keeps the search in the address', async () => {
    await page.goto('/tim-kiem');
    await page.getByLabel('Họ tên hoặc số thẻ đảng viên').fill('nguyen van');
    const summary = page.getByText(/^Tìm thấy \d+ đảng viên\./u);
    await summary.waitFor();
    const names = await page.getByRole('table', { name: 'Tìm đảng viên' }).getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) expect(name).toMatch(/Nguyễn Văn/u);
    await page.waitForURL(/\?q=nguyen(\+|%20)van$/u);
    await expectAccessible(page, 'search results');
  });

  test('a full name typed without diacritics finds that person', async () => {
    const api = await ApiClient.signIn('banxaydung');
    const { members } = await api.get<{ members: { fullName: string }[] }>('/api/members/search?q=nguyen%20van&limit=5');
    const target = members[0]!.fullName; // e.g. "Nguyễn Văn Hùng"
    const plain = target.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').toLowerCase();
    await page.goto(`/tim-kiem?q=${encodeURIComponent(plain)}`);
    await page.getByRole('link', { name: target }).first().waitFor();
    expect(await page.getByLabel('Họ tên hoặc số thẻ đảng viên').inputValue()).toBe(plain);
  });

  test('a name nobody has says so', async () => {
    await page.getByLabel('Họ tên hoặc số thẻ đảng viên').fill('khong ai ten nay');
    await page.getByText('Không tìm thấy đảng viên nào.').waitFor();
  });
});
