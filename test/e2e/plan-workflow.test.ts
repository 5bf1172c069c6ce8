// Story (issue 4): a plan from registration to reading. The office registers a new resolution,
// clones the 91-NQ/TU plan for it, adds a task for the Fatherland Front to section IV, saves and
// submits; the leadership approves; the office issues it; the People's Committee finds it in its
// inbox (on a phone) and opens it; the office sees the read receipt and downloads the DOCX.
// Meanwhile a colleague saving an older version of the draft is told, and loses nothing.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ApiClient,
  cspViolations,
  expectAccessible,
  horizontalOverflow,
  launchBrowser,
  newContext,
  phone,
  screenshot,
  signedInContext,
  signInThroughPage,
  story,
} from './support/browser';

const NUMBER = '102-NQ/TU';
const SUBJECT = 'đẩy mạnh chuyển đổi số, phát triển kinh tế số và xã hội số trên địa bàn tỉnh đến năm 2030';
const FRONT = 'Ủy ban Mặt trận Tổ quốc phường';
const FRONT_TASK = `5. ${FRONT}\n\nTuyên truyền, vận động đoàn viên, hội viên và Nhân dân thực hiện Nghị quyết số ${NUMBER}. Hoàn thành trước ngày 30/6/2026.\n\n`;

interface PlanDto {
  id: string;
  status: string;
  version: number;
  number: number | null;
  numberText: string;
  source: string;
  resolutions: { number: string }[];
  body: { tasks: { assignee: string; due: { kind: string; date?: string } | null }[] };
}

story('A plan goes from the resolution to the recipients’ inbox', () => {
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let planId: string;
  let colleague: BrowserContext;
  let stale: Page;

  const editor = (p: Page) => p.getByLabel('Nội dung kế hoạch');
  const status = (p: Page) => p.getByRole('heading', { level: 1 }).locator('xpath=..').getByText(/^(Bản nháp|Đã trình|Đã duyệt|Đã ban hành)$/u);
  const loadPlan = () => api.get<PlanDto>(`/api/plans/${planId}`);

  beforeAll(async () => {
    browser = await launchBrowser();
    api = await ApiClient.signIn('banxaydung');
    office = await signedInContext(browser, 'vanphong');
    page = await office.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the office registers a resolution and clones the 91-NQ/TU plan for it', async () => {
    const created = await api.request<{ id: string }>('POST', '/api/resolutions', {
      kind: 'nghi-quyet',
      number: NUMBER,
      issuedOn: '2026-05-20',
      issuer: 'Ban Thường vụ Tỉnh ủy',
      subject: SUBJECT,
      content: 'Nội dung cốt lõi về chuyển đổi số.',
    });
    expect(created.status).toBe(201);

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
    await page.getByRole('list', { name: 'Danh sách kế hoạch' }).getByText('Số 1-KH/ĐU').waitFor();
    await expectAccessible(page, 'plan list');

    await page.getByRole('link', { name: 'Tạo kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tạo kế hoạch' }).waitFor();
    await page.getByRole('radio', { name: /Sao từ kế hoạch trước/u }).check();
    const source = page.getByLabel('Kế hoạch làm bản gốc');
    const options = await source.locator('option').evaluateAll((els) => els.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })));
    const plan91 = options.find((o) => o.label.startsWith('Số 1-KH/ĐU') && o.label.includes('91-NQ/TU'));
    expect(plan91).toBeDefined();
    await source.selectOption(plan91!.value);
    await page.getByLabel('Tìm nghị quyết').fill(NUMBER);
    const choice = page.getByRole('radio', { name: new RegExp(NUMBER.replace(/[/]/gu, '\\/'), 'u') });
    await choice.waitFor();
    await choice.check();
    await expectAccessible(page, 'create plan page');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();

    await page.waitForURL(/\/ke-hoach\/[0-9a-f-]{36}$/u);
    planId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'Dự thảo kế hoạch' }).waitFor();
    expect(await status(page).textContent()).toBe('Bản nháp');
    // The clone cites the new resolution, not 91-NQ/TU.
    const text = await editor(page).inputValue();
    expect(text).toContain(NUMBER);
    expect(text).not.toContain('91-NQ/TU');
    const plan = await loadPlan();
    expect(plan.resolutions.map((r) => r.number)).toEqual([NUMBER]);
  });

  test('the office adds a task for the Fatherland Front to section IV and saves; a stale copy gets the conflict', async () => {
    // A colleague opens the same draft before the change is saved.
    colleague = await signedInContext(browser, 'banxaydung');
    stale = await colleague.newPage();
    await stale.goto(`/ke-hoach/${planId}`);
    await editor(stale).waitFor();

    const before = await editor(page).inputValue();
    const at = before.indexOf('Nơi nhận:');
    expect(at).toBeGreaterThan(0);
    await editor(page).fill(before.slice(0, at) + FRONT_TASK + before.slice(at));
    const tasks = page.getByRole('table', { name: 'Nhiệm vụ' });
    const row = tasks.getByRole('row').filter({ hasText: FRONT });
    await row.waitFor();
    expect(await row.textContent()).toContain('Trước 30/06/2026');
    await page.getByText('Có thay đổi chưa lưu.').waitFor();
    // A draft with unsaved changes cannot be submitted yet.
    expect(await page.getByRole('button', { name: 'Trình duyệt' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu bản nháp.' }).waitFor();
    await screenshot(page, 'plan-draft-saved');
    await expectAccessible(page, 'draft plan page');

    const saved = await loadPlan();
    expect(saved.version).toBe(2);
    const front = saved.body.tasks.find((t) => t.assignee === FRONT);
    expect(front?.due).toMatchObject({ kind: 'before', date: '2026-06-30' });

    // The colleague, still on version 1, changes the signer and saves: they are told, and see the other text.
    const theirs = await editor(stale).inputValue();
    await editor(stale).fill(theirs.replace('PHÓ BÍ THƯ', 'BÍ THƯ'));
    await stale.getByRole('button', { name: 'Lưu bản nháp' }).click();
    const conflict = stale.getByRole('alert').filter({ hasText: 'Người khác vừa sửa kế hoạch này' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Kế hoạch đã được người khác sửa trong lúc bạn làm việc.');
    expect(await conflict.getByLabel('Bản người khác vừa lưu').inputValue()).toContain(FRONT);
    // Their own text is still in the editor, unsaved.
    expect(await editor(stale).inputValue()).toContain('\nBÍ THƯ');
    await screenshot(stale, 'plan-conflict');
    await expectAccessible(stale, 'plan page with a conflict');
    await conflict.getByRole('button', { name: 'Tải bản mới nhất' }).click();
    expect(await editor(stale).inputValue()).toContain(FRONT);
    // What they had typed stays on screen to copy from.
    expect(await stale.getByRole('textbox', { name: 'Bản bạn soạn trước khi tải lại (chưa lưu)' }).inputValue()).toContain('\nBÍ THƯ');
    expect((await loadPlan()).version).toBe(2);
    await colleague.close();
  });

  test('the office submits; the leadership signs in and approves; the office issues it', async () => {
    await page.getByRole('button', { name: 'Trình duyệt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã trình kế hoạch' }).waitFor();
    expect(await status(page).textContent()).toBe('Đã trình');
    // No longer a draft: read-only.
    expect(await editor(page).getAttribute('readonly')).not.toBeNull();

    const leaderContext = await newContext(browser);
    const leader = await leaderContext.newPage();
    await signInThroughPage(leader, 'thuongtruc');
    await leader.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await leader.getByRole('link', { name: new RegExp(NUMBER.replace(/[/]/gu, '\\/'), 'u') }).click();
    await leader.getByRole('heading', { level: 1, name: 'Dự thảo kế hoạch' }).waitFor();
    expect(await leader.getByRole('button', { name: 'Ban hành' }).count()).toBe(0);
    await leader.getByRole('button', { name: 'Duyệt', exact: true }).click();
    // Approving asks for confirmation.
    await leader.getByRole('dialog', { name: 'Duyệt kế hoạch' }).getByRole('button', { name: 'Xác nhận duyệt' }).click();
    await leader.getByRole('status').filter({ hasText: 'Đã duyệt kế hoạch.' }).waitFor();
    expect(await status(leader).textContent()).toBe('Đã duyệt');
    await expectAccessible(leader, 'approved plan seen by the leadership');
    expect(cspViolations(leaderContext)).toEqual([]);
    await leaderContext.close();

    await page.reload();
    await page.getByRole('button', { name: 'Ban hành', exact: true }).waitFor();
    expect(await page.getByLabel('Ngày ban hành').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    await page.getByRole('button', { name: 'Ban hành', exact: true }).click();
    // Issuing cannot be undone: the confirmation shows the number and date it will take.
    const confirm = page.getByRole('dialog', { name: 'Ban hành kế hoạch' });
    const will = (await confirm.getByText(/^Số \d+-KH\/ĐU, ngày \d{2}\/\d{2}\/\d{4}$/u).textContent()) ?? '';
    await confirm.getByRole('button', { name: /^Ban hành Số \d+-KH\/ĐU$/u }).click();
    await page.getByRole('status').filter({ hasText: 'Đã ban hành kế hoạch' }).waitFor();
    expect(await status(page).textContent()).toBe('Đã ban hành');
    const issued = await loadPlan();
    expect(issued.status).toBe('issued');
    expect(issued.numberText).toMatch(/^Số \d+-KH\/ĐU$/u);
    expect(will.startsWith(`${issued.numberText}, ngày `)).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Kế hoạch số ${issued.number}-KH/ĐU`);
    await page.getByRole('button', { name: 'Tạo phiên bản mới' }).waitFor();
  });

  test('the People’s Committee finds it in its inbox on a phone and opens it', async () => {
    const ubnd = await signedInContext(browser, 'ubnd', phone);
    const p = await ubnd.newPage();
    await p.goto('/');
    await p.getByRole('button', { name: 'Mở menu' }).click();
    await p.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Văn bản đến' }).click();
    await p.getByRole('heading', { level: 1, name: 'Văn bản đến' }).waitFor();
    const list = p.getByRole('list', { name: 'Danh sách văn bản đến' });
    const item = list.getByRole('listitem').filter({ hasText: NUMBER });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).not.toBeNull();
    // Unread first: the new plan is above the demo plan, which the committee has read.
    expect(await list.getByRole('listitem').first().textContent()).toContain(NUMBER);
    expect(await item.textContent()).toContain('Chưa đọc');
    expect((await horizontalOverflow(p)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(p, 'inbox-phone');
    await expectAccessible(p, 'inbox on a phone');

    await item.getByRole('button', { name: /Mở văn bản/u }).click();
    await p.waitForURL(`**/ke-hoach/${planId}`);
    await p.getByRole('heading', { level: 1, name: /^Kế hoạch số \d+-KH\/ĐU$/u }).waitFor();
    expect(await editor(p).getAttribute('readonly')).not.toBeNull();
    await p.getByRole('group', { name: 'Tải văn bản kế hoạch' }).getByRole('button', { name: 'Tải DOCX' }).waitFor();
    expect(await p.getByRole('button', { name: 'Ban hành' }).count()).toBe(0);
    expect((await horizontalOverflow(p)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(p, 'inbox-plan-phone');
    await expectAccessible(p, 'issued plan opened from the inbox on a phone');

    await p.getByRole('link', { name: 'Văn bản đến' }).first().click();
    const again = p.getByRole('list', { name: 'Danh sách văn bản đến' }).getByRole('listitem').filter({ hasText: NUMBER });
    await again.getByText('Đã đọc', { exact: true }).waitFor();
    expect(cspViolations(ubnd)).toEqual([]);
    await ubnd.close();
  });

  test('the office sees the read receipt and downloads the documents', async () => {
    await page.reload();
    const receipts = page.getByRole('table', { name: 'Tình hình nhận văn bản' });
    const ubndRow = receipts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ủy ban nhân dân phường', exact: true }) });
    await ubndRow.waitFor();
    expect(await ubndRow.textContent()).toContain('Đã đọc');
    expect(await ubndRow.textContent()).toContain('Ma Văn Thắng');
    // The collective recipient line reached the cells, which have not read it yet.
    const cell = receipts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Chi bộ Tràng Đà 1', exact: true }) });
    expect(await cell.textContent()).toContain('Chưa đọc');
    await screenshot(page, 'plan-issued-office');
    await expectAccessible(page, 'issued plan seen by the office');

    const issued = await loadPlan();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải DOCX' }).click()]);
    // The server names it after the number and symbol ("ke-hoach-2-KH-ĐU.docx").
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(new RegExp(`^ke-hoach-${issued.number}-KH-[ĐD]U\\.docx$`, 'u'));
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.getByRole('status').filter({ hasText: `Đã tải tệp ${fileName}.` }).waitFor();

    // PDF: the file where LibreOffice is installed, otherwise the server's message on how to enable it.
    const pdf = await Promise.race([
      page.waitForEvent('download', { timeout: 60_000 }).then((d) => ({ file: d.suggestedFilename() })),
      page
        .getByRole('alert')
        .filter({ hasText: 'LibreOffice' })
        .waitFor({ timeout: 60_000 })
        .then(() => ({ file: null })),
      page.getByRole('button', { name: 'Tải PDF' }).click().then(() => new Promise<never>(() => {})),
    ]);
    if (pdf.file) expect(pdf.file).toBe(fileName.replace(/\.docx$/u, '.pdf'));

    // The preview is the HTML document, opened in a new tab.
    const preview = page.getByRole('link', { name: 'Xem trước' });
    expect(await preview.getAttribute('target')).toBe('_blank');
    const html = await page.request.get((await preview.getAttribute('href'))!);
    expect(html.headers()['content-type']).toContain('text/html');
    expect(await html.text()).toContain(FRONT);
    expect(cspViolations(office)).toEqual([]);
  });
});
