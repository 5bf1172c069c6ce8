// Story (issue 11, items 1-4): on a 390 px phone the ward office creates the ward conference from the
// demo's issued plan, the plan's "Thành phần" resolved to people; adds a member by name; sends the
// convocation after a confirmation naming the count; downloads the sign-in sheet, which lists the
// participants. The member added signs in and finds the convocation among their notifications; the
// office shows the conference's rotating QR code and the member, in a second browser context, checks
// in by opening its link.
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, screenshot, signInThroughPage, story } from './support/browser';

story('The ward office convenes the ward conference', () => {
  let browser: Browser;
  let office: BrowserContext;
  let member: BrowserContext;
  let page: Page;
  let memberPage: Page;
  let memberName = '';
  let memberCell = '';
  let conferenceUrl = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    office = await newContext(browser, { ...phone, acceptDownloads: true });
    member = await newContext(browser, phone);
    page = await office.newPage();
    memberPage = await member.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the office creates the conference from the issued plan and sees the resolved participants', async () => {
    await signInThroughPage(memberPage, 'dangvien');
    const me = (await (await memberPage.request.get('/api/me')).json()) as { user: { displayName: string; memberId: string } };
    memberName = me.user.displayName;
    expect(memberName).not.toBe('');
    // Namesakes are told apart by their cell: the button names both.
    const record = (await (await memberPage.request.get(`/api/members/${me.user.memberId}`)).json()) as { member: { cellName: string } };
    memberCell = record.member.cellName;

    await signInThroughPage(page, 'vanphong');
    const { plans } = (await (await page.request.get('/api/plans')).json()) as { plans: { id: string; status: string; issuedOn: string | null }[] };
    const issued = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!;
    await page.goto(`/ke-hoach/${issued.id}`);
    await page.getByRole('heading', { name: 'Hội nghị cấp phường' }).waitFor();
    await page.getByRole('button', { name: 'Tạo hội nghị cấp phường' }).click();
    await page.getByRole('heading', { name: 'Thành phần và danh sách đại biểu' }).waitFor({ timeout: 30_000 });
    conferenceUrl = page.url();
    expect(conferenceUrl).toMatch(/\/hoi-nghi\/[0-9a-f-]{36}$/u);
    await page.getByRole('list', { name: 'Thành phần và danh sách đại biểu' }).getByText('Bí thư các chi bộ').waitFor();
    const heading = await page.getByText(/^Danh sách đại biểu \(\d+ người\)$/u).textContent();
    expect(Number(/\((\d+) người\)/u.exec(heading!)![1])).toBeGreaterThan(40);
    expect(await page.getByLabel('Địa điểm').inputValue()).toMatch(/^Hội trường trụ sở Đảng ủy phường/u);

    // A member of a cell outside the groups, added by name.
    await page.getByLabel('Bổ sung đảng viên (gõ tên để tìm)').fill(memberName);
    await page.getByRole('button', { name: `Thêm ${memberName} (${memberCell})` }).click();
    await page.getByTestId('participants').getByText(memberName, { exact: true }).waitFor();

    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'conference-phone');
    await expectAccessible(page, 'ward conference on a phone');
  });

  test('the convocation goes out after a confirmation naming the count; the convocation and the sign-in sheet download', async () => {
    const count = Number(/\((\d+) người\)/u.exec((await page.getByText(/^Danh sách đại biểu \(\d+ người\)$/u).textContent())!)![1]);
    await page.getByRole('button', { name: 'Gửi giấy triệu tập' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi giấy triệu tập?' });
    await dialog.getByText(`tới ${count} người`, { exact: false }).waitFor();
    await expectAccessible(page, 'send confirmation');
    await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText(`Đã gửi giấy triệu tập tới ${count} người.`).waitFor({ timeout: 30_000 });
    await page.getByText('Đã gửi giấy triệu tập', { exact: true }).waitFor();

    const [convocation] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Giấy triệu tập (DOCX)' }).click()]);
    expect(convocation.suggestedFilename()).toMatch(/^giay-trieu-tap-\d+-GTT-DU\.docx$/u);
    const letter = (await mammoth.extractRawText({ buffer: readFileSync((await convocation.path())!) })).value;
    expect(letter).toContain('GIẤY TRIỆU TẬP');
    expect(letter).toMatch(/Kế hoạch số \d+-KH\/ĐU, ngày 15\/05\/2026/u);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Danh sách đại biểu (DOCX)' }).click()]);
    expect(download.suggestedFilename()).toBe('danh-sach-dai-bieu-hoi-nghi.docx');
    const text = (await mammoth.extractRawText({ buffer: readFileSync((await download.path())!) })).value;
    expect(text).toContain('DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ');
    expect(text).toContain('Ký tên');
    expect(text).toContain(memberName);
    expect(text).toContain(`Tổng số: ${count} đồng chí.`);
  });

  test('the member added sees the convocation among their notifications and opens it', async () => {
    await memberPage.goto('/');
    const bell = memberPage.getByTestId('notification-bell');
    await bell.waitFor();
    await memberPage.waitForFunction(() => /chưa đọc/u.test(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('aria-label') ?? ''));
    await bell.click();
    await memberPage.getByRole('heading', { name: 'Thông báo' }).waitFor();
    const item = memberPage.getByRole('listitem').filter({ hasText: 'Giấy triệu tập: Hội nghị' }).first();
    await item.waitFor();
    await expectAccessible(memberPage, 'notifications on a phone');
    expect((await horizontalOverflow(memberPage)).scrollWidth).toBeLessThanOrEqual(390);
    await item.getByRole('link', { name: 'Xem' }).click();
    await memberPage.waitForURL(conferenceUrl);
    await memberPage.getByText('Đồng chí được triệu tập dự hội nghị này.').waitFor();
  });

  test('the office shows the rotating QR code; the member checks in at the conference by opening its link', async () => {
    const id = conferenceUrl.split('/').pop()!;
    await page.reload();
    const roll = page.locator('section[aria-labelledby="conference-attendance"]');
    await roll.getByRole('button', { name: 'Hiện mã QR điểm danh' }).click();
    const qr = roll.getByRole('img', { name: 'Mã QR điểm danh' });
    await qr.waitFor();
    const token = await qr.getAttribute('data-token');
    expect(token).toMatch(new RegExp(`^conference_${id}\\.`, 'u'));
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'conference QR code on a phone');

    const scan = await member.newPage();
    await scan.goto(`/check-in/${token}`);
    await scan.getByText('Điểm danh thành công').waitFor({ timeout: 30_000 });
    await scan.getByText(/có mặt tại hội nghị/u).waitFor();
    // The same code again: refused as replayed, shown kindly (still present).
    await scan.reload();
    await scan.getByText('Đã điểm danh', { exact: true }).waitFor();
    await scan.getByText('Mã này đã được dùng để điểm danh; bạn đã có mặt.').waitFor();
    await scan.close();

    const me = (await (await memberPage.request.get('/api/me')).json()) as { user: { memberId: string } };
    const record = (await (await memberPage.request.get(`/api/members/${me.user.memberId}`)).json()) as { member: { personId: string } };
    const attendance = (await (await page.request.get(`/api/conferences/${id}/attendance`)).json()) as { marks: { personId: string; status: string }[] };
    expect(attendance.marks).toContainEqual(expect.objectContaining({ personId: record.member.personId, status: 'present' }));
  });
});
