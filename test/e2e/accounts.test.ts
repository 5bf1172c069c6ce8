// Story: the administrator opens Settings → Tài khoản on a phone and creates an account for a cell
// secretary, granted on a demo cell, and sees its one-time code once. On another phone the secretary
// signs in with the code, is asked for a new password (a weak one refused with the server's
// Vietnamese message), sets one and lands on their cell's page. The administrator finds the account,
// resets it (a new code; the password stops working), then onboards the members of one cell in bulk
// and downloads their letters as a DOCX.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, newContext, phone, signedInContext, story, type UnitRow } from './support/browser';

const run = Date.now().toString(36);
const USERNAME = `bithu.thu${run}`;
const CELL = 'Chi bộ Tràng Đà 1';
const GOOD_PASSWORD = 'Chi bộ Tràng Đà đoàn kết';

story('The administrator hands out accounts with one-time codes', () => {
  let browser: Browser;
  let admin: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let code = '';
  let cell: UnitRow;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await signedInContext(browser, 'admin', phone);
    page = await admin.newPage();
    api = await ApiClient.signIn('admin');
    cell = await findUnit(api, CELL);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('creates an account for a cell secretary and sees the one-time code once', async () => {
    await page.goto('/thiet-lap');
    await page.getByRole('link', { name: 'Quản lý tài khoản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản' }).waitFor();
    await page.getByRole('list', { name: 'Danh sách tài khoản' }).waitFor();
    await expectAccessible(page, 'accounts');
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);

    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Họ và tên/).fill('Đỗ Văn Thử');
    await dialog.getByLabel(/^Tên đăng nhập/).fill(USERNAME);
    await dialog.getByLabel(/^Vai trò được giao/).selectOption('cellSecretary');
    await dialog.getByLabel(/^Trên đơn vị/).selectOption({ label: CELL });
    await expectAccessible(page, 'create account dialog');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();

    const shown = page.getByRole('dialog', { name: 'Mã dùng một lần' });
    await shown.getByRole('button', { name: 'Sao chép mã' }).waitFor();
    code = (await shown.getByTestId('one-time-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u);
    expect(await shown.textContent()).toContain(USERNAME);
    await expectAccessible(page, 'one-time code dialog');
    await shown.getByRole('button', { name: 'Đóng' }).last().click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByText(USERNAME).waitFor();
  });

  test('the secretary signs in with the code on a phone, sets a password and lands on the cell', async () => {
    const context = await newContext(browser, phone);
    const secretary = await context.newPage();
    await secretary.goto('/dang-nhap');
    await secretary.getByRole('button', { name: 'Tôi có mã dùng một lần' }).click();
    await secretary.getByLabel(/^Tên đăng nhập/).fill(USERNAME);
    await secretary.getByLabel(/^Mã dùng một lần/).fill(code.toLowerCase());
    await expectAccessible(secretary, 'sign-in with a code');
    await secretary.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

    await secretary.getByRole('heading', { level: 1, name: 'Đặt mật khẩu mới' }).waitFor();
    expect(new URL(secretary.url()).pathname).toBe('/dat-mat-khau');
    await expectAccessible(secretary, 'new password');
    expect((await horizontalOverflow(secretary)).scrollWidth).toBeLessThanOrEqual(390);

    await secretary.getByLabel(/^Mật khẩu mới/).fill('anhyeuem');
    await secretary.getByLabel(/^Nhập lại mật khẩu mới/).fill('anhyeuem');
    await secretary.getByRole('button', { name: 'Lưu mật khẩu' }).click();
    await secretary.getByRole('alert').filter({ hasText: 'phổ biến' }).waitFor();

    const good = GOOD_PASSWORD;
    await secretary.getByLabel(/^Mật khẩu mới/).fill(good);
    await secretary.getByLabel(/^Nhập lại mật khẩu mới/).fill(good);
    await secretary.getByRole('button', { name: 'Lưu mật khẩu' }).click();
    await secretary.getByRole('heading', { level: 1, name: CELL }).waitFor();
    expect(new URL(secretary.url()).pathname).toBe(`/don-vi/${cell.id}`);
    expect((await horizontalOverflow(secretary)).scrollWidth).toBeLessThanOrEqual(390);
    await context.close();
  });

  test('finds the account by its username and resets it: a new code, the password no longer works', async () => {
    await page.getByLabel('Tìm theo tên hoặc tên đăng nhập').fill(USERNAME);
    await page.getByRole('status').filter({ hasText: /^1 tài khoản$/u }).waitFor();
    await page.getByRole('button', { name: 'Thao tác với Đỗ Văn Thử' }).click();
    await page.getByRole('menuitem', { name: 'Cấp lại mã dùng một lần' }).click();
    await page.getByRole('dialog', { name: 'Cấp lại mã dùng một lần' }).getByRole('button', { name: 'Cấp lại mã' }).click();
    const shown = page.getByRole('dialog', { name: 'Mã dùng một lần' });
    await shown.getByRole('button', { name: 'Sao chép mã' }).waitFor();
    const fresh = (await shown.getByTestId('one-time-code').textContent()) ?? '';
    expect(fresh).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/u);
    expect(fresh).not.toBe(code);
    await shown.getByRole('button', { name: 'Đóng' }).last().click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect(ApiClient.signIn(USERNAME, GOOD_PASSWORD)).rejects.toThrow(/401/u);
    await page.getByLabel('Tìm theo tên hoặc tên đăng nhập').fill('');
  });

  test("onboards one cell's members in bulk and downloads their letters as DOCX", async () => {
    // The smallest cell with members keeps the demo's account list short: a cell of Nông Tiến, the
    // commune the page works in (the province's first), not of the demo's second commune.
    const { units } = await api.get<{ units: UnitRow[] }>('/api/units');
    const byId = new Map(units.map((u) => [u.id, u]));
    const commune = units.find((u) => u.kind === 'commune' && u.name === 'Đảng ủy phường Nông Tiến')!;
    const inCommune = (u: UnitRow): boolean => u.parentId === commune.id || (u.parentId !== null && byId.has(u.parentId) && inCommune(byId.get(u.parentId)!));
    const small = units.filter((u) => u.kind === 'cell' && u.memberCount > 0 && inCommune(u)).sort((a, b) => a.memberCount - b.memberCount)[0]!;

    await page.getByRole('button', { name: 'Tạo hàng loạt…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản hàng loạt' });
    await dialog.getByRole('radio', { name: 'Đảng viên của các chi bộ' }).check();
    await dialog.getByRole('checkbox', { name: small.name, exact: true }).check();
    await expectAccessible(page, 'bulk dialog');
    await dialog.getByRole('button', { name: 'Tạo tài khoản và mã' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Đã tạo' }).waitFor({ timeout: 60_000 });

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), dialog.getByRole('button', { name: 'Tải thư (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toBe('thu-tai-khoan.docx');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.toString('latin1')).toContain('word/document.xml');
    await dialog.getByRole('status').filter({ hasText: 'Đã tải thu-tai-khoan.docx.' }).waitFor();
  });
});
