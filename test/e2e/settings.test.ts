// Story: the commune's document settings. The leadership reads them; the ward office switches plan
// numbering to the committee's term (refused without the term's start date, saved with it) and
// the spelling to UỶ; the administrator extends the plan checker's vocabulary and sees the
// server's reasons when it is wrong. Everything is put back as it was.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, cspViolations, expectAccessible, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story } from './support/browser';

interface Settings {
  numbering: 'year' | 'term';
  termStartedOn: string | null;
  uySpelling: 'ỦY' | 'UỶ';
  superiorName: string;
  issuerName: string;
  placeName: string;
  version: number;
}

story('Document settings of the commune', () => {
  let browser: Browser;
  let staffApi: ApiClient;
  let adminApi: ApiClient;
  let original: Settings;
  let originalVocabulary: { data: unknown; version: number };

  const settings = () => staffApi.get<Settings>('/api/settings/documents');

  beforeAll(async () => {
    browser = await launchBrowser();
    staffApi = await ApiClient.signIn('banxaydung');
    adminApi = await ApiClient.signIn('admin');
    original = await settings();
    originalVocabulary = await adminApi.get('/api/plan-import/vocabulary');
  });

  afterAll(async () => {
    // Leave the demo as it was: other stories number and check plans.
    if (staffApi && original) {
      const now = await settings();
      const { numbering, termStartedOn, uySpelling, superiorName, issuerName, placeName } = original;
      await staffApi.request('PUT', '/api/settings/documents', { version: now.version, numbering, termStartedOn, uySpelling, superiorName, issuerName, placeName });
    }
    if (adminApi && originalVocabulary) {
      const now = await adminApi.get<{ version: number }>('/api/plan-import/vocabulary');
      if (now.version !== originalVocabulary.version) await adminApi.request('PUT', '/api/plan-import/vocabulary', { version: now.version, data: originalVocabulary.data });
    }
    await browser?.close();
  });

  async function open(username: string, options?: Parameters<typeof signedInContext>[2]) {
    const context = await signedInContext(browser, username, options);
    const page = await context.newPage();
    if (options) await page.goto('/thiet-lap');
    else {
      await page.goto('/');
      await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Thiết lập văn bản' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Thiết lập văn bản' }).waitFor();
    return { context, page };
  }

  test('the leadership reads the settings and the header they print, without changing them', async () => {
    const { context, page } = await open('thuongtruc');
    try {
      await page.getByText('Bạn chỉ được xem thiết lập này.').waitFor();
      await page.getByText('Đánh số lại từ 01 mỗi năm').waitFor();
      await page.getByText('ĐẢNG ỦY PHƯỜNG NÔNG TIẾN', { exact: true }).waitFor();
      expect(await page.getByRole('form', { name: 'Đánh số và tên cơ quan' }).getByRole('button', { name: 'Lưu' }).count()).toBe(0);
      expect(await page.getByRole('textbox').count()).toBe(0);
      expect(await page.getByRole('heading', { name: 'Từ vựng kiểm tra kế hoạch' }).count()).toBe(0);
      await expectAccessible(page, 'settings read by the leadership');
    } finally {
      await context.close();
    }
  });

  test('the ward office switches to term numbering: refused without the start date, saved with it', async () => {
    const { context, page } = await open('vanphong');
    try {
      const before = await settings();
      await page.getByRole('radio', { name: 'Đánh số liên tục trong nhiệm kỳ của cấp ủy' }).check();
      await page.getByRole('form', { name: 'Đánh số và tên cơ quan' }).getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đánh số theo nhiệm kỳ cần ngày bắt đầu nhiệm kỳ.').waitFor();
      expect(await page.getByLabel('Ngày bắt đầu nhiệm kỳ').evaluate((el) => el === document.activeElement)).toBe(true);
      await screenshot(page, 'settings-term-error', true);
      await expectAccessible(page, 'settings with the missing date');
      expect((await settings()).version).toBe(before.version);
      // The server refuses it too, whoever asks.
      const direct = await staffApi.request<{ error: { message: string } }>('PUT', '/api/settings/documents', { version: before.version, numbering: 'term' });
      expect(direct.status).toBe(400);

      await page.getByLabel('Ngày bắt đầu nhiệm kỳ').fill('31/09/2025');
      await page.getByRole('form', { name: 'Đánh số và tên cơ quan' }).getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Ngày này không có trong lịch.').waitFor();

      await page.getByLabel('Ngày bắt đầu nhiệm kỳ').fill('01/10/2025');
      await page.getByRole('radio', { name: /^UỶ/u }).check();
      await page.getByText('ĐẢNG UỶ PHƯỜNG NÔNG TIẾN', { exact: true }).waitFor();
      await page.getByRole('form', { name: 'Đánh số và tên cơ quan' }).getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thiết lập văn bản.' }).waitFor();
      expect(await settings()).toMatchObject({ numbering: 'term', termStartedOn: '2025-10-01', uySpelling: 'UỶ', version: before.version + 1 });
      await expectAccessible(page, 'settings saved');

      // A colleague changes the place name meanwhile: our next save is stopped, not lost silently.
      const now = await settings();
      expect((await staffApi.request('PUT', '/api/settings/documents', { version: now.version, placeName: 'Phường Nông Tiến' })).status).toBe(200);
      await page.getByLabel('Tên cơ quan ban hành').fill('Đảng uỷ phường Nông Tiến');
      await page.getByRole('form', { name: 'Đánh số và tên cơ quan' }).getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('alert').filter({ hasText: 'Người khác vừa đổi thiết lập văn bản' }).waitFor();
      await page.getByRole('button', { name: 'Tải thiết lập mới nhất' }).click();
      expect(await page.getByLabel('Địa danh ghi ngày tháng').inputValue()).toBe('Phường Nông Tiến');
      expect((await settings()).issuerName).toBe(original.issuerName);
      expect(cspViolations(context)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the administrator extends the vocabulary and sees the server’s reasons for a wrong one', async () => {
    const { context, page } = await open('admin');
    try {
      // The administrator works in the commune chosen in the header (the province's first, Nông Tiến):
      // its document settings are here too.
      await page.getByRole('region', { name: 'Đánh số và tên cơ quan' }).getByRole('button', { name: 'Lưu' }).waitFor();
      const vocabulary = page.getByRole('region', { name: 'Từ vựng kiểm tra kế hoạch' });
      await vocabulary.getByRole('heading', { name: 'Từ vựng kiểm tra kế hoạch' }).waitFor();
      const json = page.getByLabel('Từ vựng bổ sung (JSON)');
      const save = vocabulary.getByRole('button', { name: 'Lưu' });

      await json.fill('{ "misspellings": { "tuyen truyen": 5 }, "donvi": [] }');
      await save.click();
      const errors = page.getByRole('alert').filter({ hasText: 'Từ vựng bổ sung chưa hợp lệ' });
      await errors.waitFor();
      const text = await errors.textContent();
      expect(text).toContain('Khóa “donvi” không được hỗ trợ');
      expect(text).toContain('“misspellings”["tuyen truyen"] phải là một chuỗi không rỗng.');
      await expectAccessible(page, 'vocabulary refused');

      await json.fill('{ "misspellings": ');
      await save.click();
      await page.getByText('Nội dung không phải JSON hợp lệ').waitFor();

      await json.fill('{}');
      await page.getByLabel('Viết sai').fill('quán triêt');
      await page.getByLabel('Viết đúng').fill('quán triệt');
      await page.getByRole('button', { name: 'Thêm vào' }).click();
      expect(JSON.parse(await json.inputValue())).toEqual({ misspellings: { 'quán triêt': 'quán triệt' } });
      await save.click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu từ vựng bổ sung' }).waitFor();
      const saved = await adminApi.get<{ data: { misspellings?: Record<string, string> } }>('/api/plan-import/vocabulary');
      expect(saved.data.misspellings).toEqual({ 'quán triêt': 'quán triệt' });
      await screenshot(page, 'settings-vocabulary', true);
    } finally {
      await context.close();
    }
  });

  test('on a 390 px phone the settings form fits the screen', async () => {
    const { context, page } = await open('banxaydung', phone);
    try {
      await page.getByRole('form', { name: 'Đánh số và tên cơ quan' }).getByRole('button', { name: 'Lưu' }).waitFor();
      expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
      await screenshot(page, 'settings-phone', true);
      await expectAccessible(page, 'settings on a phone');
    } finally {
      await context.close();
    }
  });
});
