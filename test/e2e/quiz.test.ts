// Story (issue 14): the demo member `dangvien`, on a 390 × 844 phone, opens resolution 91-NQ/TU, sees
// its quiz (their first attempt 7/10 from the demo), starts a new attempt: the timer and the progress
// stay in view, one question at a time; answers every question, submits, and sees the score and each
// question right or wrong. Nothing scrolls sideways and axe finds no serious problem.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cspViolations, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, screenshot, signInThroughPage, story } from './support/browser';

story('A member takes the quiz on 91-NQ/TU on a phone and sees the score', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('from the resolution to the quiz: the settings and the earlier attempt', async () => {
    await signInThroughPage(page, 'dangvien');
    await page.goto('/nghi-quyet');
    await page.getByRole('link', { name: /91-NQ\/TU/u }).first().click();
    await page.getByRole('region', { name: 'Bài kiểm tra' }).waitFor();
    await page.getByRole('link', { name: 'Làm bài kiểm tra' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bài kiểm tra Nghị quyết số 91-NQ/TU' }).waitFor();
    await page.getByText('Mỗi lần làm bài: 10 câu hỏi rút ngẫu nhiên, trong 15 phút.').waitFor();
    const attempts = page.getByRole('list', { name: 'Các lần làm bài' });
    await attempts.getByRole('listitem').first().waitFor();
    expect(await attempts.getByRole('listitem').first().textContent()).toContain('Đúng 7/10 câu');
    await page.getByText('Điểm được tính: 7/10').waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'quiz page on a phone');
  });

  test('a new attempt: timer and progress in view, every question answered, submitted, the score shown', async () => {
    await page.getByRole('button', { name: 'Làm bài lần mới' }).click();
    const timer = page.getByRole('timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/^Còn 1[45]:\d\d$/u);
    await page.getByText('Câu 1/10').waitFor();
    await expectAccessible(page, 'a quiz question on a phone');
    for (let i = 1; i <= 10; i++) {
      await page.getByText(`Câu ${i}/10`).waitFor();
      const radios = page.getByRole('radio');
      if ((await radios.count()) > 0) await radios.first().check();
      else await page.getByRole('checkbox').first().check();
      await page.getByText(`Đã trả lời ${i}/10 câu`).waitFor();
      expect(await timer.isVisible()).toBe(true);
      if (i < 10) await page.getByRole('button', { name: 'Câu sau ›' }).click();
    }
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'quiz-question-phone', true);
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByText(/^Điểm: \d+(,\d)?\/10$/u).waitFor();
    await page.getByText(/Bạn trả lời đúng \d+\/10 câu \(lần làm bài thứ 2\)/u).waitFor();
    const results = page.getByRole('list', { name: 'Kết quả từng câu' });
    expect(await results.getByRole('listitem').count()).toBe(10);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'quiz-result-phone', true);
    await expectAccessible(page, 'quiz result on a phone');

    await page.getByRole('button', { name: 'Về trang bài kiểm tra' }).click();
    await page.getByRole('list', { name: 'Các lần làm bài' }).getByRole('listitem').nth(1).waitFor();
    await page.getByText('Bạn còn 1 lần làm bài.').waitFor();
    expect(cspViolations(context)).toEqual([]);
  });

  test('the ward office keeps the bank: 15 questions, the settings, the results by cell; adds a question', async () => {
    const office = await newContext(browser, phone);
    const staff = await office.newPage();
    await signInThroughPage(staff, 'vanphong');
    await staff.goto('/nghi-quyet');
    await staff.getByRole('link', { name: /91-NQ\/TU/u }).first().click();
    await staff.getByRole('region', { name: 'Bài kiểm tra' }).getByRole('link', { name: 'Quản lý câu hỏi và kết quả' }).click();
    await staff.getByRole('heading', { level: 2, name: 'Ngân hàng câu hỏi (15)' }).waitFor();
    await staff.getByRole('region', { name: 'Kết quả theo chi bộ' }).getByText('Chi bộ Tràng Đà 1').waitFor();
    expect(await staff.getByLabel('Số câu mỗi lần').inputValue()).toBe('10');
    const form = staff.getByRole('form', { name: 'Thêm câu hỏi' });
    await form.getByLabel('Nội dung câu hỏi').fill('Nghị quyết số 91-NQ/TU có hiệu lực đến năm nào? (câu thử)');
    await form.getByLabel('Phương án 1', { exact: true }).fill('Năm 2030');
    await form.getByLabel('Phương án 2', { exact: true }).fill('Năm 2040');
    await form.getByLabel('Phương án 1 đúng').check();
    await form.getByRole('button', { name: 'Thêm câu hỏi' }).click();
    await staff.getByText('Đã thêm câu hỏi.').waitFor();
    await staff.getByRole('heading', { level: 2, name: 'Ngân hàng câu hỏi (16)' }).waitFor();
    expect((await horizontalOverflow(staff)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(staff, 'quiz-bank-phone', true);
    await expectAccessible(staff, 'quiz bank on a phone');
    expect(cspViolations(office)).toEqual([]);
    await office.close();
  });
});
