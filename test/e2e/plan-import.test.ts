// Story (issue 3): the ward office imports a plan. A text that gives one resolution two different
// dates shows the resolution-date-mismatch diagnostic at its line; fixing the text makes it go
// away as you type. An empty file gets the Vietnamese error; a Word file is read into the editor.
// The same page works on a phone.
import { Document, Packer, Paragraph } from 'docx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cspViolations, expectAccessible, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story } from './support/browser';
import { planFixture } from '../support/fixtures';

const fixture = planFixture;
// Section II cites the resolution again with its date: give it another one.
const SECTION_II_CITATION = 'Các nội dung cốt lõi của Nghị quyết số 91-NQ/TU, ngày 12/5/2026';
const mismatched = fixture.replace(SECTION_II_CITATION, SECTION_II_CITATION.replace('12/5/2026', '15/5/2026'));
const mismatchLine = mismatched.split('\n').findIndex((l) => l.includes('ngày 15/5/2026')) + 1;

story('The ward office imports a plan and fixes what the checker finds', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const editor = () => page.getByLabel('Nội dung kế hoạch');
  const diagnostic = (code: string) => page.locator(`button[data-code="${code}"]`);

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong');
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the menu leads to the import page, which is accessible', async () => {
    expect(mismatched).not.toBe(fixture);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Nhập kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập kế hoạch' }).waitFor();
    expect(await page.title()).toBe('Nhập kế hoạch — QuánTriệt');
    await expectAccessible(page, 'empty import page');
  });

  test('two dates for one resolution show the mismatch at its line, and fixing the text removes it', async () => {
    await editor().fill(mismatched);
    const mismatch = diagnostic('resolution-date-mismatch');
    await mismatch.waitFor();
    expect(await mismatch.count()).toBe(1);
    const text = (await mismatch.textContent()) ?? '';
    expect(text).toContain(`Dòng ${mismatchLine},`);
    expect(text).toContain('Lỗi');
    expect(text).toContain('91-NQ/TU');
    expect(text).toContain('15/5/2026');

    // The line is coloured as an error in the text, and choosing the diagnostic selects that line.
    const row = page.locator('[data-plan-mirror] > div').nth(mismatchLine - 1);
    expect(await row.getAttribute('data-severity')).toBe('error');
    await mismatch.click();
    const selected = await editor().evaluate((el) => {
      const ta = el as HTMLTextAreaElement;
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    expect(selected).toContain('ngày 15/5/2026');
    expect(await page.getByText(`Dòng ${mismatchLine}:`).first().textContent()).toContain('Lỗi');

    // The plan read from the text, beside it: the resolution with its first date, the tasks and their deadlines.
    const structure = page.getByRole('region', { name: 'Kế hoạch đọc được' });
    await structure.getByText('91-NQ/TU', { exact: true }).waitFor();
    await structure.getByText('12/05/2026', { exact: true }).waitFor();
    const tasks = structure.getByRole('table', { name: 'Nhiệm vụ' });
    expect(await tasks.getByRole('row').count()).toBeGreaterThan(6);
    await tasks.getByText('Trước 05/06/2026').first().waitFor();
    await structure.getByText('T/M BAN THƯỜNG VỤ').waitFor();
    await screenshot(page, 'plan-import-mismatch');
    await expectAccessible(page, 'import page with diagnostics');

    // The user corrects the date in the text: the diagnostic disappears as they type.
    const fixedText = (await editor().inputValue()).replace('ngày 15/5/2026', 'ngày 12/5/2026');
    await editor().fill(fixedText);
    await page.waitForFunction(() => document.querySelectorAll('button[data-code="resolution-date-mismatch"]').length === 0);
    expect(await row.getAttribute('data-severity')).not.toBe('error');
    // The genre's other warnings remain (the fixture's real typos), named in Vietnamese.
    const misspellings = await diagnostic('known-misspelling').count();
    expect(misspellings).toBe(2);
    expect(await diagnostic('known-misspelling').first().textContent()).toContain('Viết sai chính tả');
    // A certain fix takes one click; the text is checked again.
    await page.getByRole('button', { name: 'Sửa dòng 27 thành “QUÁN TRIỆT”' }).click();
    await page.waitForFunction(() => document.querySelectorAll('button[data-code="known-misspelling"]').length === 1);
    expect(await editor().inputValue()).toContain('II. NỘI DUNG TUYÊN TRUYỀN, QUÁN TRIỆT, HỌC TẬP');
    expect(await editor().inputValue()).not.toContain('QUẢN TRIỆT');
  });

  test('an empty file is refused with the Vietnamese reason', async () => {
    await page.locator('input[type="file"]').setInputFiles({ name: 'ke-hoach-rong.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) });
    const alert = page.getByRole('alert').filter({ hasText: 'Tệp trống' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Tệp trống: không có nội dung để nhập.');
    // The text being worked on is kept.
    expect(await editor().inputValue()).toContain('KẾ HOẠCH');
  });

  test('a Word file is read by the server into the editor', async () => {
    const doc = new Document({ sections: [{ children: fixture.split('\n').map((line) => new Paragraph(line.replace(/\*\*|\*/gu, ''))) }] });
    const buffer = await Packer.toBuffer(doc);
    await page.locator('input[type="file"]').setInputFiles({
      name: 'ke-hoach-91.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer,
    });
    await page.getByRole('status').filter({ hasText: 'Đã đọc tệp ke-hoach-91.docx.' }).waitFor();
    expect(await editor().inputValue()).toContain('Nơi nhận:');
    await page.getByRole('region', { name: 'Kế hoạch đọc được' }).getByText('Nguyễn Mạnh Hùng').waitFor();
    expect(await diagnostic('resolution-date-mismatch').count()).toBe(0);
  });

  test('"Tạo kế hoạch" creates the draft and opens it', async () => {
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/u);
    await page.getByRole('heading', { level: 1, name: 'Dự thảo kế hoạch' }).waitFor();
    await page.getByText('Bản nháp', { exact: true }).first().waitFor();
    expect(await page.getByLabel('Nội dung kế hoạch').inputValue()).toContain('Nơi nhận:');
    expect(cspViolations(context)).toEqual([]);
  });

  test('on a phone the two sides stack and nothing scrolls sideways', async () => {
    const mobile = await signedInContext(browser, 'banxaydung', phone);
    try {
      const p = await mobile.newPage();
      await p.goto('/nhap-ke-hoach');
      await p.getByRole('heading', { level: 1, name: 'Nhập kế hoạch' }).waitFor();
      await p.getByLabel('Nội dung kế hoạch').fill(mismatched);
      await p.locator('button[data-code="resolution-date-mismatch"]').waitFor();
      const overflow = await horizontalOverflow(p);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
      // Text first, then the diagnostics and the plan read, one under the other.
      const textBox = await p.locator('[data-plan-frame]').boundingBox();
      const structureBox = await p.getByRole('heading', { name: 'Kế hoạch đọc được' }).boundingBox();
      expect(structureBox!.y).toBeGreaterThan(textBox!.y + textBox!.height);
      await screenshot(p, 'plan-import-phone');
      await expectAccessible(p, 'import page on a phone');
    } finally {
      await mobile.close();
    }
  });
});
