// Story: on a phone, the ward office sets up its organisation in Settings → Tổ chức: creates a cell,
// renames it, moves it into a grassroots organisation through the move dialog, closes it (it stays,
// greyed, "Đã đóng từ …"), then imports a small tree from Excel: the first file's error is shown
// with its row and nothing is written; the corrected file is committed. Everything is removed after.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, phone, signedInContext, story } from './support/browser';

const run = Date.now().toString(36).toUpperCase();
const CELL = `Chi bộ Thử ${run}`;
const RENAMED = `Chi bộ Khu Mới ${run}`;
const ORG = 'Đảng bộ Ủy ban nhân dân phường';
const IMPORTED_ORG = `Đảng bộ Nhập ${run}`;
const IMPORTED_CELL = `Chi bộ Nhập ${run}`;

interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  closedOn: string | null;
  version: number;
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Cây');
  sheet.addRow(['STT', 'Tên đơn vị', 'Loại', 'Trực thuộc']);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

story('The ward office sets up its organisation on a phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;

  const units = async () => (await api.get<{ units: Unit[] }>('/api/units')).units;
  const named = async (name: string) => (await units()).find((u) => u.name === name);

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong', phone);
    page = await context.newPage();
    api = await ApiClient.signIn('banxaydung');
  });

  afterAll(async () => {
    // Leave the demo as it was for the other stories: the units made here go, children first.
    if (api) {
      for (const name of [IMPORTED_CELL, IMPORTED_ORG, RENAMED, CELL]) {
        const unit = await named(name);
        if (unit) await api.request('DELETE', `/api/units/${unit.id}?version=${unit.version}`);
      }
    }
    await browser?.close();
  });

  async function menu(name: string, item: string) {
    await page.getByRole('button', { name: `Thao tác với ${name}`, exact: true }).click();
    await page.getByRole('menuitem', { name: item }).click();
  }

  async function done(text: string) {
    await page.getByRole('status').filter({ hasText: text }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  test('opens Settings → Tổ chức and creates a cell under the ward', async () => {
    await page.goto('/thiet-lap');
    await page.getByRole('link', { name: 'Quản lý cây tổ chức' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ chức' }).waitFor();
    await page.getByRole('list', { name: 'Cây tổ chức' }).waitFor();
    await expectAccessible(page, 'organisation editor');
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);

    await menu('Đảng ủy phường Nông Tiến', 'Thêm đơn vị trực thuộc…');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).waitFor();
    await dialog.getByLabel('Loại đơn vị').first().click();
    await page.getByRole('option', { name: 'Chi bộ', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill(CELL);
    expect(await dialog.getByRole('textbox', { name: 'Ngày thành lập' }).inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/u);
    await expectAccessible(page, 'add dialog');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await done(`Đã thêm ${CELL}.`);
    const created = await named(CELL);
    expect(created).toMatchObject({ closedOn: null });
  });

  test('renames it', async () => {
    await menu(CELL, 'Đổi tên…');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill(RENAMED);
    await dialog.getByRole('button', { name: 'Lưu tên mới' }).click();
    await done(`Đã đổi tên thành ${RENAMED}.`);
    expect(await named(CELL)).toBeUndefined();
    expect(await named(RENAMED)).toBeDefined();
  });

  test('moves it into a grassroots organisation through the move dialog', async () => {
    await menu(RENAMED, 'Chuyển sang đơn vị khác…');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Trực thuộc đơn vị').first().fill('Ủy ban nhân dân');
    await page.getByRole('option', { name: ORG }).click();
    await expectAccessible(page, 'move dialog');
    await dialog.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await done(`Đã chuyển ${RENAMED}.`);
    const org = await findUnit(api, ORG);
    expect((await named(RENAMED))!.parentId).toBe(org.id);
  });

  test('closes it on today’s date: it stays in the tree, greyed, closed since that day', async () => {
    await page.getByRole('button', { name: `Mở ${ORG}` }).click();
    await menu(RENAMED, 'Đóng đơn vị…');
    const dialog = page.getByRole('dialog');
    const date = await dialog.getByRole('textbox', { name: 'Đóng từ ngày' }).inputValue();
    await dialog.getByRole('button', { name: 'Đóng đơn vị' }).click();
    await done(`Đã đóng ${RENAMED}.`);
    await page.getByText(`Chi bộ · Đã đóng từ ${date}`).first().waitFor();
    expect((await named(RENAMED))!.closedOn).not.toBeNull();
    await expectAccessible(page, 'tree with a closed unit');
  });

  test('imports a small tree from Excel: an error first, nothing written; then the good file', async () => {
    const before = (await units()).length;
    await menu('Đảng ủy phường Nông Tiến', 'Nhập đơn vị trực thuộc từ tệp…');
    const dialog = page.getByRole('dialog');
    const input = dialog.locator('input[type="file"]');
    const bad = await workbook([
      [1, IMPORTED_CELL, 'Chi bộ', IMPORTED_ORG],
      [2, IMPORTED_ORG, 'Đảng bộ cơ sở', 'Đảng bộ Không Có'],
    ]);
    await input.setInputFiles({ name: 'cay-loi.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bad });
    const errors = dialog.getByRole('table', { name: 'Tệp có 2 lỗi: chưa thêm đơn vị nào' });
    await errors.waitFor();
    const first = (await errors.getByRole('row').nth(1).getByRole('cell').allTextContents()).map((s) => s.trim());
    expect(first[0]).toBe('2');
    expect((await errors.getByRole('row').nth(2).getByRole('cell').allTextContents())[1]).toContain('Không tìm thấy đơn vị trực thuộc "Đảng bộ Không Có"');
    expect(await dialog.getByRole('button', { name: /^Nhập \d+ đơn vị$/u }).isDisabled()).toBe(true);
    await expectAccessible(page, 'import preview with errors');
    expect((await units()).length).toBe(before);

    const good = await workbook([
      [1, IMPORTED_CELL, 'Chi bộ', IMPORTED_ORG],
      [2, IMPORTED_ORG, 'Đảng bộ cơ sở', ''],
    ]);
    await input.setInputFiles({ name: 'cay.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: good });
    await dialog.getByRole('table', { name: 'Các đơn vị sẽ thêm' }).waitFor();
    await dialog.getByRole('button', { name: 'Nhập 2 đơn vị' }).click();
    await done('Đã thêm 2 đơn vị.');
    expect((await units()).length).toBe(before + 2);
    const org = (await named(IMPORTED_ORG))!;
    expect((await named(IMPORTED_CELL))!.parentId).toBe(org.id);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
  });
});
