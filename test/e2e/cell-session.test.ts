// Story: on a 390 px phone, the secretary of Chi bộ Tràng Đà 1 schedules the cell's study session,
// marks everyone present but two, shows the QR code; one of the two (signed in on their own phone)
// opens the code's link and is marked present; the session is marked held. The ward's overview then
// shows the cell as held, and the one still away on its make-up backlog.
//
// Other stories change the demo plan's session of this cell (the cell-report story holds it and has
// its report accepted, which locks its attendance): this one issues a plan of its own and runs that
// plan's session, so it passes whichever stories ran before it.
const TITLE = 'Sinh hoạt chuyên đề tại chi bộ về Nghị quyết số 91-NQ/TU';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, signInThroughPage, signedInContext, story } from './support/browser';
import { issuedPlan } from './support/plans';

story('A cell secretary runs the study session from a phone', () => {
  let browser: Browser;
  let secretary: BrowserContext;
  let page: Page;
  let sessionId = '';
  let planId = '';

  beforeAll(async () => {
    planId = await issuedPlan(await ApiClient.signIn('vanphong'), await ApiClient.signIn('thuongtruc'), TITLE);
    browser = await launchBrowser();
    secretary = await newContext(browser, phone);
    page = await secretary.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('schedules the session from the cell page', async () => {
    await signInThroughPage(page, 'bithu');
    await page.getByRole('heading', { level: 1, name: 'Chi bộ Tràng Đà 1' }).waitFor();
    // This story's plan's session, among the others of the cell (the demo's, and those other stories issued).
    const card = page.getByRole('listitem').filter({ hasText: TITLE });
    await card.getByText('Sinh hoạt học tập — Kế hoạch', { exact: false }).waitFor();
    await card.getByRole('link', { name: 'Mở buổi sinh hoạt' }).click();
    await page.waitForURL(/\/sinh-hoat\//);
    sessionId = page.url().split('/sinh-hoat/')[1]!.split(/[?#]/)[0]!;
    await page.getByLabel('Ngày', { exact: true }).fill('2026-05-26');
    await page.getByLabel('Giờ', { exact: true }).fill('19:30');
    await page.getByLabel('Địa điểm').fill('Nhà văn hóa Tràng Đà 1');
    await page.getByRole('button', { name: 'Lưu lịch' }).click();
    await page.getByText('Đã lưu.').waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'session page on a phone');
  });

  test('marks all present but two, one of whom checks in with the QR link on their own phone', async () => {
    const member = await signedInContext(browser, 'dangvien', phone);
    const me = await (await member.request.get('/api/session')).json();
    const memberName: string = me.me.user.displayName;
    await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
    const others = page.getByRole('radiogroup').filter({ hasNotText: memberName });
    const groups = [page.getByRole('radiogroup', { name: memberName }), others.first()];
    for (const group of groups) {
      // The group's accessible name is the member's (Mantine labels a radio group with a div).
      const name = await group.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? '');
      expect(name).not.toBe('');
      await group.getByLabel('Vắng không lý do').check();
      await page.getByLabel(`Lý do vắng — ${name}`).fill('Chưa báo');
    }
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.getByText('Đã lưu điểm danh.').waitFor();

    await page.getByRole('button', { name: 'Hiện mã QR điểm danh' }).click();
    await page.getByRole('img', { name: 'Mã QR điểm danh' }).waitFor();
    // The token the organiser's screen shows, from the API it polls.
    const code = await (await secretary.request.get(`/api/check-in/session/${sessionId}/code`)).json();
    const phonePage = await member.newPage();
    await phonePage.goto(`/check-in/${code.token}`);
    await phonePage.getByText('Điểm danh thành công').waitFor();
    await expectAccessible(phonePage, 'check-in on a phone');
    // The same code again (a reload): refused as replayed, told kindly: the member is present all the same.
    await phonePage.reload();
    await phonePage.getByText('Đã điểm danh', { exact: true }).waitFor();
    await phonePage.getByText('Mã này đã được dùng để điểm danh; bạn đã có mặt.').waitFor();
    await member.close();

    await page.reload();
    await page.getByRole('radiogroup', { name: memberName }).getByLabel('Có mặt').waitFor();
    // The reopened page may first show the device's copy (decision 030), then the server's answer.
    await expect.poll(() => page.getByRole('radiogroup', { name: memberName }).getByLabel('Có mặt').isChecked(), { timeout: 10_000 }).toBe(true);
  });

  test('marks the session held; the ward sees it held and the make-up backlog', async () => {
    await page.getByLabel('Ngày tổ chức').fill('2026-05-26');
    await page.getByRole('button', { name: 'Xác nhận đã tổ chức' }).click();
    await page.getByText('Đã tổ chức', { exact: true }).waitFor();

    const ward = await signedInContext(browser, 'vanphong', phone);
    const wardPage = await ward.newPage();
    await wardPage.goto(`/ke-hoach/${planId}/sinh-hoat`);
    await wardPage.getByRole('heading', { name: 'Các buổi sinh hoạt học tập' }).waitFor();
    await wardPage.getByLabel('Lọc theo trạng thái').selectOption('held');
    const row = wardPage.getByRole('listitem').filter({ hasText: 'Chi bộ Tràng Đà 1' });
    await row.getByText('Đã tổ chức', { exact: true }).waitFor();
    const backlog = wardPage.getByRole('list', { name: 'Học bù theo chi bộ' }).getByRole('listitem').filter({ hasText: 'Chi bộ Tràng Đà 1' });
    await backlog.getByText('Phải học bù 1 · đã học bù 0 · còn thiếu 1').waitFor();
    expect((await horizontalOverflow(wardPage)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(wardPage, 'ward overview on a phone');
    await ward.close();
  });
});
