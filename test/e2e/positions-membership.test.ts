// Story: on a 390 px phone the ward office gives a cell its secretary's position from the unit page
// (the person picker finds a member typed without diacritics), sees it on the person's page, then
// transfers a member to another cell and reads that cell's count as of the day before and the day of
// the transfer.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story, type MemberRow } from './support/browser';

const CELL = 'Chi bộ Khuôn Hấu 3';
const OTHER = 'Chi bộ Khuôn Hấu 4';

const dayFirst = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();

story('Positions and membership over time', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let cellId: string;
  let otherId: string;
  let members: MemberRow[];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong', phone);
    page = await context.newPage();
    api = await ApiClient.signIn('banxaydung');
    cellId = (await findUnit(api, CELL)).id;
    otherId = (await findUnit(api, OTHER)).id;
    members = (await api.get<{ members: MemberRow[] }>(`/api/units/${cellId}/members`)).members;
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the office ends the secretary’s term and gives the position to another member', async () => {
    await page.goto(`/don-vi/${cellId}`);
    await page.getByRole('heading', { level: 1, name: CELL }).waitFor();
    await page.getByRole('heading', { name: 'Chức vụ' }).waitFor();
    const current = await api.get<{ positions: { id: string; personName: string; kindCode: string; toOn: string | null }[] }>(`/api/units/${cellId}/positions`);
    const secretary = current.positions.find((p) => p.kindCode === 'cellSecretary' && !p.toOn)!;
    await page.getByRole('button', { name: `Thôi giữ: ${secretary.personName}, Bí thư chi bộ` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ngày thôi giữ').fill(dayFirst(daysAgo(3)));
    await dialog.getByRole('button', { name: 'Thôi giữ' }).click();
    await page.getByText('Đã ghi ngày thôi giữ chức vụ.').waitFor();

    const next = members.find((m) => m.fullName !== secretary.personName)!;
    await page.getByRole('button', { name: 'Giao chức vụ' }).click();
    await page.getByRole('combobox', { name: 'Người giữ chức vụ' }).fill(fold(next.fullName));
    await page.getByRole('option', { name: new RegExp(`^${next.fullName}`, 'u') }).first().click();
    await page.getByRole('combobox', { name: 'Chức vụ', exact: true }).selectOption({ label: 'Bí thư chi bộ' });
    await page.getByLabel('Từ ngày').fill(dayFirst(daysAgo(2)));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu chức vụ.').waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'unit positions');
    await screenshot(page, 'unit-positions-phone');

    await page.getByRole('link', { name: next.fullName }).first().click();
    await page.getByRole('heading', { level: 1, name: next.fullName }).waitFor();
    await page.getByText('Bí thư chi bộ').first().waitFor();
    await page.getByText(`Đảng viên ${CELL}`).waitFor();
    await expectAccessible(page, 'person page');
  });

  test('a transfer changes the other cell’s count from its day on, not before', async () => {
    const moving = members.at(-1)!;
    const on = daysAgo(5);
    await page.goto(`/dang-vien/${moving.id}`);
    await page.getByRole('heading', { level: 1, name: moving.fullName }).waitFor();
    await page.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Chi bộ chuyển đến').selectOption({ label: OTHER });
    await dialog.getByLabel('Ngày có hiệu lực').fill(dayFirst(on));
    await expectAccessible(page, 'transfer dialog');
    await dialog.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
    await page.getByRole('link', { name: `‹ ${OTHER}` }).waitFor();

    await page.goto(`/don-vi/${otherId}`);
    await page.getByRole('heading', { level: 1, name: OTHER }).waitFor();
    const countOn = async (date: Date) => {
      await page.getByLabel('Vào ngày').fill(dayFirst(date));
      await page.getByRole('button', { name: 'Xem' }).click();
      const text = page.getByTestId('cell-counts');
      await text.filter({ hasText: dayFirst(date) }).waitFor();
      return Number(/: (\d+) đảng viên/u.exec((await text.textContent()) ?? '')![1]);
    };
    const before = await countOn(daysAgo(6));
    const after = await countOn(on);
    expect(after).toBe(before + 1);
    await expectAccessible(page, 'counts as of a date');
  });
});
