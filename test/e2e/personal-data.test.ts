// Story: on a 390 px phone the administrator answers a person's request under the personal data rules
// (Nghị định 13/2023/NĐ-CP): downloads everything stored about her, then erases her data with a reason;
// her page then shows a pseudonym and no contact. A member downloads their own data from their account page.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story } from './support/browser';

const run = Date.now().toString(36).toUpperCase();
const name = `Đinh Thị Yêu Cầu ${run}`;

story('The administrator exports and erases a person’s data', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let personId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'admin', { ...phone, acceptDownloads: true });
    page = await context.newPage();
    // Her own record, made for this story: other stories' people are left alone.
    const office = await ApiClient.signIn('vanphong');
    const created = await office.request<{ id: string }>('POST', '/api/people', { fullName: name, gender: 'female', phone: '0913579246', note: 'Tổ phó tổ dân phố' });
    if (created.status !== 201) throw new Error(`person: ${created.status} ${JSON.stringify(created.data)}`);
    personId = created.data.id;
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('downloads her data, then erases it with a reason', async () => {
    await page.goto(`/nguoi/${personId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const section = page.getByRole('region', { name: 'Dữ liệu cá nhân' });
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Tải dữ liệu cá nhân' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^du-lieu-ca-nhan-[0-9a-f]{8}\.json$/u);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.person).toMatchObject({ id: personId, fullName: name, phone: '0913579246' });
    await section.getByText(/^Đã tải tệp du-lieu-ca-nhan-/u).waitFor();

    await section.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xóa dữ liệu cá nhân' });
    await dialog.getByText('Không hoàn tác được').waitFor();
    // No reason: refused in Vietnamese, nothing erased.
    await dialog.getByRole('button', { name: 'Xóa dữ liệu' }).click();
    await dialog.getByText('Ghi lý do xóa (ít nhất 5 ký tự).').waitFor();
    await expectAccessible(page, 'erase dialog on a phone');
    await screenshot(page, 'personal-data-erase-dialog');
    await dialog.getByLabel('Lý do xóa').fill('Đương sự yêu cầu xóa dữ liệu ngày 04/12/2026');
    await dialog.getByRole('button', { name: 'Xóa dữ liệu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/^Đã xóa dữ liệu cá nhân\. Người này nay hiển thị là "Đã xóa #[0-9A-F]{6}"\.$/u).waitFor();
    await page.getByRole('heading', { level: 1, name: /^Đã xóa #[0-9A-F]{6}$/u }).waitFor();
    expect(await page.getByText('0913579246').count()).toBe(0);
    await section.getByText('Dữ liệu cá nhân của người này đã được xóa; tên hiển thị là bí danh.').waitFor();
    expect(await section.getByRole('button', { name: 'Xóa dữ liệu cá nhân' }).count()).toBe(0);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'erased person on a phone');
    await screenshot(page, 'personal-data-erased', true);
  });

  test('a member downloads their own data from the account page', async () => {
    const member = await signedInContext(browser, 'bithu', { ...phone, acceptDownloads: true });
    const own = await member.newPage();
    await own.goto('/tai-khoan');
    const [download] = await Promise.all([own.waitForEvent('download'), own.getByRole('button', { name: 'Tải dữ liệu của tôi' }).click()]);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.accounts.map((a: { username: string }) => a.username)).toContain('bithu');
    expect(JSON.stringify(data)).not.toMatch(/passwordHash|scrypt/iu);
    expect((await horizontalOverflow(own)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(own, 'account page with own data on a phone');
    await member.close();
  });
});
