// Story (b): the ward office imports a member list. A file with one bad row shows that row and its
// reason and imports nothing; the corrected file imports every row.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, screenshot, signedInContext, story } from './support/browser';

const CELL = 'Chi bộ Khuôn Hấu 4';
const run = Date.now().toString(36).toUpperCase();
const card = (n: number) => `E2E${run}${n}`;
const header = 'STT,Họ và tên,Ngày sinh,Giới tính,Chi bộ,Ngày vào Đảng,Ngày chính thức,Số thẻ đảng viên,Điện thoại,Email';

function csv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${[header, ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`, 'utf8');
}

const goodRow = ['1', 'Lò Văn Khánh', '12/03/1980', 'Nam', CELL, '10/10/2005', '10/10/2006', card(1), '0912345678', ''];
const badRow = ['2', 'Vi Thị Ngọc', '31/02/1980', 'Nữ', CELL, '03/02/2010', '03/02/2011', card(2), '', ''];
const fixedRow = ['2', 'Vi Thị Ngọc', '28/02/1980', 'Nữ', CELL, '03/02/2010', '03/02/2011', card(2), '', ''];

story('The ward office imports a member list', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let cellId: string;

  const imported = async () =>
    (await api.get<{ total: number }>(`/api/members/search?q=${encodeURIComponent(`E2E${run}`)}`)).total;
  const cellSize = async () => (await api.get<{ total: number }>(`/api/units/${cellId}/members`)).total;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong');
    page = await context.newPage();
    api = await ApiClient.signIn('banxaydung');
    cellId = (await findUnit(api, CELL)).id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function choose(name: string, content: Buffer) {
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
    await page.getByRole('heading', { name: 'Kết quả kiểm tra' }).waitFor();
  }

  test('a file with an impossible date shows the row and the reason, and imports nothing', async () => {
    const before = await cellSize();
    await page.goto('/nhap-danh-sach');
    await page.getByRole('heading', { level: 1, name: 'Nhập danh sách đảng viên' }).waitFor();
    await expectAccessible(page, 'import page');
    await choose('danh-sach-loi.csv', csv([goodRow, badRow]));

    const issues = page.getByRole('table', { name: '1 lỗi cần sửa trong tệp' });
    await issues.waitFor();
    const cells = (await issues.getByRole('row').nth(1).getByRole('cell').allTextContents()).map((s) => s.trim());
    expect(cells).toEqual(['3', 'Ngày sinh', 'Ngày sinh "31/02/1980" không tồn tại.']);

    const button = page.getByRole('button', { name: 'Nhập 1 đảng viên' });
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, 'import-errors');
    await expectAccessible(page, 'import preview with errors');

    expect(await imported()).toBe(0);
    expect(await cellSize()).toBe(before);
  });

  test('the server refuses to commit a file with errors, even when asked directly', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(csv([goodRow, badRow]))], { type: 'text/csv' }), 'danh-sach-loi.csv');
    const communeId = (await findUnit(api, 'Đảng ủy phường Nông Tiến')).id;
    const answer = await api.request<{ error: { id: string; message: string } }>('POST', `/api/units/${communeId}/members/import?mode=commit`, form);
    expect(answer.status).toBe(400);
    expect(answer.data.error.id).toBe('members-import.invalid-rows');
    expect(await imported()).toBe(0);
  });

  test('the corrected file imports every row', async () => {
    const before = await cellSize();
    await choose('danh-sach-da-sua.csv', csv([goodRow, fixedRow]));
    expect(await page.getByRole('table', { name: /lỗi cần sửa/u }).count()).toBe(0);
    await page.getByText('Tệp hợp lệ.', { exact: false }).waitFor();
    const button = page.getByRole('button', { name: 'Nhập 2 đảng viên' });
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    const status = page.getByRole('status').filter({ hasText: 'Nhập thành công' });
    await status.waitFor();
    expect(await status.textContent()).toContain('Đã nhập 2 đảng viên (2 thêm mới, 0 cập nhật).');
    await expectAccessible(page, 'import done');
    expect(await imported()).toBe(2);
    expect(await cellSize()).toBe(before + 2);

    // The cell's page shows the new members.
    await page.goto(`/don-vi/${cellId}`);
    await page.getByRole('link', { name: 'Lò Văn Khánh' }).first().waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(1280);
  });
});
