// Story: on a 390 px phone the ward office reviews a draft's tasks: section IV gives three tasks to
// "Văn phòng cấp ủy", which no unit of the ward is called; the office picks "Văn phòng Đảng ủy" once
// under one of them and every task of that phrase follows, marked as the office's choice.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, findUnit, horizontalOverflow, launchBrowser, phone, signedInContext, story } from './support/browser';

const fixture = readFileSync(new URL('../../src/server/seed/data/ke-hoach-91-NQ-TU.md', import.meta.url), 'utf8');
const PHRASE = 'Văn phòng cấp ủy';

story('The ward office assigns the draft’s tasks to units', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let api: ApiClient;
  let planId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await signedInContext(browser, 'vanphong', phone);
    page = await context.newPage();
    api = await ApiClient.signIn('vanphong');
    const created = await api.request<{ id: string }>('POST', '/api/plans', { from: 'import', source: fixture.replace('3. Văn phòng Đảng ủy', `3. ${PHRASE}`) });
    planId = created.data.id;
  });
  afterAll(async () => {
    // The commune's choice would stay for its later plans: put it back as it was.
    if (planId) await api.request('PUT', `/api/plans/${planId}/task-assignees`, { phrase: PHRASE, unitId: null });
    await browser?.close();
  });

  test('picks the unit once; every task of the phrase follows', async () => {
    const office = await findUnit(api, 'Văn phòng Đảng ủy');
    await page.goto(`/ke-hoach/${planId}`);
    const list = page.getByRole('list', { name: 'Danh sách nhiệm vụ' });
    await list.waitFor();
    const unresolved = list.getByText('(chưa khớp đơn vị nào: giao cho Đảng ủy)');
    expect(await unresolved.count()).toBeGreaterThan(0);
    const select = list.getByLabel(`Đơn vị thực hiện cho "${PHRASE}"`).first();
    await select.selectOption(office.id);
    await list.getByText('Đã lưu đơn vị thực hiện.').waitFor();
    await list.getByText('(đơn vị do văn phòng chọn)').first().waitFor();
    expect(await unresolved.count()).toBe(0);
    const { tasks } = await api.get<{ tasks: { assigneeLabel: string; assigneeUnitId: string | null; assigneeMapped?: boolean }[] }>(`/api/plans/${planId}/tasks`);
    const ofPhrase = tasks.filter((x) => x.assigneeLabel === PHRASE);
    expect(ofPhrase.length).toBeGreaterThan(0);
    expect(ofPhrase.every((x) => x.assigneeUnitId === office.id && x.assigneeMapped)).toBe(true);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'draft tasks on a phone');
    await context.close();
  });
});
