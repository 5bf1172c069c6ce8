// Story: the ward office sets who receives a draft plan ("Nơi nhận"), on a phone. The province's
// department stays a name on the document only, a line goes to the Veterans' Association, a new
// line is added for the Fatherland Front; after a reload the page shows them. A colleague saving
// the recipients meanwhile is reported, and the newest list can be loaded.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, phone, screenshot, signedInContext, story } from './support/browser';
import { planFixture } from '../support/fixtures';

const SOURCE = planFixture;
const PROVINCE = 'Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo)';
const VETERANS = 'Hội Cựu chiến binh phường';
const FRONT = 'Ủy ban Mặt trận Tổ quốc phường';
const TEXT_ONLY = 'Không gửi vào hộp thư (chỉ ghi tên)';

interface PlanDto {
  id: string;
  version: number;
  recipients: { unitId: string | null; label: string; unitName: string | null }[];
}

story('Ward staff set the recipients of a draft plan', () => {
  let browser: Browser;
  let office: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let planId: string;

  const lineLabel = (n: number) => page.getByLabel(`Nơi nhận dòng ${n}`, { exact: true });
  const lineUnit = (n: number) => page.getByLabel(`Đơn vị nhận của dòng ${n}`, { exact: true });
  const recipientsTable = () => page.getByRole('table', { name: 'Nơi nhận' });
  const loadPlan = () => api.get<PlanDto>(`/api/plans/${planId}`);

  beforeAll(async () => {
    browser = await launchBrowser();
    api = await ApiClient.signIn('banxaydung');
    office = await signedInContext(browser, 'vanphong', phone);
    page = await office.newPage();
    const created = await api.request<PlanDto>('POST', '/api/plans', { from: 'import', source: SOURCE });
    expect(created.status).toBe(201);
    planId = created.data.id;
    expect(created.data.recipients.map((r) => r.label)).toContain(PROVINCE);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the office edits the recipients on a phone and sees them after a reload', async () => {
    await page.goto(`/ke-hoach/${planId}`);
    await recipientsTable().getByText(PROVINCE).waitFor();
    await page.getByRole('button', { name: 'Sửa nơi nhận', exact: true }).click();
    await page.getByRole('form', { name: 'Sửa nơi nhận' }).waitFor();
    await page.getByText('Nơi nhận được đọc lại từ văn bản khi lưu nội dung.').waitFor();

    const before = (await loadPlan()).recipients;
    const provinceLine = before.findIndex((r) => r.label === PROVINCE) + 1;
    expect(provinceLine).toBeGreaterThan(0);
    await expect.poll(() => lineLabel(provinceLine).inputValue()).toBe(PROVINCE);
    // Units are loaded into the selects.
    await expect.poll(() => lineUnit(provinceLine).locator('option', { hasText: VETERANS }).count()).toBe(1);

    // The province's department: a name on the document only.
    await lineUnit(provinceLine).selectOption({ label: TEXT_ONLY });

    // Another line goes to the Veterans' Association.
    const changed = before.findIndex((r, i) => i + 1 !== provinceLine && !/chi bộ/iu.test(r.label)) + 1;
    expect(changed).toBeGreaterThan(0);
    await lineLabel(changed).fill(VETERANS);
    await lineUnit(changed).selectOption({ label: VETERANS });

    // A new line for the Fatherland Front.
    await page.getByRole('button', { name: 'Thêm nơi nhận' }).click();
    const added = before.length + 1;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^recipient-.*-label$/u);
    await lineLabel(added).fill(FRONT);
    await lineUnit(added).selectOption({ label: FRONT });

    await expectAccessible(page, 'recipients edit mode');
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
    await screenshot(page, 'plan-recipients-edit', true);

    await page.getByRole('button', { name: 'Lưu nơi nhận' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu nơi nhận.' }).waitFor();

    const saved = (await loadPlan()).recipients;
    const veterans = await findUnit(api, VETERANS);
    const front = await findUnit(api, FRONT);
    expect(saved).toHaveLength(before.length + 1);
    expect(saved[provinceLine - 1]).toMatchObject({ label: PROVINCE, unitId: null });
    expect(saved[changed - 1]).toMatchObject({ label: VETERANS, unitId: veterans.id, unitName: VETERANS });
    expect(saved[added - 1]).toMatchObject({ label: FRONT, unitId: front.id, unitName: FRONT });

    await page.reload();
    const table = recipientsTable();
    await table.waitFor();
    const row = (label: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: label, exact: true }) });
    await expect.poll(() => row(PROVINCE).innerText()).toContain('Chỉ ghi trên văn bản');
    await expect.poll(() => row(VETERANS).innerText()).toContain(`✓ ${VETERANS}`);
    await expect.poll(() => row(FRONT).innerText()).toContain(`✓ ${FRONT}`);
  });

  test('a colleague saving the recipients first is reported; the newest list can be loaded', async () => {
    await page.goto(`/ke-hoach/${planId}`);
    await page.getByRole('button', { name: 'Sửa nơi nhận', exact: true }).click();
    await lineLabel(1).waitFor();
    const current = await loadPlan();
    const theirs = current.recipients.slice(0, 2).map((r) => ({ unitId: r.unitId, label: r.label }));
    const patched = await api.request('PATCH', `/api/plans/${planId}`, { version: current.version, recipients: theirs });
    expect(patched.status).toBe(200);

    await page.getByRole('button', { name: 'Xóa dòng 1', exact: true }).click();
    await page.getByRole('button', { name: 'Lưu nơi nhận' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Người khác vừa sửa kế hoạch này' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Tải nơi nhận mới nhất' }).click();
    await alert.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByLabel(/^Nơi nhận dòng \d+$/u).count()).toBe(2);
    await expect.poll(() => lineLabel(1).inputValue()).toBe(theirs[0]!.label);

    // A unit the server does not know is refused with its own message (here: sent behind the page's back).
    const bad = await api.request<{ error: { id: string } }>('PATCH', `/api/plans/${planId}`, {
      version: (await loadPlan()).version,
      recipients: [{ unitId: '00000000-0000-4000-8000-000000000000', label: 'Không có' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.data.error.id).toBe('plan.recipient-not-a-unit');
  });
});
