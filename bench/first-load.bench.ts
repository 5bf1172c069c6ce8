// First load on a cheap phone (issue 9): Debian's Chromium at 390 × 844 with Chromium's own
// throttling (CPU 4× slower, 1.6 Mbit/s down, 750 kbit/s up, 150 ms latency), against the real
// server on the demo ward. Each figure is the median of a few runs: the sign-in page on a cold cache
// until its form is usable; the cell secretary's home after signing in, then opened again signed in
// on a cold cache, then reopened with the app shell in the service worker; and the JavaScript the sign-in page
// downloads before anyone signs in (brotli-compressed size). For the two signed-in opens it also prints
// the critical path (decision 030): the chain of requests each of which started only after the one
// before it ended, up to the moment the home was usable, how many of them waited on the network
// (150 ms each at least), and the bytes that came over the network before that moment.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { report, startDemoServer, stopProcess, waitForHealth } from './support';

const CHROMIUM = process.env.QT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.QT_BENCH_RUNS ?? 3);
const STEP_TIMEOUT_MS = 60_000;
// QT_BENCH_WEB_DIR measures another build (e.g. the previous release's) against the same server.
const WEB_DIR = process.env.QT_BENCH_WEB_DIR ?? 'dist/web';
const PASSWORD = 'quantriet';
// QT_BENCH_TRACE=1 prints every request of each load: when it started and ended, its size on the wire.
const TRACE = process.env.QT_BENCH_TRACE === '1';
/** The desktop browser's own pages that load beside the measured one (decision 036); QT_BENCH_KEEP_BROWSER_UI=1 keeps them. */
const DESKTOP_ONLY_FEATURES = process.env.QT_BENCH_KEEP_BROWSER_UI === '1' ? 'None' : 'WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,PreloadTopChromeWebUI';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A cold phone: a fresh context (empty cache), Chromium's CPU and network throttling through CDP. */
async function coldPhone(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  return phonePage(context, baseURL);
}

/** A new tab of the phone, throttled; in a context that has loaded the app before, its cache is warm. */
interface Request {
  url: string;
  start: number;
  end?: number;
  bytes: number;
  /** Answered by the service worker from the device: the precache (app shell) or a kept API answer. */
  fromDevice: boolean;
}

async function phonePage(context: BrowserContext, baseURL: string): Promise<{ context: BrowserContext; page: Page; scripts: Map<string, number>; encodings: Set<string>; requests: Map<string, Request> }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  // Bytes on the wire per script, as Chromium counts them (body and headers).
  const scripts = new Map<string, number>();
  const encodings = new Set<string>();
  const urls = new Map<string, string>();
  const started = new Map<string, { url: string; at: number }>();
  const requests = new Map<string, Request>();
  cdp.on('Network.requestWillBeSent', (e) => {
    started.set(e.requestId, { url: e.request.url, at: e.timestamp });
    requests.set(e.requestId, { url: e.request.url.replace(baseURL, ''), start: e.timestamp * 1000, bytes: 0, fromDevice: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const request = requests.get(e.requestId);
    // The worker's precache answers the app shell; an API answer from the device carries when it was kept.
    if (request && e.response.fromServiceWorker) request.fromDevice = !request.url.startsWith('/api/') || Boolean(e.response.headers['x-qt-stored-at']);
    if (e.type !== 'Script') return;
    urls.set(e.requestId, e.response.url);
    encodings.add(e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? 'identity');
  });
  // A second fetch of a file already fetched (a modulepreload then its import) is no round trip.
  cdp.on('Network.requestServedFromCache', (e) => requests.delete(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    const request = requests.get(e.requestId);
    if (request) Object.assign(request, { end: e.timestamp * 1000, bytes: request.fromDevice ? 0 : e.encodedDataLength });
    const url = urls.get(e.requestId);
    if (url) scripts.set(url, e.encodedDataLength);
    const start = started.get(e.requestId);
    if (TRACE && start) console.log(`  ${start.at.toFixed(2)}–${e.timestamp.toFixed(2)} s ${kb(e.encodedDataLength).padStart(9)} ${start.url.replace(baseURL, '')}`);
  });
  return { context, page, scripts, encodings, requests };
}

/**
 * The critical path of a load that became usable `readyMs` after it started: from the request the
 * page waited for (`last`: the members), back through the request that ended last before each one
 * started (an upper bound: a link that ended while the page was busy running scripts is counted).
 * Counts the links that went to the network, and the bytes of everything that came over it before then.
 */
function criticalPath(requests: Map<string, Request>, readyMs: number, last = /\/members$/u) {
  const all = [...requests.values()].filter((r) => r.end !== undefined).sort((a, b) => a.start - b.start);
  const origin = all[0]?.start ?? 0;
  const before = all.filter((r) => r.end! - origin <= readyMs);
  const chain: Request[] = [];
  let next = before.filter((r) => last.test(r.url)).at(-1);
  while (next) {
    chain.unshift(next);
    const startedAt = next.start;
    next = before.filter((r) => r.end! <= startedAt).reduce<Request | undefined>((last, r) => (!last || r.end! > last.end! ? r : last), undefined);
  }
  const network = chain.filter((r) => !r.fromDevice);
  const shortName = (r: Request) => `${r.url.replace(/^\/assets\//u, '').replace(/-[\w-]{8}\.(js|css)$/u, '.$1').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/u, ':id')}${r.fromDevice ? ' (device)' : ` ${kb(r.bytes)}`}`;
  return { trips: network.length, bytes: before.reduce((sum, r) => sum + r.bytes, 0), chain: chain.map(shortName).join(' → ') };
}

/** Milliseconds since the page's navigation started: each predicate answers performance.now() once it holds. */
async function readyAt(page: Page, ready: () => number | false): Promise<number> {
  const handle = await page.waitForFunction(ready, undefined, { timeout: STEP_TIMEOUT_MS, polling: 50 });
  return (await handle.jsonValue()) as number;
}

const signInUsable = () => {
  const field = document.querySelector<HTMLInputElement>('input[name="username"]');
  return Boolean(field && !field.disabled && field.getClientRects().length > 0) && performance.now();
};

// The cell secretary lands on their cell: its name as the page heading and the member cards.
const cellHomeVisible = () => {
  const heading = document.querySelector('main h1');
  const list = document.querySelector('[aria-label="Danh sách đảng viên"] li');
  return Boolean(heading?.textContent?.includes('Chi bộ Tràng Đà 1') && list && list.getClientRects().length > 0) && performance.now();
};

/** The brotli size (best quality, as the build writes them) of the built files the browser fetched. */
function brotliBytes(urls: Iterable<string>): number {
  let total = 0;
  for (const url of urls) {
    const file = join(WEB_DIR, new URL(url).pathname);
    if (existsSync(file)) total += brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

export async function run() {
  if (!existsSync(CHROMIUM)) {
    console.log(`(skipped: ${CHROMIUM} not found)`);
    return;
  }
  const { url, server } = await startDemoServer(WEB_DIR);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Chromium 156 renders its omnibox popup as a web page of its own for every new tab (~400
    // chrome:// modules, 1–4 s of a main thread during each measured load, on the same two cores):
    // a cost of the desktop browser measuring, which a phone does not have (decision 036).
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--disable-features=${DESKTOP_ONLY_FEATURES}`],
  });
  try {
    await waitForHealth(url);
    const signIn: number[] = [];
    const afterSubmit: number[] = [];
    const reopen: number[] = [];
    const warmReopen: number[] = [];
    let wire = 0;
    let brotli = 0;
    let files = 0;
    let encodings = '';
    let coldPath = criticalPath(new Map(), 0);
    let warmPath = coldPath;
    for (let i = 0; i < RUNS; i++) {
      // (a) The sign-in page, cold, until the username field is visible and enabled.
      const cold = await coldPhone(browser, url);
      await cold.page.goto('/dang-nhap', { waitUntil: 'commit' });
      signIn.push(await readyAt(cold.page, signInUsable));
      await cold.page.waitForLoadState('networkidle');
      wire = [...cold.scripts.values()].reduce((a, b) => a + b, 0);
      brotli = brotliBytes(cold.scripts.keys());
      files = cold.scripts.size;
      encodings = [...cold.encodings].join(', ');

      // (b) Signing in as the cell secretary, until their cell shows (from the click).
      await cold.page.getByLabel('Tên đăng nhập').fill('bithu');
      await cold.page.getByLabel(/^Mật khẩu/).fill(PASSWORD);
      const clicked = await cold.page.evaluate(() => performance.now());
      await cold.page.getByRole('button', { name: 'Đăng nhập' }).click();
      afterSubmit.push((await readyAt(cold.page, cellHomeVisible)) - clicked);
      await cold.context.close();

      // (c) The secretary, already signed in, opening the app on a cold cache.
      const again = await coldPhone(browser, url);
      const login = await again.context.request.post('/api/auth/login', { data: { username: 'bithu', password: PASSWORD } });
      if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
      await again.page.goto('/', { waitUntil: 'commit' });
      reopen.push(await readyAt(again.page, cellHomeVisible));
      coldPath = criticalPath(again.requests, reopen.at(-1)!);
      await again.page.waitForLoadState('networkidle');
      // The service worker (decision 023) installs after the load and precaches the app shell.
      await again.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await again.page.close();

      // (d) The same phone reopening the app later: the app shell comes from the service worker's
      // precache, only the data goes over the network.
      const warm = await phonePage(again.context, url);
      await warm.page.goto('/', { waitUntil: 'commit' });
      warmReopen.push(await readyAt(warm.page, cellHomeVisible));
      warmPath = criticalPath(warm.requests, warmReopen.at(-1)!);
      await again.context.close();
    }
    const all = (values: number[]) => `median ${seconds(median(values))} of ${values.map(seconds).join(', ')}`;
    report('sign-in page usable (phone, 4× CPU, 1.6 Mbit/s, 150 ms, cold)', all(signIn), 'usable in < 3 s', median(signIn) < 3000);
    report('cell secretary home usable after signing in (from the click)', all(afterSubmit), 'usable in < 3 s', median(afterSubmit) < 3000);
    report('cell secretary home usable, already signed in, cold cache', all(reopen), 'usable in < 3 s', median(reopen) < 3000);
    report('cell secretary home usable, reopened (app shell from the service worker)', all(warmReopen), 'usable in < 1 s (issue 16; < 3 s issue 9)', median(warmReopen) < 1000);
    console.log(`  critical path, already signed in, cold cache (last run): ${coldPath.trips} round trip(s) to the network, ${kb(coldPath.bytes)} over it before usable: ${coldPath.chain}`);
    console.log(`  critical path, reopened (last run): ${warmPath.trips} round trip(s) to the network, ${kb(warmPath.bytes)} over it before usable: ${warmPath.chain}`);
    report(
      'JavaScript before sign-in (brotli)',
      `${kb(brotli)} in ${files} file(s); ${kb(wire)} on the wire, sent as ${encodings}`,
      '< 150 KB',
      brotli < 150 * 1024,
    );
  } finally {
    await browser.close();
    await stopProcess(server);
  }
}
