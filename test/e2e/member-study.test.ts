// Story (issue 14): the demo member ("dangvien"), on a 390 × 844 phone, opens "Học tập của tôi", reads
// Nghị quyết 91-NQ/TU's core content under plan 1-KH/ĐU and submits a reflection and a commitment
// (after the plan's deadline, so it is marked late); the secretary of the cell ("bithu") opens
// "Bài thu hoạch", reads it and marks it Đạt with a comment; the member sees the result. Text typed
// with <script> shows as text. The ward office sets the plan's reflection deadline from the plan's page
// (a change made meanwhile by someone else is refused and the current one shown); the member reads it on
// "Học tập của tôi", with the yearly summary as DOCX and PDF. Nothing scrolls sideways and axe finds no
// serious problem.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, cspViolations, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, screenshot, signedInContext, signInThroughPage, story } from './support/browser';

const REFLECTION = 'Nghị quyết 91-NQ/TU lấy hạ tầng giao thông làm khâu đột phá. <script>alert(1)</script> Tôi liên hệ với tuyến ngõ của tổ dân phố.';
const COMMITMENT = 'Tôi cam kết vận động 05 hộ gia đình hiến đất mở rộng ngõ.';
const COMMENT = 'Bài viết đạt yêu cầu, cam kết cụ thể.';

story('A member studies the resolution on a phone and submits a reflection; the secretary reviews it', () => {
  let browser: Browser;
  let memberContext: BrowserContext;
  let member: Page;
  let planId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    memberContext = await newContext(browser, phone);
    member = await memberContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  const section = (page: Page) => page.locator('section', { has: page.locator(`[id="plan-${planId}"]`) });

  test('the member reads the resolution and submits a reflection and a commitment (late: marked so)', async () => {
    await signInThroughPage(member, 'dangvien');
    const { plans } = (await (await member.request.get('/api/plans')).json()) as { plans: { id: string; status: string; issuedOn: string | null }[] };
    planId = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!.id;
    await member.goto('/hoc-tap');
    await member.getByRole('heading', { level: 1, name: 'Học tập của tôi' }).waitFor();
    const mine = section(member);
    await mine.getByRole('heading', { name: 'Nội dung cốt lõi' }).first().waitFor();
    expect(await mine.textContent()).toContain('hạ tầng giao thông');
    await mine.getByText('Hạn nộp: 31/05/2026', { exact: false }).waitFor();
    await expectAccessible(member, 'member portal');
    const form = mine.getByRole('form', { name: 'Viết bài thu hoạch' });
    await form.getByLabel('Bài thu hoạch').fill(REFLECTION);
    await form.getByLabel('Bản cam kết').fill(COMMITMENT);
    await form.getByRole('button', { name: 'Nộp bài thu hoạch' }).click();
    await mine.getByText('Đã nộp bài thu hoạch', { exact: false }).waitFor();
    await mine.getByText('Nộp trễ hạn', { exact: true }).waitFor();
    await mine.getByText('Chờ nhận xét', { exact: true }).waitFor();
    // Typed markup is text, never markup.
    await mine.getByText(REFLECTION).waitFor();
    expect(await member.evaluate(() => document.querySelectorAll('main script').length)).toBe(0);
    expect((await horizontalOverflow(member)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(member, 'member-study-phone', true);
    await expectAccessible(member, 'reflection submitted');
    expect(cspViolations(memberContext)).toEqual([]);
  });

  test('the secretary reviews it on a phone: Đạt with a comment', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await signInThroughPage(page, 'bithu');
    await page.goto(`/thu-hoach?plan=${planId}`);
    await page.getByRole('heading', { level: 1, name: 'Bài thu hoạch' }).waitFor();
    const list = page.getByRole('list', { name: 'Bài thu hoạch của Chi bộ Tràng Đà 1' });
    const me = (await (await member.request.get('/api/my/study')).json()) as { member: { fullName: string } };
    const card = list.getByRole('listitem').filter({ hasText: me.member.fullName });
    await card.getByText('Chờ nhận xét', { exact: true }).waitFor();
    await card.getByRole('button', { name: `Đọc và nhận xét: ${me.member.fullName}` }).click();
    await card.getByText(COMMITMENT).waitFor();
    const form = card.getByRole('form', { name: `Nhận xét bài của ${me.member.fullName}` });
    await form.getByLabel('Đạt', { exact: true }).check();
    await form.getByLabel('Nhận xét').fill(COMMENT);
    await expectAccessible(page, 'secretary reviewing');
    await form.getByRole('button', { name: 'Lưu nhận xét' }).click();
    // Saved: the form closes and the badge reads Đạt.
    await card.getByRole('button', { name: `Đọc bài: ${me.member.fullName}` }).waitFor();
    expect(await card.getByText('Đạt', { exact: true }).count()).toBe(1);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'reflections-review-phone', true);
    await expectAccessible(page, 'reflection reviewed');
    expect(cspViolations(context)).toEqual([]);
    await context.close();
  });

  test('the member sees the result: Đạt, the secretary\'s comment, no more editing', async () => {
    await member.reload();
    const mine = section(member);
    await mine.getByText('Nhận xét của bí thư chi bộ: Đạt').waitFor();
    await mine.getByText(COMMENT).waitFor();
    expect(await mine.getByRole('button', { name: 'Sửa bài' }).count()).toBe(0);
    await member.getByRole('list', { name: /Kết quả học tập năm/u }).getByText('Bài thu hoạch: Đạt (nộp trễ hạn)').first().waitFor();
    await expectAccessible(member, 'member sees the review');
  });

  test('the ward office sets the reflection deadline on the plan; a stale change is refused; the member reads it', async () => {
    // The date stays the demo's 31/05/2026 (the other stories read it): set by the ward now, not changed.
    const staffContext = await signedInContext(browser, 'vanphong', phone);
    const staff = await staffContext.newPage();
    await staff.goto(`/ke-hoach/${planId}`);
    await staff.getByRole('link', { name: 'Bài thu hoạch, hạn nộp' }).click();
    const form = staff.getByRole('form', { name: 'Hạn nộp bài thu hoạch' });
    await form.waitFor();
    await form.getByLabel(/hạn nộp/iu).fill('2026-05-31');
    await form.getByRole('button', { name: 'Lưu hạn nộp' }).click();
    await form.getByText('Đã đặt hạn nộp bài thu hoạch: 31/05/2026', { exact: false }).waitFor();
    await expectAccessible(staff, 'reflection deadline set');
    expect((await horizontalOverflow(staff)).scrollWidth).toBeLessThanOrEqual(390);

    // Someone else saves meanwhile (the same date, a new version): this page's change is refused, nothing changes.
    const other = await ApiClient.signIn('banxaydung');
    const { deadlineVersion } = await other.get<{ deadlineVersion: number }>(`/api/plans/${planId}/reflections`);
    expect((await other.request('PUT', `/api/plans/${planId}/reflection-deadline`, { dueOn: '2026-05-31', version: deadlineVersion })).status).toBe(200);
    await form.getByLabel(/hạn nộp/iu).fill('2026-06-30');
    await form.getByRole('button', { name: 'Lưu hạn nộp' }).click();
    await form.getByText('Hạn nộp vừa được người khác đổi', { exact: false }).waitFor();
    expect((await other.get<{ deadline: string }>(`/api/plans/${planId}/reflections`)).deadline).toBe('2026-05-31');
    await staffContext.close();

    await member.goto('/hoc-tap');
    await section(member).getByText('Hạn nộp: 31/05/2026', { exact: false }).waitFor();
    const pdf = member.getByRole('link', { name: 'Tải phiếu tổng hợp (PDF)' });
    expect(await pdf.getAttribute('href')).toMatch(/\/record\.pdf\?year=\d{4}$/u);
  });
});
