// Story: the ward office registers a resolution, finds it again without diacritics, attaches its
// PDF (a fake PDF is refused in Vietnamese), links it to another document and edits it while a
// colleague's edit gets there first. A member reads the registry but is offered no change.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, cspViolations, expectAccessible, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story } from './support/browser';

const NUMBER = '95-NQ/TU';
const TITLE = `Nghị quyết số ${NUMBER}`;
const SUBJECT = 'phát triển du lịch cộng đồng gắn với bảo tồn bản sắc văn hóa các dân tộc giai đoạn 2026 - 2030';
const CONTENT = 'Phát triển du lịch cộng đồng trở thành ngành kinh tế quan trọng của tỉnh.\n\nMỗi thôn, tổ dân phố có điểm du lịch cộng đồng xây dựng một sản phẩm đặc trưng.';

/** A small but real PDF: the server checks the bytes, not the name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A Windows program renamed to .pdf. */
const FAKE_PDF = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(64, 0x90), Buffer.from('This program cannot be run in DOS mode.', 'latin1')]);

interface Summary {
  id: string;
  number: string;
  subject: string;
  version: number;
}
interface Detail {
  resolution: Summary & { content: string };
  attachments: { id: string; fileName: string }[];
  links: { id: string }[];
  plans: { id: string; title: string; status: string; number: number | null }[];
}

story('The ward office keeps the registry of resolutions', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let resolutionId = '';

  const detail = async (id = resolutionId) => api.get<Detail>(`/api/resolutions/${id}`);
  const find = async (number: string) =>
    (await api.get<{ resolutions: Summary[] }>(`/api/resolutions?q=${encodeURIComponent(number)}`)).resolutions.find((r) => r.number === number);
  const h1 = () => page.getByRole('heading', { level: 1 });

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong');
    page = await context.newPage();
    api = await ApiClient.signIn('banxaydung');
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the registry lists the demo documents and offers registration to the ward office', async () => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Văn bản, nghị quyết' }).click();
    await h1().filter({ hasText: 'Văn bản, nghị quyết' }).waitFor();
    const table = page.getByRole('table', { name: 'Danh sách văn bản' });
    await table.getByRole('link', { name: '91-NQ/TU' }).waitFor();
    const row = table.getByRole('row', { name: /91-NQ\/TU/u });
    expect(await row.textContent()).toMatch(/Nghị quyết.*12\/05\/2026.*Ban Thường vụ Tỉnh ủy/u);
    await screenshot(page, 'resolutions-desktop', true);
    await expectAccessible(page, 'registry');
    await page.getByRole('link', { name: 'Đăng ký văn bản' }).click();
    await h1().filter({ hasText: 'Đăng ký văn bản' }).waitFor();
  });

  test('a wrong number and an impossible date are refused before anything is sent', async () => {
    await page.getByLabel('Số hiệu').fill('NQ 95');
    await page.getByLabel('Ngày ban hành').fill('31/02/2026');
    await page.getByRole('button', { name: 'Đăng ký văn bản' }).click();
    await page.getByText('Số hiệu phải bắt đầu bằng số').waitFor();
    await page.getByText('Ngày này không có trong lịch.').waitFor();
    await page.getByText('Vui lòng nhập cơ quan ban hành.').waitFor();
    // The first wrong field has the focus, for keyboard and screen reader users.
    expect(await page.getByLabel('Số hiệu').evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'resolution-register-errors', true);
    await expectAccessible(page, 'registration with errors');
    expect(await find(NUMBER)).toBeUndefined();

    // The server refuses the same date on its own.
    const forged = await api.request<{ error: { id: string } }>('POST', '/api/resolutions', {
      kind: 'nghi-quyet',
      number: NUMBER,
      issuedOn: '2026-02-31',
      issuer: 'Ban Thường vụ Tỉnh ủy',
      subject: SUBJECT,
      content: '',
    });
    expect(forged.status).toBe(400);
    expect(await find(NUMBER)).toBeUndefined();
  });

  test('the ward office registers 95-NQ/TU and lands on its page', async () => {
    await page.getByLabel('Số hiệu').fill('95 - nq/tu');
    await page.getByLabel('Ngày ban hành').fill('20/6/2026');
    await page.getByLabel('Cơ quan ban hành').fill('Ban Thường vụ Tỉnh ủy');
    await page.getByLabel('Trích yếu').fill(SUBJECT);
    await page.getByLabel('Nội dung chính').fill(CONTENT);
    await page.getByRole('button', { name: 'Đăng ký văn bản' }).click();
    await h1().filter({ hasText: TITLE }).waitFor();
    await page.getByRole('status').filter({ hasText: `Đã đăng ký ${TITLE}.` }).waitFor();
    resolutionId = new URL(page.url()).pathname.split('/').at(-1)!;
    const saved = await detail();
    expect(saved.resolution).toMatchObject({ number: NUMBER, subject: SUBJECT, issuedOn: '2026-06-20', version: 1 });

    // The core content reads as its two paragraphs, and the date as offices write it.
    const content = page.getByRole('region', { name: 'Nội dung chính' });
    expect(await content.locator('p').count()).toBe(2);
    await page.getByText('20/06/2026').waitFor();
    await expectAccessible(page, 'registered resolution');
  });

  test('registering the same number again shows the server’s Vietnamese reason', async () => {
    await page.goto('/nghi-quyet/dang-ky');
    await page.getByLabel('Số hiệu').fill(NUMBER);
    await page.getByLabel('Cơ quan ban hành').fill('Ban Thường vụ Tỉnh ủy');
    await page.getByLabel('Trích yếu').fill('một văn bản khác');
    await page.getByRole('button', { name: 'Đăng ký văn bản' }).click();
    await page.getByText(`Văn bản số ${NUMBER} đã có trong danh mục.`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/nghi-quyet/dang-ky');
  });

  test('typing "du lich cong dong" without diacritics finds it, and it opens', async () => {
    await page.goto('/nghi-quyet');
    await page.getByLabel('Tìm văn bản').fill('du lich cong dong');
    await page.waitForURL(/q=du\+lich\+cong\+dong|q=du%20lich%20cong%20dong/u);
    const table = page.getByRole('table', { name: 'Danh sách văn bản' });
    await page.getByText('Tìm thấy 1 văn bản.').waitFor();
    await table.getByRole('link', { name: NUMBER }).click();
    await h1().filter({ hasText: TITLE }).waitFor();
  });

  test('a small PDF is attached, listed and downloadable', async () => {
    await page.locator('input[type="file"]').setInputFiles({ name: 'Nghị quyết 95.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('status').filter({ hasText: 'Đã đính kèm Nghị quyết 95.pdf.' }).waitFor();
    const files = page.getByRole('list', { name: 'Các tệp đính kèm' });
    const link = files.getByRole('link', { name: 'Tải về Nghị quyết 95.pdf' });
    await link.waitFor();
    expect(await files.textContent()).toMatch(/PDF · \d+ B/u);

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Nghị quyết 95.pdf');
    expect(readFileSync((await download.path())!).equals(PDF)).toBe(true);
    expect((await detail()).attachments.map((a) => a.fileName)).toEqual(['Nghị quyết 95.pdf']);
    await expectAccessible(page, 'attachment uploaded');
  });

  test('a fake PDF is refused with the Vietnamese reason and nothing is attached', async () => {
    await page.locator('input[type="file"]').setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: FAKE_PDF });
    const alert = page.getByRole('alert').filter({ hasText: 'Không đính kèm được tệp' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Chỉ nhận tệp PDF hoặc Word (.docx).');
    await screenshot(page, 'resolution-fake-pdf', true);
    await expectAccessible(page, 'fake PDF refused');
    expect((await detail()).attachments).toHaveLength(1);
  });

  test('a file over 20 MB is refused before it is sent, and by the server too', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    await page.locator('input[type="file"]').setInputFiles({ name: 'ban-scan.pdf', mimeType: 'application/pdf', buffer: big });
    const alert = page.getByRole('alert').filter({ hasText: 'Không đính kèm được tệp' });
    await alert.filter({ hasText: 'Tệp quá lớn: tối đa 20 MB.' }).waitFor();
    expect((await detail()).attachments).toHaveLength(1);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(big)], { type: 'application/pdf' }), 'ban-scan.pdf');
    const answer = await api.request<{ error: { id: string; message: string } }>('POST', `/api/resolutions/${resolutionId}/attachments`, form);
    expect(answer.status).toBe(413);
    expect(answer.data.error.message).toContain('20 MB');
    expect((await detail()).attachments).toHaveLength(1);
  });

  test('it is linked to 57-NQ/TW, which shows the link from its side, and unlinked', async () => {
    await page.getByRole('button', { name: 'Thêm liên kết' }).click();
    await page.getByLabel('Văn bản này').selectOption('implements');
    await page.getByLabel('Tìm văn bản cần liên kết').fill('57-NQ');
    // The choices narrow to the number typed.
    await expect.poll(() => page.getByRole('radio').count()).toBe(1);
    await page.getByRole('radio', { name: /57-NQ\/TW/u }).check();
    await page.getByText('Sẽ ghi: văn bản này thực hiện Nghị quyết số 57-NQ/TW.').waitFor();
    await screenshot(page, 'resolution-link-add', true);
    await expectAccessible(page, 'adding a link');
    await page.getByRole('form', { name: 'Liên kết với một văn bản khác' }).getByRole('button', { name: 'Thêm liên kết' }).click();
    const links = page.getByRole('list', { name: 'Các văn bản liên quan' });
    await links.getByRole('link', { name: 'Nghị quyết số 57-NQ/TW' }).waitFor();
    expect(await links.textContent()).toContain('Thực hiện');
    expect((await detail()).links).toHaveLength(1);

    await links.getByRole('link', { name: 'Nghị quyết số 57-NQ/TW' }).click();
    await h1().filter({ hasText: 'Nghị quyết số 57-NQ/TW' }).waitFor();
    const theirs = page.getByRole('list', { name: 'Các văn bản liên quan' });
    await theirs.getByRole('link', { name: TITLE }).waitFor();
    expect(await theirs.textContent()).toContain('Được thực hiện bởi');
    await page.goBack();
    await h1().filter({ hasText: TITLE }).waitFor();

    await page.getByRole('button', { name: 'Bỏ liên kết: thực hiện Nghị quyết số 57-NQ/TW' }).click();
    await page.getByText('Bỏ liên kết với Nghị quyết số 57-NQ/TW?').waitFor();
    await page.getByRole('alert').getByRole('button', { name: 'Bỏ liên kết' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã bỏ liên kết.' }).waitFor();
    await page.getByText('Chưa liên kết với văn bản nào.').waitFor();
    expect((await detail()).links).toHaveLength(0);
  });

  test('an edit that comes after a colleague’s shows both versions and goes on from the newest', async () => {
    const other = await signedInContext(browser, 'banxaydung');
    try {
      const colleague = await other.newPage();
      await colleague.goto(`/nghi-quyet/${resolutionId}`);
      await page.getByRole('button', { name: 'Sửa văn bản' }).click();
      await colleague.getByRole('button', { name: 'Sửa văn bản' }).click();

      // The colleague saves first.
      await colleague.getByLabel('Cơ quan ban hành').fill('Tỉnh ủy Tuyên Quang');
      await colleague.getByRole('button', { name: 'Lưu' }).click();
      await colleague.getByRole('status').filter({ hasText: 'Đã lưu thông tin văn bản.' }).waitFor();

      // Our edit started from the older version.
      await page.getByLabel('Cơ quan ban hành').fill('Ban Chấp hành Đảng bộ tỉnh');
      await page.getByRole('button', { name: 'Lưu' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Người khác vừa sửa văn bản này' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('đã được người khác sửa trong lúc bạn làm việc');
      const row = alert.getByRole('row', { name: /Cơ quan ban hành/u });
      expect((await row.allTextContents()).join(' ')).toMatch(/Tỉnh ủy Tuyên Quang.*Ban Chấp hành Đảng bộ tỉnh/u);
      await screenshot(page, 'resolution-conflict');
      await expectAccessible(page, 'edit conflict');
      expect((await detail()).resolution).toMatchObject({ version: 2, issuer: 'Tỉnh ủy Tuyên Quang', content: CONTENT });

      await page.getByRole('button', { name: 'Tải bản mới nhất' }).click();
      expect(await page.getByLabel('Cơ quan ban hành').inputValue()).toBe('Tỉnh ủy Tuyên Quang');
      await page.getByLabel('Cơ quan ban hành').fill('Ban Thường vụ Tỉnh ủy');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin văn bản.' }).waitFor();
      // Only the issuer changed: the core content is kept by every edit.
      expect((await detail()).resolution).toMatchObject({ version: 3, issuer: 'Ban Thường vụ Tỉnh ủy', content: CONTENT });
      expect(cspViolations(context)).toEqual([]);
    } finally {
      await other.close();
    }
  });

  test('the resolution 91-NQ/TU links to the plan that implements it', async () => {
    const demo = await find('91-NQ/TU');
    const { plans } = await detail(demo!.id);
    expect(plans.length).toBeGreaterThan(0);
    await page.goto(`/nghi-quyet/${demo!.id}`);
    const issued = plans.find((p) => p.status === 'issued')!;
    const list = page.getByRole('list', { name: 'Các kế hoạch thực hiện' });
    const item = list.getByRole('listitem').filter({ has: page.locator(`a[href="/ke-hoach/${issued.id}"]`) });
    expect(await item.getByRole('link').textContent()).toBe(issued.title);
    expect(await item.textContent()).toContain(`Số ${issued.number}-KH/ĐU`);
    expect(await item.textContent()).toContain('Đã ban hành');
  });

  test('a member reads the registry and the resolution but is offered no change', async () => {
    const member = await signedInContext(browser, 'dangvien');
    try {
      const reader = await member.newPage();
      await reader.goto('/');
      const nav = reader.getByRole('navigation', { name: 'Menu chính' });
      await nav.getByRole('link', { name: 'Văn bản, nghị quyết' }).click();
      await reader.getByRole('heading', { level: 1, name: 'Văn bản, nghị quyết' }).waitFor();
      await reader.getByRole('table', { name: 'Danh sách văn bản' }).getByRole('link', { name: NUMBER }).click();
      await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await reader.getByRole('list', { name: 'Các tệp đính kèm' }).getByRole('link', { name: 'Tải về Nghị quyết 95.pdf' }).waitFor();
      expect(await reader.getByRole('button', { name: 'Sửa văn bản' }).count()).toBe(0);
      expect(await reader.getByRole('button', { name: 'Thêm liên kết' }).count()).toBe(0);
      expect(await reader.locator('input[type="file"]').count()).toBe(0);
      await expectAccessible(reader, 'resolution read by a member');

      // The plans of 91-NQ/TU: the member sees the issued one, never a draft.
      const demo = await find('91-NQ/TU');
      await reader.goto(`/nghi-quyet/${demo!.id}`);
      const plans = reader.getByRole('list', { name: 'Các kế hoạch thực hiện' });
      await plans.getByRole('listitem').first().waitFor();
      const badges = (await plans.getByRole('listitem').allTextContents()).map((text) => /Đã ban hành|Bản nháp|Đã trình|Dự thảo|Chờ duyệt|Đã duyệt/u.exec(text)?.[0]);
      expect(badges.length).toBeGreaterThan(0);
      expect(new Set(badges)).toEqual(new Set(['Đã ban hành']));

      await reader.goto('/nghi-quyet');
      await reader.getByRole('table', { name: 'Danh sách văn bản' }).waitFor();
      expect(await reader.getByRole('link', { name: 'Đăng ký văn bản' }).count()).toBe(0);
      await reader.goto('/nghi-quyet/dang-ky');
      await reader.getByRole('heading', { level: 1, name: 'Không có quyền truy cập' }).waitFor();
    } finally {
      await member.close();
    }
  });

  test('on a 390 px phone the registry and a resolution read without sideways scrolling', async () => {
    const mobile = await signedInContext(browser, 'bithu', phone);
    try {
      const small = await mobile.newPage();
      await small.goto('/nghi-quyet?q=du%20lich');
      const cards = small.getByRole('list', { name: 'Danh sách văn bản' });
      await cards.getByRole('link', { name: NUMBER }).waitFor();
      expect(await small.getByRole('table').count()).toBe(0);
      expect((await horizontalOverflow(small)).scrollWidth).toBeLessThanOrEqual(390);
      await screenshot(small, 'resolutions-phone', true);
      await expectAccessible(small, 'registry on a phone');

      await cards.getByRole('link', { name: NUMBER }).click();
      await small.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      // The number stays whole on a narrow screen: "95-NQ/TU" is never broken into "95-" and "NQ/TU".
      const number = small.getByRole('heading', { level: 1 }).getByText(NUMBER, { exact: true });
      expect(await number.evaluate((el) => el.getClientRects().length)).toBe(1);
      await small.getByRole('region', { name: 'Nội dung chính' }).waitFor();
      expect((await horizontalOverflow(small)).scrollWidth).toBeLessThanOrEqual(390);
      await screenshot(small, 'resolution-phone', true);
      await expectAccessible(small, 'resolution on a phone');
      expect(cspViolations(mobile)).toEqual([]);
    } finally {
      await mobile.close();
    }
  });

  test('on a 390 px phone the ward office’s forms fit the screen too', async () => {
    const mobile = await signedInContext(browser, 'vanphong', phone);
    try {
      const small = await mobile.newPage();
      await small.goto(`/nghi-quyet/${resolutionId}`);
      await small.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      await small.getByRole('button', { name: 'Thêm liên kết' }).click();
      await small.getByLabel('Tìm văn bản cần liên kết').fill('91');
      await small.getByRole('radio', { name: /91-NQ\/TU/u }).waitFor();
      expect((await horizontalOverflow(small)).scrollWidth).toBeLessThanOrEqual(390);
      await screenshot(small, 'resolution-phone-staff', true);
      await expectAccessible(small, 'adding a link on a phone');

      await small.getByRole('button', { name: 'Sửa văn bản' }).click();
      await small.getByLabel('Cơ quan ban hành').waitFor();
      expect((await horizontalOverflow(small)).scrollWidth).toBeLessThanOrEqual(390);
      await screenshot(small, 'resolution-phone-edit', true);
      await expectAccessible(small, 'editing on a phone');
    } finally {
      await mobile.close();
    }
  });
});
