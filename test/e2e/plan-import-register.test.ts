// Story (issue 9): a plan cites a resolution the registry lacks, and gives it two dates. Before the
// plan is created, the office says which date is right (each date shown with its lines), keeps the
// whole subject ("…; ở thôn, tổ dân phố") and pastes the core content; the resolution is registered
// with exactly that.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { planFixture } from '../support/fixtures';
import { ApiClient, cspViolations, expectAccessible, launchBrowser, signedInContext, story } from './support/browser';

const OLD_SUBJECT = 'tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội, trọng tâm là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp đến năm 2030';
const SUBJECT = 'nâng cao chất lượng sinh hoạt chi bộ; ở thôn, tổ dân phố';
const CITATION = 'Các nội dung cốt lõi của Nghị quyết số 96-NQ/TU, ngày 12/5/2026';
const source = planFixture
  .replaceAll('91-NQ/TU', '96-NQ/TU')
  .replaceAll(OLD_SUBJECT, SUBJECT)
  .replace(CITATION, CITATION.replace('12/5/2026', '22/5/2026'));
const CONTENT = 'Nâng cao chất lượng sinh hoạt chi bộ ở thôn, tổ dân phố là nhiệm vụ trọng tâm.';

interface ResolutionDto {
  id: string;
  number: string;
  issuedOn: string | null;
  subject: string;
  content: string;
}

story('The office registers the cited resolution while importing a plan', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong');
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('asks which date is right, keeps the whole subject and takes the core content', async () => {
    await page.goto('/nhap-ke-hoach');
    await page.getByRole('heading', { level: 1, name: 'Nhập kế hoạch' }).waitFor();
    await page.getByLabel('Nội dung kế hoạch').fill(source);
    const form = page.getByRole('group', { name: 'Đăng ký Nghị quyết số 96-NQ/TU' });
    await form.waitFor();
    const create = page.getByRole('button', { name: 'Tạo kế hoạch' });
    expect(await create.isDisabled()).toBe(true);
    await page.getByText('Hãy chọn ngày ban hành đúng của Nghị quyết số 96-NQ/TU').waitFor();
    const right = form.getByRole('radio', { name: /^12\/05\/2026 \(dòng [\d, ]+\)$/u });
    await form.getByRole('radio', { name: /^22\/05\/2026 \(dòng \d+\)$/u }).waitFor();
    expect(await form.getByLabel('Trích yếu').inputValue()).toBe(SUBJECT);
    await right.check();
    await form.getByLabel('Nội dung cốt lõi').fill(CONTENT);
    await expectAccessible(page, 'import page registering a resolution');
    await create.click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/u);

    const api = await ApiClient.signIn('vanphong');
    const list = await api.get<{ resolutions: ResolutionDto[] }>('/api/resolutions?q=96-NQ%2FTU');
    const found = list.resolutions.find((r) => r.number === '96-NQ/TU')!;
    const registered = await api.get<{ resolution: ResolutionDto }>(`/api/resolutions/${found.id}`);
    expect(registered.resolution).toMatchObject({ issuedOn: '2026-05-12', subject: SUBJECT, content: CONTENT });
    expect(cspViolations(context)).toEqual([]);
  });
});
