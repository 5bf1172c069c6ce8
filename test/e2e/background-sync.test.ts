// Story (issue 16, decision 029): the secretary logs a propaganda entry without signal, the page
// registers the Background Sync "qt-outbox", and she closes the app. The signal comes back with no
// page of the app open: the service worker's `sync` sends the entry, and the server stores it once.
//
// Playwright's offline mode is DevTools' network emulation, which Chromium also applies to the
// worker's Background Sync (a sync registered while the worker is "offline" waits; it fires when the
// emulation goes back online), so the story goes through the browser's own path. A second sync,
// fired through the DevTools protocol (ServiceWorker.dispatchSyncEvent) as a retry by the browser
// would be, finds the queue empty and sends nothing.
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { planFixture } from '../support/fixtures';
import { ApiClient, baseUrl, launchBrowser, newContext, phone, signInThroughPage, story } from './support/browser';

const TITLE = 'Tuyên truyền Nghị quyết tại chợ phiên (gửi khi có sóng, ứng dụng đã đóng)';

/** An issued plan of our own, dated and titled apart from the demo's (other stories never pick it). */
async function issuedPlan(office: ApiClient, leader: ApiClient): Promise<string> {
  const source = planFixture.replace('Tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số 91-NQ/TU', 'Tuyên truyền lưu động ở chợ phiên Nghị quyết số 91-NQ/TU');
  const created = await office.request<{ id: string }>('POST', '/api/plans', { from: 'import', source });
  expect(created.status).toBe(201);
  const planId = created.data.id;
  expect((await office.request('POST', `/api/plans/${planId}/submit`, { version: 1 })).status).toBe(200);
  expect((await leader.request('POST', `/api/plans/${planId}/approve`, { version: 2 })).status).toBe(200);
  expect((await office.request('POST', `/api/plans/${planId}/issue`, { version: 3, issuedOn: '2026-05-18' })).status).toBe(200);
  return planId;
}

story('An entry made without signal is sent by the service worker’s Background Sync, with the app closed', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let secretaryApi: ApiClient;
  let planId = '';
  /** The entry's POSTs that reached the server, and who sent each (the page or the worker). */
  const posts: { fromWorker: boolean; status: number }[] = [];
  const entriesTitled = async () => (await secretaryApi.get<{ entries: { id: string; title: string }[] }>(`/api/plans/${planId}/propaganda`)).entries.filter((e) => e.title === TITLE);

  beforeAll(async () => {
    const office = await ApiClient.signIn('vanphong');
    secretaryApi = await ApiClient.signIn('bithu');
    planId = await issuedPlan(office, await ApiClient.signIn('thuongtruc'));
    browser = await launchBrowser();
    context = await newContext(browser, phone);
    context.on('requestfinished', async (request: Request) => {
      if (request.method() !== 'POST' || !request.url().endsWith(`/api/plans/${planId}/propaganda`)) return;
      const response = await request.response();
      posts.push({ fromWorker: request.serviceWorker() !== null, status: response?.status() ?? 0 });
    });
    page = await context.newPage();
    await signInThroughPage(page, 'bithu');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('offline, the entry is kept on the device and the page registers the sync "qt-outbox"', async () => {
    await page.goto(`/ke-hoach/${planId}/tuyen-truyen`);
    await page.getByLabel('Nội dung, tiêu đề').waitFor();
    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('Nội dung, tiêu đề').fill(TITLE);
    await page.getByLabel('Số người tiếp cận (ước tính)').fill('60');
    await page.getByRole('button', { name: 'Ghi kết quả' }).click();
    await page.getByText('Đã lưu trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.').waitFor();
    await page.getByText('Chưa gửi (1)', { exact: true }).waitFor();
    // Chromium has Background Sync: the registration is there (or already fired once and failed,
    // offline, and waits for its retry — a fired sync leaves its tag while it is pending again).
    const sync = await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync?: { getTags(): Promise<string[]> } };
      return { supported: 'SyncManager' in window, tags: registration.sync ? await registration.sync.getTags() : [] };
    });
    expect(sync.supported).toBe(true);
    expect(sync.tags).toContain('qt-outbox');
    expect(await entriesTitled()).toEqual([]);
  });

  test('the signal returns with the app closed: the worker’s sync sends the entry, stored once', async () => {
    // The app closed: no page of it is left to flush the queue on `online` or on opening.
    const blank = await context.newPage();
    await page.close();
    const cdp = await context.newCDPSession(blank);
    const registrations = new Map<string, string>();
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: list }) => list.forEach((r) => (r.isDeleted ? registrations.delete(r.scopeURL) : registrations.set(r.scopeURL, r.registrationId))));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.get(`${baseUrl()}/`)).toBeTruthy();
    expect(await entriesTitled()).toEqual([]);
    await context.setOffline(false);
    // The browser fires the sync by itself: the worker sends the entry, once; no page does (there is none).
    await expect.poll(async () => (await entriesTitled()).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(() => posts.filter((p) => p.status > 0)).toEqual([{ fromWorker: true, status: 201 }]);

    // A second sync (the browser retrying, say) finds the queue empty and sends nothing.
    await cdp.send('ServiceWorker.dispatchSyncEvent', { origin: baseUrl(), registrationId: registrations.get(`${baseUrl()}/`)!, tag: 'qt-outbox', lastChance: false });
    // Reopened, the app has nothing left to send and lists the entry as the server's.
    const reopened = await context.newPage();
    await reopened.goto(`/ke-hoach/${planId}/tuyen-truyen`);
    await reopened.getByRole('list', { name: 'Kết quả tuyên truyền', exact: true }).getByText(TITLE).waitFor();
    expect(await reopened.getByText(/^Chưa gửi \(\d+\)$/u).count()).toBe(0);
    expect(await entriesTitled()).toHaveLength(1);
    expect(posts.filter((p) => p.status > 0)).toHaveLength(1);
  });
});
