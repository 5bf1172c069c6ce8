// Story (e): the ward office edits a member; a second, stale edit is stopped with the other
// person's values shown, and the newest record can be loaded and edited.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, launchBrowser, screenshot, signedInContext, story, type MemberRow } from './support/browser';

const CELL = 'Chi bộ Xóm Cỏ 2';

story('Editing a member, and an edit that comes too late', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let member: MemberRow;

  const current = async () => (await api.get<{ member: MemberRow }>(`/api/members/${member.id}`)).member;
  const phoneInput = () => page.getByLabel('Điện thoại');

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong');
    page = await context.newPage();
    api = await ApiClient.signIn('banxaydung');
    const cell = await findUnit(api, CELL);
    member = (await api.get<{ members: MemberRow[] }>(`/api/units/${cell.id}/members`)).members[1]!;
  });

  afterAll(async () => {
    // Leave the demo as it was.
    if (api && member) {
      const now = await current();
      await api.request('PATCH', `/api/members/${member.id}`, { version: now.version, phone: member.phone });
    }
    await browser?.close();
  });

  test('the ward office changes a phone number', async () => {
    await page.goto(`/dang-vien/${member.id}`);
    await page.getByRole('heading', { level: 1, name: member.fullName }).waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await phoneInput().fill('0911222333');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thông tin đảng viên.').waitFor();
    await page.getByText('0911222333').waitFor();
    expect((await current()).phone).toBe('0911222333');
    await page.getByRole('heading', { name: 'Lịch sử thay đổi' }).waitFor();
    await page.getByText('Thay đổi: Điện thoại').first().waitFor();
    await expectAccessible(page, 'member saved');
  });

  test('a stale edit shows the conflict with the other person’s values and offers the newest record', async () => {
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await phoneInput().waitFor();

    // Meanwhile a colleague saves another number.
    const before = await current();
    const theirs = await api.request('PATCH', `/api/members/${member.id}`, { version: before.version, phone: '0977000111' });
    expect(theirs.status).toBe(200);

    await phoneInput().fill('0900000001');
    await page.getByRole('button', { name: 'Lưu' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Người khác vừa sửa đảng viên này' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('đã được người khác sửa trong lúc bạn làm việc');
    const row = alert.getByRole('row', { name: /Điện thoại/u });
    expect((await row.allTextContents()).join(' ')).toMatch(/0977000111.*0900000001/u);
    await screenshot(page, 'member-conflict');
    await expectAccessible(page, 'edit conflict');
    // Nothing of the stale edit was written.
    expect((await current()).phone).toBe('0977000111');

    await page.getByRole('button', { name: 'Tải bản mới nhất' }).click();
    expect(await phoneInput().inputValue()).toBe('0977000111');
    // Editing goes on from the newest version.
    await phoneInput().fill(member.phone ?? '');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thông tin đảng viên.').waitFor();
    expect((await current()).phone).toBe(member.phone);
  });

  test('a date that does not exist is refused before anything is sent', async () => {
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const birth = page.getByLabel('Ngày sinh');
    const version = (await current()).version;
    await birth.fill('31/02/1980');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Ngày này không có trong lịch.').waitFor();
    expect((await current()).version).toBe(version);
    await page.getByRole('button', { name: 'Hủy' }).click();
  });
});
