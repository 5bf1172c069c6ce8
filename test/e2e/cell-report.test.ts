// Story: on a 390 px phone, the secretary of Chi bộ Tràng Đà 1 opens the report of the cell's held
// study session, scores every item (the total and rating follow), submits after confirming; the
// ward's Ban xây dựng Đảng returns it with a comment; the secretary sees the comment, fixes and
// resubmits; the ward accepts it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, newContext, phone, signInThroughPage, story } from './support/browser';

story('A cell secretary reports from a phone and the ward reviews it', () => {
  let browser: Browser;
  let secretary: BrowserContext;
  let page: Page;
  let sessionId = '';

  beforeAll(async () => {
    // The cell's session of the issued plan, held (through the API) if the demo left it unheld.
    const api = await ApiClient.signIn('bithu');
    const cell = await findUnit(api, 'Chi bộ Tràng Đà 1');
    // The demo's plan (issued on 15/05/2026), not one another story issued meanwhile.
    const { plans } = await api.get<{ plans: { id: string; status: string; issuedOn: string | null }[] }>('/api/plans');
    const demoPlan = plans.find((p) => p.status === 'issued' && p.issuedOn === '2026-05-15')!;
    const { sessions } = await api.get<{ sessions: { id: string; kind: string; planId: string; heldOn: string | null }[] }>(`/api/units/${cell.id}/sessions`);
    const session = sessions.find((s) => s.kind === 'regular' && s.planId === demoPlan.id)!;
    sessionId = session.id;
    if (!session.heldOn) {
      const detail = await api.get<{ version: number; expected: { memberId: string }[] }>(`/api/sessions/${sessionId}`);
      const marked = await api.request<{ version: number }>('PUT', `/api/sessions/${sessionId}/attendance`, { version: detail.version, marks: detail.expected.map((p) => ({ memberId: p.memberId, status: 'present' })) });
      const held = await api.request('POST', `/api/sessions/${sessionId}/held`, { version: marked.data.version, heldOn: '2026-05-26' });
      expect(held.status).toBe(200);
    }
    browser = await launchBrowser();
    secretary = await newContext(browser, phone);
    page = await secretary.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('opens the report from the session, scores every item and submits', async () => {
    await signInThroughPage(page, 'bithu');
    await page.goto(`/sinh-hoat/${sessionId}`);
    await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
    await page.waitForURL(/\/bao-cao\//);
    await page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả — Chi bộ Tràng Đà 1' }).waitFor();
    await page.getByText('Phải tham gia').waitFor();
    const inputs = page.getByRole('textbox', { name: /\(tối đa \d+\)$/u });
    const count = await inputs.count();
    expect(count).toBeGreaterThan(2);
    for (let i = 0; i < count; i++) {
      const label = (await inputs.nth(i).getAttribute('id'))!;
      const max = Number((await page.locator(`label[for="${label}"]`).textContent())!.match(/tối đa (\d+)/u)![1]);
      await inputs.nth(i).fill(String(max));
    }
    await page.getByRole('status').filter({ hasText: 'Tổng điểm: 100 — Xếp loại: Tốt' }).waitFor();
    await page.getByLabel('Tóm tắt nội dung thảo luận').fill('Chi bộ thảo luận sôi nổi, thống nhất cao.');
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'cell report form on a phone');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi báo cáo lên Đảng ủy?' });
    await dialog.getByText('Tổng điểm 100, xếp loại Tốt.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi', { exact: true }).waitFor();
    await expectAccessible(page, 'submitted report on a phone');
  });

  test('the ward returns it with a comment; the secretary fixes it and resubmits; the ward accepts', async () => {
    const ward = await newContext(browser, phone);
    const wardPage = await ward.newPage();
    await signInThroughPage(wardPage, 'banxaydung');
    await wardPage.goto(`/bao-cao/${sessionId}`);
    await wardPage.getByRole('heading', { name: 'Đảng ủy xem xét' }).waitFor();
    await expectAccessible(wardPage, "the ward's view of a report");
    await wardPage.getByLabel('Ý kiến của Đảng ủy').fill('Bổ sung kiến nghị, đề xuất của đảng viên.');
    await wardPage.getByRole('button', { name: 'Trả lại' }).click();
    await wardPage.getByText('Bị trả lại', { exact: true }).waitFor();

    await page.reload();
    await page.getByText('Bổ sung kiến nghị, đề xuất của đảng viên.').waitFor();
    await page.getByLabel('Kiến nghị, đề xuất').fill('Đề nghị Đảng ủy cấp thêm tài liệu in.');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi', { exact: true }).waitFor();

    await wardPage.reload();
    await wardPage.getByText('Đề nghị Đảng ủy cấp thêm tài liệu in.').waitFor();
    await wardPage.getByRole('button', { name: 'Tiếp nhận' }).click();
    await wardPage.getByText('Đã tiếp nhận', { exact: true }).waitFor();
    await page.reload();
    await page.getByText('Đã tiếp nhận', { exact: true }).waitFor();
    await ward.close();
  });
});
