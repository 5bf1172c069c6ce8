// Story (issue 16): in a village without signal. The secretary (bithu) on a 390 px phone opens the
// app once with a connection (the service worker keeps the app and what was read), loses the
// signal, marks attendance and drafts the report, reloads (both are kept: "Chưa gửi (2)"), gets the
// signal back and the entries go by themselves; the ward sees them. The same request sent again is stored once. A change
// made meanwhile on the server is shown beside the phone's, not overwritten, and the secretary
// chooses. The device's cache stays small and a sign-out empties it.
//
// Other stories change the demo plan's session of this cell; this one issues a plan of its own
// (dated 18/05/2026, so the stories that pick the demo's plan by 15/05/2026 never see it), under a
// title of its own (stories that find the demo's plan by its title find one).
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiClient, expectAccessible, horizontalOverflow, launchBrowser, newContext, phone, screenshot, signInThroughPage, story } from './support/browser';
import { issuedPlan } from './support/plans';

/** Signed in on a phone, the service worker installed and in charge of the page. */
async function phoneWithWorker(browser: Browser, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, phone);
  const page = await context.newPage();
  await signInThroughPage(page, username);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
  return { context, page };
}

const SUMMARY = 'Chi bộ thảo luận sôi nổi về Nghị quyết, thống nhất cách làm ở thôn.';
const NOTES = 'Đồng chí Bí thư truyền đạt nội dung cốt lõi của Nghị quyết tại nhà văn hóa thôn.';

interface Detail {
  id: string;
  version: number;
  notes: string;
  unitName: string;
  expected: { memberId: string; fullName: string }[];
  marks: { memberId: string; status: string; reason: string | null }[];
}

story('A cell secretary marks attendance without signal and it arrives intact', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let office: ApiClient;
  let secretaryApi: ApiClient;
  let sessionId = '';
  let first: { memberId: string; fullName: string };
  let second: { memberId: string; fullName: string };
  let sentAttendance: { headers: Record<string, string>; body: string } | null = null;

  const detail = () => office.get<Detail>(`/api/sessions/${sessionId}`);
  const markOf = async (memberId: string) => (await detail()).marks.find((m) => m.memberId === memberId);
  const pendingBadge = (n: number) => page.getByText(`Chưa gửi (${n})`, { exact: true });

  beforeAll(async () => {
    office = await ApiClient.signIn('vanphong');
    const leader = await ApiClient.signIn('thuongtruc');
    secretaryApi = await ApiClient.signIn('bithu');
    const planId = await issuedPlan(office, leader, 'Học tập bổ sung tại thôn bản Nghị quyết số 91-NQ/TU');
    const { me } = await secretaryApi.get<{ me: { roles: { role: string; unitId: string }[] } }>('/api/session');
    const cellId = me.roles.find((r) => r.role === 'cellSecretary')!.unitId;
    const { sessions } = await office.get<{ sessions: { id: string; unitId: string }[] }>(`/api/plans/${planId}/sessions`);
    sessionId = sessions.find((s) => s.unitId === cellId)!.id;
    const start = await detail();
    [first, second] = start.expected as [typeof first, typeof second];
    expect(start.marks).toEqual([]);

    browser = await launchBrowser();
    context = await newContext(browser, phone);
    page = await context.newPage();
    page.on('request', (request: Request) => {
      if (request.method() === 'PUT' && request.url().endsWith(`/api/sessions/${sessionId}/attendance`) && !sentAttendance) {
        sentAttendance = { headers: request.headers(), body: request.postData() ?? '' };
      }
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('opened once with a connection: installable, the service worker keeps the app and the session', async () => {
    await signInThroughPage(page, 'bithu');
    await page.getByRole('heading', { level: 1, name: 'Chi bộ Tràng Đà 1' }).waitFor();
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    const manifest = await (await context.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ name: 'QuánTriệt', lang: 'vi', start_url: '/', display: 'standalone' });
    // The worker installs after the page loaded, precaches the app shell and takes the page over.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    });
    await page.goto(`/sinh-hoat/${sessionId}`);
    await page.getByRole('radiogroup', { name: first.fullName }).waitFor();
    // The report page and the cell page too, so that they read offline.
    await page.goto(`/bao-cao/${sessionId}`);
    await page.getByLabel('Tóm tắt nội dung thảo luận').waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Chi bộ Tràng Đà 1' }).waitFor();
    await page.goto(`/sinh-hoat/${sessionId}`);
    await page.getByRole('radiogroup', { name: first.fullName }).waitFor();
  });

  test('offline: the page reads from the device with when it was updated; the marks are kept on the device through a reload', async () => {
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('radiogroup', { name: first.fullName }).waitFor();
    await page.getByText('Không có mạng', { exact: true }).waitFor();
    await page.getByText(/Cập nhật lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/u).waitFor();

    await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
    await page.getByRole('radiogroup', { name: first.fullName }).getByLabel('Vắng có lý do').check();
    await page.getByLabel(`Lý do vắng — ${first.fullName}`).fill('Đi công tác');
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await page.getByText('Đã lưu trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.').waitFor();
    await pendingBadge(1).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'session page offline with an unsent entry');
    await screenshot(page, 'offline-unsent');

    await page.reload();
    await pendingBadge(1).waitFor();
    const group = page.getByRole('radiogroup', { name: first.fullName });
    await group.waitFor();
    await expect.poll(() => group.getByLabel('Vắng có lý do').isChecked()).toBe(true);
    expect(await page.getByLabel(`Lý do vắng — ${first.fullName}`).inputValue()).toBe('Đi công tác');

    // The session record (the minutes' content), made on the same version of the session as the
    // attendance: kept, and sent after it without meeting it as a conflict.
    await page.getByLabel('Nội dung', { exact: true }).fill(NOTES);
    await page.getByRole('button', { name: 'Lưu lịch' }).click();
    await pendingBadge(2).waitFor();
    await page.reload();
    await pendingBadge(2).waitFor();
    await expect.poll(() => page.getByLabel('Nội dung', { exact: true }).inputValue()).toBe(NOTES);

    // The report draft, from the session page's link, saved on the device and kept through a reload.
    await page.getByRole('link', { name: 'Báo cáo kết quả' }).click();
    await page.getByLabel('Tóm tắt nội dung thảo luận').fill(SUMMARY);
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await page.getByText('Đã lưu bản nháp trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.').waitFor();
    await pendingBadge(3).waitFor();
    await page.reload();
    await pendingBadge(3).waitFor();
    await expect.poll(() => page.getByLabel('Tóm tắt nội dung thảo luận').inputValue()).toBe(SUMMARY);

    // The cell page reads offline too.
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Chi bộ Tràng Đà 1' }).waitFor();
    await pendingBadge(3).waitFor();
    // Nothing reached the server.
    expect(await markOf(first.memberId)).toBeUndefined();
    expect((await detail()).notes).not.toBe(NOTES);
    expect((await office.get<{ report: unknown }>(`/api/sessions/${sessionId}/report`)).report).toBeNull();
  });

  test('back online: the entry goes by itself and the ward sees it; the same request sent again is stored once', async () => {
    await page.goto(`/sinh-hoat/${sessionId}`);
    await page.getByRole('radiogroup', { name: first.fullName }).waitFor();
    await context.setOffline(false);
    await pendingBadge(3).waitFor({ state: 'detached' });
    await expect.poll(() => markOf(first.memberId)).toMatchObject({ status: 'excused', reason: 'Đi công tác' });
    expect((await detail()).notes).toBe(NOTES);
    expect((await office.get<{ report: { summary: string; status: string } | null }>(`/api/sessions/${sessionId}/report`)).report).toMatchObject({ summary: SUMMARY, status: 'draft' });
    const after = await detail();
    expect(after.marks.filter((m) => m.status === 'present')).toHaveLength(after.expected.length - 1);

    // The phone's request again (its answer lost on the way back): the server answers, stores nothing new.
    expect(sentAttendance).not.toBeNull();
    const { headers, body } = sentAttendance!;
    expect(headers['idempotency-key']).toMatch(/^qt-/u);
    const replay = await context.request.put(`/api/sessions/${sessionId}/attendance`, { headers: { 'content-type': 'application/json', 'x-csrf-token': headers['x-csrf-token']!, 'idempotency-key': headers['idempotency-key']! }, data: body });
    expect(replay.status()).toBe(200);
    expect((await detail()).version).toBe(after.version);
  });

  test('a change made meanwhile on the server is shown beside the phone’s, not overwritten; the secretary chooses', async () => {
    await context.setOffline(true);
    await page.reload();
    const group = page.getByRole('radiogroup', { name: second.fullName });
    await group.getByLabel('Vắng không lý do').check();
    await page.getByLabel(`Lý do vắng — ${second.fullName}`).fill('Ốm');
    await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await pendingBadge(1).waitFor();

    // Meanwhile, on another device, the same member is marked late.
    const current = await detail();
    const theirs = await secretaryApi.request('PUT', `/api/sessions/${sessionId}/attendance`, { version: current.version, marks: [{ memberId: second.memberId, status: 'late' }] });
    expect(theirs.status).toBe(200);

    await context.setOffline(false);
    const problem = page.getByRole('group', { name: `Chưa gửi được: Điểm danh — ${current.unitName}` });
    await problem.waitFor();
    await problem.getByText('trên máy chủ đã có bản mới hơn', { exact: false }).waitFor();
    const row = problem.getByRole('row').filter({ hasText: second.fullName });
    expect(await row.getByRole('cell').allTextContents()).toEqual([second.fullName, 'Vắng không lý do (Ốm)', 'Đến muộn']);
    // Not applied silently: the server keeps its version until the secretary chooses.
    expect(await markOf(second.memberId)).toMatchObject({ status: 'late' });
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'conflict on a phone');
    await screenshot(page, 'offline-conflict');

    await problem.getByRole('button', { name: 'Gửi lại bản của tôi' }).click();
    await problem.waitFor({ state: 'detached' });
    await expect.poll(() => markOf(second.memberId)).toMatchObject({ status: 'absent', reason: 'Ốm' });
    expect(await markOf(first.memberId)).toMatchObject({ status: 'excused', reason: 'Đi công tác' });
  });

  test('the device keeps under 20 MB, and signing out removes the person’s data from it', async () => {
    const stored = await page.evaluate(async () => {
      let bytes = 0;
      const names = await caches.keys();
      for (const name of names) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
      }
      const api = await caches.open('qt-api');
      return { bytes, names, apiEntries: (await api.keys()).length };
    });
    expect(stored.bytes).toBeLessThan(20 * 1024 * 1024);
    expect(stored.names).toContain('qt-api');
    expect(stored.apiEntries).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL('**/dang-nhap');
    const left = await page.evaluate(async () => {
      const names = await caches.keys();
      const apiAnswers = names.includes('qt-api') ? (await (await caches.open('qt-api')).keys()).map((r) => new URL(r.url).pathname) : [];
      const outbox = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('qt-offline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('outbox')) return resolve(0);
          const count = database.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => resolve(count.result);
        };
      });
      return { apiAnswers, outbox, shell: names.some((n) => n.startsWith('workbox-precache')) };
    });
    // Only the signed-out answer of /api/session may be kept again; nothing of the person's.
    expect(left.apiAnswers.filter((p) => p !== '/api/session')).toEqual([]);
    expect(left.outbox).toBe(0);
    expect(left.shell).toBe(true);
  });
});

story('A member’s reflection and a propaganda entry made without signal arrive once', () => {
  const REFLECTION = 'Nắm được ba nhóm giải pháp của Nghị quyết; liên hệ bản thân: gương mẫu ở tổ dân phố.';
  const COMMITMENT = 'Cam kết tuyên truyền cho gia đình và vận động bà con cùng thực hiện.';
  const TITLE = 'Tuyên truyền Nghị quyết tại buổi họp thôn (ghi khi mất sóng)';
  let browser: Browser;
  let office: ApiClient;
  let memberApi: ApiClient;
  let secretaryApi: ApiClient;
  let planId = '';
  const pending = (page: Page, n: number) => page.getByText(`Chưa gửi (${n})`, { exact: true });
  const ownReflection = async () => (await memberApi.get<{ plans: { planId: string; reflection: { id: string; reflection: string; commitment: string; version: number } | null }[] }>('/api/my/study')).plans.find((p) => p.planId === planId)?.reflection ?? null;
  const entriesTitled = async () => (await secretaryApi.get<{ entries: { id: string; title: string }[] }>(`/api/plans/${planId}/propaganda`)).entries.filter((e) => e.title === TITLE);

  beforeAll(async () => {
    office = await ApiClient.signIn('vanphong');
    memberApi = await ApiClient.signIn('dangvien');
    secretaryApi = await ApiClient.signIn('bithu');
    planId = await issuedPlan(office, await ApiClient.signIn('thuongtruc'), 'Học tập chuyên đề ở vùng sâu Nghị quyết số 91-NQ/TU');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the member writes the reflection offline, reloads (kept, "Chưa gửi (1)"), gets the signal back: stored once', async () => {
    const { context, page } = await phoneWithWorker(browser, 'dangvien');
    let sent: { headers: Record<string, string>; body: string } | null = null;
    page.on('request', (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/plans/${planId}/reflections`) && !sent) sent = { headers: request.headers(), body: request.postData() ?? '' };
    });
    const card = page.locator(`section[aria-labelledby="plan-${planId}"]`);
    await page.goto('/hoc-tap');
    await card.getByRole('textbox', { name: /^Bài thu hoạch/u }).waitFor();

    await context.setOffline(true);
    await page.reload();
    await card.getByRole('textbox', { name: /^Bài thu hoạch/u }).fill(REFLECTION);
    await card.getByRole('textbox', { name: /^Bản cam kết/u }).fill(COMMITMENT);
    await card.getByRole('button', { name: 'Nộp bài thu hoạch' }).click();
    await card.getByText('Đã lưu trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.').waitFor();
    await pending(page, 1).waitFor();
    await page.reload();
    await pending(page, 1).waitFor();
    await expect.poll(() => card.getByRole('textbox', { name: /^Bài thu hoạch/u }).inputValue()).toBe(REFLECTION);
    expect(await card.getByRole('textbox', { name: /^Bản cam kết/u }).inputValue()).toBe(COMMITMENT);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    expect(await ownReflection()).toBeNull();

    await context.setOffline(false);
    await pending(page, 1).waitFor({ state: 'detached' });
    await expect.poll(ownReflection).toMatchObject({ reflection: REFLECTION, commitment: COMMITMENT, version: 1 });
    const stored = (await ownReflection())!;

    // The phone's request again (its answer lost on the way back): answered, nothing stored twice.
    expect(sent).not.toBeNull();
    const { headers, body } = sent!;
    const replay = await context.request.post(`/api/plans/${planId}/reflections`, { headers: { 'content-type': 'application/json', 'x-csrf-token': headers['x-csrf-token']!, 'idempotency-key': headers['idempotency-key']! }, data: body });
    expect(replay.status()).toBe(200);
    expect((await replay.json()).id).toBe(stored.id);
    expect(await ownReflection()).toMatchObject({ id: stored.id, version: 1 });
    await context.close();
  });

  test('the secretary logs a propaganda entry offline, reloads (kept, listed as unsent), gets the signal back: stored once', async () => {
    const { context, page } = await phoneWithWorker(browser, 'bithu');
    let sent: { headers: Record<string, string>; body: string } | null = null;
    page.on('request', (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/plans/${planId}/propaganda`) && !sent) sent = { headers: request.headers(), body: request.postData() ?? '' };
    });
    await page.goto(`/ke-hoach/${planId}/tuyen-truyen`);
    await page.getByLabel('Nội dung, tiêu đề').waitFor();

    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('Nội dung, tiêu đề').fill(TITLE);
    await page.getByLabel('Số người tiếp cận (ước tính)').fill('45');
    await page.getByRole('button', { name: 'Ghi kết quả' }).click();
    await page.getByText('Đã lưu trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.').waitFor();
    await pending(page, 1).waitFor();
    const unsent = page.getByRole('list', { name: 'Kết quả tuyên truyền chưa gửi' });
    await unsent.getByText(TITLE).waitFor();
    await page.reload();
    await pending(page, 1).waitFor();
    await unsent.getByText(TITLE).waitFor();
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'propaganda entry kept on the device');
    expect(await entriesTitled()).toEqual([]);

    await context.setOffline(false);
    await pending(page, 1).waitFor({ state: 'detached' });
    await expect.poll(async () => (await entriesTitled()).length).toBe(1);
    await page.getByRole('list', { name: 'Kết quả tuyên truyền', exact: true }).getByText(TITLE).waitFor();
    expect(await unsent.count()).toBe(0);

    expect(sent).not.toBeNull();
    const { headers, body } = sent!;
    const replay = await context.request.post(`/api/plans/${planId}/propaganda`, { headers: { 'content-type': 'application/json', 'x-csrf-token': headers['x-csrf-token']!, 'idempotency-key': headers['idempotency-key']! }, data: body });
    expect(replay.status()).toBe(200);
    expect(await entriesTitled()).toHaveLength(1);
    await context.close();
  });
});
