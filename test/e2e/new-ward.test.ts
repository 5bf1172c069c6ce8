// Story: a real ward sets itself up from nothing. `bin/quantriet init` creates an empty production
// database (no demo, no default password) in a temporary folder and a server of its own serves it.
// The administrator signs in, imports the unit tree from an Excel file (preview, then commit), gives
// a cell its secretary's position (a person added on the spot), creates the secretaries' accounts in
// bulk and downloads their letters (DOCX, the one-time code in it). The secretary, on a 390 px phone,
// signs in with the username and code from the letter, sets a password and lands on the cell's page.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { desktop, expectAccessible, horizontalOverflow, launchBrowser, phone, screenshot, story } from './support/browser';
import { repo, startServer, type ServerProcess } from './support/server-process';

const PROVINCE = 'Đảng bộ tỉnh Thử Nghiệm';
const COMMUNE = 'Đảng ủy phường Mới Lập';
const ADMIN = 'quantri';
const ADMIN_PASSWORD = 'Phường Mới Lập vững mạnh';
const ORG = 'Đảng bộ Cơ quan phường';
const CELL = 'Chi bộ Khu phố Một';
const OTHER_CELL = 'Chi bộ Văn phòng';
const SECRETARY = 'Nguyễn Thị Hồng Nhung';
const SECRETARY_PASSWORD = 'Khu phố Một đoàn kết';
const PUBLIC_URL = 'https://dangbo.moilap.example.vn';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const dayFirst = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);

async function treeWorkbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tổ chức');
  sheet.addRow(['STT', 'Tên đơn vị', 'Loại', 'Trực thuộc']);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

story('A fresh production ward sets itself up through the web app', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let cellId = '';
  let letter = { username: '', code: '' };

  const context = (options: BrowserContextOptions) =>
    browser.newContext({ baseURL: server!.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options }).then((c) => {
      c.setDefaultTimeout(15_000);
      return c;
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qt-e2e-new-ward-'));
    const init = await promisify(execFile)(process.execPath, [join(repo, 'bin/quantriet'), 'init', '--province', PROVINCE, '--commune', COMMUNE, '--admin', ADMIN], {
      cwd: repo,
      env: { ...process.env, QT_DATA_DIR: dataDir, QT_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn' },
    });
    expect(init.stdout).toContain(`Đã khởi tạo ${COMMUNE}`);
    server = await startServer({ dataDir, webDir: inject('webDir'), env: { QT_PUBLIC_URL: PUBLIC_URL } });
    browser = await launchBrowser();
    admin = await context(desktop);
    page = await admin.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the production database has no demo account: the demo password does not open it', async () => {
    const response = await fetch(`${server!.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'quantriet' }),
    });
    expect(response.status).toBe(401);
  });

  test('the administrator signs in with the password chosen at init', async () => {
    await page.goto('/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill(ADMIN);
    await page.getByLabel(/^Mật khẩu/).fill(ADMIN_PASSWORD);
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    await page.getByLabel('Tên đăng nhập').waitFor({ state: 'detached' });
    await expectAccessible(page, 'home of a new ward');
  });

  test('imports the unit tree from Excel: the preview, then all of it', async () => {
    await page.goto('/thiet-lap');
    await page.getByRole('link', { name: 'Quản lý cây tổ chức' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ chức' }).waitFor();
    await page.getByRole('list', { name: 'Cây tổ chức' }).waitFor();
    await expectAccessible(page, 'organisation of a new ward');

    await page.getByRole('button', { name: `Thao tác với ${COMMUNE}`, exact: true }).click();
    await page.getByRole('menuitem', { name: 'Nhập đơn vị trực thuộc từ tệp…' }).click();
    // The menu closes with a transition: on a busy machine axe could find its emptied dropdown still there.
    await page.getByRole('menu').waitFor({ state: 'detached' });
    const dialog = page.getByRole('dialog');
    const file = await treeWorkbook([
      [1, ORG, 'Đảng bộ cơ sở', ''],
      [2, OTHER_CELL, 'Chi bộ', ORG],
      [3, CELL, 'Chi bộ', ''],
      [4, 'Tổ dân phố số 1', 'Tổ dân phố', ''],
    ]);
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'to-chuc.xlsx', mimeType: XLSX, buffer: file });
    const preview = dialog.getByRole('table', { name: 'Các đơn vị sẽ thêm' });
    await preview.waitFor();
    expect(await preview.getByRole('row').count()).toBe(5);
    await expectAccessible(page, 'tree import preview');
    await dialog.getByRole('button', { name: 'Nhập 4 đơn vị' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thêm 4 đơn vị.' }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(CELL, { exact: true }).first().waitFor();
    await expectAccessible(page, 'imported tree');
  });

  test("gives the cell its secretary's position, adding the person on the spot", async () => {
    // From the editor's tree, the cell's name opens its page.
    await page.getByRole('link', { name: CELL, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: CELL }).waitFor();
    cellId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByRole('heading', { name: 'Chức vụ' }).waitFor();
    await page.getByText('Đơn vị chưa có ai giữ chức vụ.').waitFor();
    await page.getByRole('button', { name: 'Giao chức vụ' }).click();
    const form = page.getByRole('form', { name: 'Giao chức vụ ở đơn vị này' });
    // Nobody is on the new ward's lists yet: the secretary is added here.
    await form.getByRole('radio', { name: 'Người mới (chưa có trong danh sách)' }).check();
    await form.getByRole('textbox', { name: 'Họ và tên' }).fill(SECRETARY);
    await form.getByRole('combobox', { name: 'Chức vụ', exact: true }).selectOption({ label: 'Bí thư chi bộ' });
    await form.getByLabel('Từ ngày').fill(dayFirst(new Date()));
    await expectAccessible(page, 'give a position to a new person');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu chức vụ.').waitFor();
    await page.getByRole('link', { name: SECRETARY }).first().waitFor();
    await expectAccessible(page, 'cell with its secretary');
  });

  test("bulk-creates the secretaries' accounts and downloads their letters with the one-time code", async () => {
    await page.goto('/thiet-lap');
    await page.getByRole('link', { name: 'Quản lý tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
    // The administrator is the province's: the new ward has no account of its own yet.
    await page.getByText('Đảng bộ chưa có tài khoản nào.', { exact: false }).waitFor();
    await expectAccessible(page, 'accounts of a new ward');

    await page.getByRole('button', { name: 'Tạo hàng loạt…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản hàng loạt' });
    await dialog.getByRole('radio', { name: 'Bí thư các chi bộ' }).check();
    await dialog.getByRole('checkbox', { name: CELL, exact: true }).check();
    await dialog.getByRole('checkbox', { name: OTHER_CELL, exact: true }).check();
    await expectAccessible(page, 'bulk dialog');
    await dialog.getByRole('button', { name: 'Tạo tài khoản và mã' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Đã tạo 1 tài khoản mới' }).waitFor({ timeout: 60_000 });
    // The other cell has no secretary yet: it is named, not silently skipped.
    await dialog.getByText(`Chưa giao chức vụ Bí thư chi bộ ở: ${OTHER_CELL}.`).waitFor();
    await expectAccessible(page, 'bulk result');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Tải thư (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toBe('thu-tai-khoan.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) });
    expect(text).toContain(SECRETARY);
    expect(text).toContain(CELL);
    expect(text).toContain(PUBLIC_URL.replace(/^https:\/\//u, ''));
    const username = /Tên đăng nhập:\s*(\S+)/u.exec(text)?.[1];
    const code = /Mã dùng một lần:\s*([0-9A-Z]{4}-[0-9A-Z]{4})/u.exec(text)?.[1];
    expect(username, text).toBeTruthy();
    expect(code, text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u);
    letter = { username: username!, code: code! };
    await dialog.getByRole('status').filter({ hasText: 'Đã tải thu-tai-khoan.docx.' }).waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
    await page.getByText(letter.username, { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: /^1 tài khoản$/u }).waitFor();
  });

  test('the secretary signs in on a phone with the code from the letter, sets a password and lands on the cell', async () => {
    const context390 = await context(phone);
    const secretary = await context390.newPage();
    await secretary.goto('/dang-nhap');
    await secretary.getByRole('button', { name: 'Tôi có mã dùng một lần' }).click();
    await secretary.getByLabel(/^Tên đăng nhập/).fill(letter.username);
    await secretary.getByLabel(/^Mã dùng một lần/).fill(letter.code);
    await expectAccessible(secretary, 'sign-in with a code on a phone');
    expect((await horizontalOverflow(secretary)).scrollWidth).toBeLessThanOrEqual(390);
    await secretary.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    await secretary.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới' }).waitFor();
    await expectAccessible(secretary, 'new password on a phone');
    expect((await horizontalOverflow(secretary)).scrollWidth).toBeLessThanOrEqual(390);
    await secretary.getByLabel(/^Mật khẩu mới/).fill(SECRETARY_PASSWORD);
    await secretary.getByLabel(/^Nhập lại mật khẩu mới/).fill(SECRETARY_PASSWORD);
    await secretary.getByRole('button', { name: 'Lưu mật khẩu' }).click();

    await secretary.getByRole('heading', { level: 1, name: CELL }).waitFor();
    expect(new URL(secretary.url()).pathname).toBe(`/don-vi/${cellId}`);
    await secretary.getByRole('link', { name: SECRETARY }).waitFor();
    await expectAccessible(secretary, "the secretary's cell on a phone");
    expect((await horizontalOverflow(secretary)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(secretary, 'new-ward-secretary-cell', true);

    await context390.close();
  });

  test('the used code no longer opens the account (the office is named); the new password does', async () => {
    const context390 = await context(phone);
    const again = await context390.newPage();
    await again.goto('/dang-nhap');
    await again.getByRole('button', { name: 'Tôi có mã dùng một lần' }).click();
    await again.getByLabel(/^Tên đăng nhập/).fill(letter.username);
    await again.getByLabel(/^Mã dùng một lần/).fill(letter.code);
    await again.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await again.getByRole('alert').filter({ hasText: 'Vui lòng liên hệ Văn phòng Đảng ủy để được cấp mã mới.' }).waitFor();
    await expectAccessible(again, 'a used code refused');

    await again.goto('/dang-nhap');
    await again.getByLabel('Tên đăng nhập').fill(letter.username);
    await again.getByLabel(/^Mật khẩu/).fill(SECRETARY_PASSWORD);
    await again.getByRole('button', { name: 'Đăng nhập' }).click();
    await again.getByRole('heading', { level: 1, name: CELL }).waitFor();
    expect(new URL(again.url()).pathname).toBe(`/don-vi/${cellId}`);
    await context390.close();
  });
});
