// Story (b): the ward office imports a member list. A file with one bad row shows that row and its
// reason and imports nothing; the corrected file imports every row. Story (b2), on a phone: the
// office's workbook calls the cell "Chi bộ Tổ dân phố Tràng Đà 1"; mapped once, it imports, and the
// next file with that name needs no mapping.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story } from './support/browser';

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

story('On a phone, the ward office maps the workbook\'s cell name once and imports', () => {
  const OFFICE_NAME = 'Chi bộ Tổ dân phố Tràng Đà 1';
  const mapRun = `M${run}`;
  const rows = (from: number) => [
    ['1', 'Nông Văn Thắng', '05/06/1972', 'Nam', OFFICE_NAME, '01/05/1998', '01/05/1999', `${mapRun}${from}`, '', ''],
    ['2', 'Hà Thị Duyên', '07/08/1981', 'Nữ', OFFICE_NAME, '03/02/2008', '03/02/2009', `${mapRun}${from + 1}`, '', ''],
  ];
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong', phone);
    page = await context.newPage();
    api = await ApiClient.signIn('banxaydung');
  });

  afterAll(async () => {
    await browser?.close();
  });

  const choose = async (name: string, content: Buffer) => {
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
    await page.getByRole('heading', { name: 'Kết quả kiểm tra' }).waitFor();
  };

  test('the unknown name is listed once with its rows; chosen, the file is valid and imports', async () => {
    await page.goto('/nhap-danh-sach');
    await page.getByRole('heading', { level: 1, name: 'Nhập danh sách đảng viên' }).waitFor();
    await choose('danh-sach-van-phong.csv', csv(rows(1)));

    await page.getByRole('heading', { name: 'Ghép tên trong tệp với đơn vị' }).waitFor();
    const select = page.getByLabel(OFFICE_NAME);
    expect(await select.count()).toBe(1);
    await page.getByText('2 dòng (dòng 2, 3)').waitFor();
    const issues = page.getByRole('table', { name: '1 lỗi cần sửa trong tệp' });
    expect((await issues.getByRole('row').nth(1).getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([
      '2',
      'Chi bộ',
      `Không có chi bộ "${OFFICE_NAME}" trong đảng bộ (2 dòng). Hãy chọn chi bộ tương ứng.`,
    ]);
    // The best suggestion comes first.
    const firstSuggestion = await select.locator('optgroup').first().locator('option').first().textContent();
    expect(firstSuggestion).toBe('Chi bộ Tràng Đà 1');
    await select.selectOption({ label: 'Chi bộ Tràng Đà 1' });
    await expectAccessible(page, 'import mapping step on a phone');
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'import-mapping-phone', true);

    await page.getByRole('button', { name: 'Áp dụng và kiểm tra lại' }).click();
    await page.getByText('Tệp hợp lệ.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nhập 2 đảng viên' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Nhập thành công' });
    await status.waitFor();
    expect(await status.textContent()).toContain('Đã nhập 2 đảng viên (2 thêm mới, 0 cập nhật).');
    const found = await api.get<{ total: number; members: { cellName: string }[] }>(`/api/members/search?q=${encodeURIComponent(mapRun)}`);
    expect(found.total).toBe(2);
    expect(found.members.map((m) => m.cellName)).toEqual(['Chi bộ Tràng Đà 1', 'Chi bộ Tràng Đà 1']);
  });

  test('the next import, another day, finds the name mapped already', async () => {
    await page.goto('/nhap-danh-sach');
    await page.getByRole('heading', { level: 1, name: 'Nhập danh sách đảng viên' }).waitFor();
    await choose('danh-sach-thang-sau.csv', csv(rows(3)));
    await page.getByText('Đã ghi nhớ từ lần nhập trước').waitFor();
    await page.getByText('Tệp hợp lệ.', { exact: false }).waitFor();
    expect(await page.getByRole('table', { name: /lỗi cần sửa/u }).count()).toBe(0);
    await expectAccessible(page, 'import with a remembered mapping');
  });
});
