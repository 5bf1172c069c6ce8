// Where the CPU goes when the cell secretary reopens the app (issue 16's < 1 s reopen): the same
// phone profile as first-load.bench.ts (4× CPU, 1.6 Mbit/s, 150 ms), a Chromium performance trace
// of the reopen (app shell from the service worker), summed by kind of work on the page's main
// thread up to the moment the home is usable, each script's compile (and whether V8's code cache
// served it), and the functions that took the most time (CDP Profiler, a second reopen).
// Not part of `npm run bench`: `node bin/run-ts.js bench/first-load-profile.ts`.
// QT_BENCH_WEB_DIR measures another build; QT_PROFILE_PERSISTENT=1 uses an ordinary (on-disk)
// browser profile instead of Playwright's in-memory one; QT_PROFILE_REOPENS the number of reopens;
// QT_PROFILE_CPU_RATE another CPU slowdown than the phone's 4×.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startDemoServer, stopProcess, waitForHealth } from './support';

const CHROMIUM = process.env.QT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_DIR = process.env.QT_BENCH_WEB_DIR ?? 'dist/web';
const PERSISTENT = process.env.QT_PROFILE_PERSISTENT === '1';
const REOPENS = Number(process.env.QT_PROFILE_REOPENS ?? 3);
/** The CPU slowdown (the phone's 4×); 1 compares two builds' own work with less of the throttler's noise (decision 039). */
const CPU_RATE = Number(process.env.QT_PROFILE_CPU_RATE ?? 4);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(process.env.QT_PROFILE_FLAGS ?? '').split(' ').filter(Boolean)];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (what contention on a shared machine does not inflate). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; [key: string]: unknown };
}

const cellHomeVisible = () => {
  const heading = document.querySelector('main h1');
  const list = document.querySelector('[aria-label="Danh sách đảng viên"] li');
  return Boolean(heading?.textContent?.includes('Chi bộ Tràng Đà 1') && list && list.getClientRects().length > 0) && performance.now();
};

// Every member of the list rendered (it renders its first cards with the page, the rest just after: decision 039).
const allMembersRendered = () => {
  const count = document.querySelector('section[aria-labelledby="unit-members"] [aria-live="polite"]')?.textContent?.match(/^(\d+) đảng viên/u);
  return Boolean(count && document.querySelectorAll('[aria-label="Danh sách đảng viên"] li').length === Number(count[1])) && performance.now();
};

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_RATE });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  return cdp;
}

const short = (url: unknown) => String(url ?? '').replace(/^https?:\/\/[^/]+/u, '').replace(/-[\w-]{8}\.js$/u, '.js');

/**
 * From the trace of a reopen: the renderer's main thread (the one that compiled the app's modules),
 * its time by kind of work (inclusive: a compile inside a function call counts in both), and for
 * each of the app's modules whether V8 compiled it from scratch or from Chromium's code cache.
 */
function summarise(events: TraceEvent[], readyMs: number) {
  const modules = events.filter((e) => e.name === 'v8.compileModule' && short(e.args?.data?.url).startsWith('/assets/'));
  const first = modules[0];
  if (!first) return console.log('  (no compile of the app in the trace)');
  const onMain = events.filter((e) => e.pid === first.pid && e.tid === first.tid && e.ph === 'X');
  const kinds = ['RunTask', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'V8.CompileCode', 'V8.CompileIgnition', 'ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'MinorGC', 'MajorGC', 'RunMicrotasks'];
  const start = Math.min(...onMain.map((e) => e.ts));
  const total = new Map<string, number>();
  for (const e of onMain) if (kinds.includes(e.name)) total.set(e.name, (total.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  // CPU time of the main thread from the first request of the app to usable: time the thread was
  // descheduled is left out, but on a loaded machine it still varied by ±35 % between reopens (decision 036).
  const appStart = Math.min(...events.filter((e) => e.pid === first.pid && e.name === 'ResourceSendRequest').map((e) => e.ts), first.ts);
  const appEnd = appStart + readyMs * 1000;
  const cpu = onMain.filter((e) => e.name === 'RunTask' && e.ts >= appStart - 50_000 && e.ts <= appEnd).reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  console.log(`  main-thread CPU time until usable: ${cpu.toFixed(0)} ms`);
  console.log(`  main thread over the trace (${((Math.max(...onMain.map((e) => e.ts + (e.dur ?? 0))) - start) / 1000).toFixed(0)} ms, usable at ${readyMs.toFixed(0)} ms), inclusive ms:`);
  console.log(`    ${kinds.filter((k) => total.has(k)).map((k) => `${k} ${total.get(k)!.toFixed(0)}`).join(', ')}`);
  // Other processes' main threads over the same trace (the browser's own pages compete for the cores).
  const threads = new Map<string, number>();
  const processNames = new Map(events.filter((e) => e.name === 'process_name').map((e) => [e.pid, String(e.args?.name ?? e.pid)]));
  for (const e of events) if (e.name === 'RunTask' && e.ph === 'X' && e.pid !== first.pid && e.tid === e.pid) threads.set(processNames.get(e.pid) ?? String(e.pid), (threads.get(processNames.get(e.pid) ?? String(e.pid)) ?? 0) + (e.dur ?? 0) / 1000);
  console.log(`    other processes' main threads: ${[...threads].filter(([, ms]) => ms >= 20).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join(', ') || 'none'}`);
  for (const m of modules) {
    const data = m.args?.data ?? {};
    const cache = Object.entries(data).filter(([k]) => !['url', 'lineNumber', 'columnNumber', 'scriptId', 'frame'].includes(k)).map(([k, v]) => `${k}=${String(v)}`).join(' ');
    console.log(`    compile ${short(data.url)}: ${((m.dur ?? 0) / 1000).toFixed(1)} ms ${cache}`);
  }
}

async function reopenTraced(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await throttle(context, page);
  // The page's own DevTools session traces (as DevTools does), in an in-memory or an on-disk profile alike.
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.on('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'v8.execute', 'blink.user_timing', 'loading'] } });
  await page.goto(url, { waitUntil: 'commit' });
  const ready = (await (await page.waitForFunction(cellHomeVisible, undefined, { timeout: 60_000, polling: 50 })).jsonValue()) as number;
  const all = (await (await page.waitForFunction(allMembersRendered, undefined, { timeout: 60_000, polling: 'raf' })).jsonValue()) as number;
  console.log(`  usable after ${ready.toFixed(0)} ms; every member rendered after ${all.toFixed(0)} ms`);
  await cdp.send('Tracing.end');
  await complete;
  if (process.env.QT_TRACE_OUT) writeFileSync(process.env.QT_TRACE_OUT, JSON.stringify({ traceEvents: events }));
  summarise(events, ready);
  await page.close();
}

async function reopenProfiled(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const cdp = await throttle(context, page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(url, { waitUntil: 'commit' });
  const ready = (await (await page.waitForFunction(cellHomeVisible, undefined, { timeout: 60_000, polling: 50 })).jsonValue()) as number;
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`  usable after ${ready.toFixed(0)} ms (profiled)`);
  // QT_PROFILE_OUT=file.cpuprofile keeps the profile (DevTools opens it; with a build made with
  // --sourcemap, its positions map back to the sources).
  if (process.env.QT_PROFILE_OUT) writeFileSync(process.env.QT_PROFILE_OUT, JSON.stringify({ ...profile, readyMs: ready }));
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1) / 1000;
  const counts = new Map<number, number>();
  for (const id of profile.samples ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const n = counts.get(node.id) ?? 0;
    if (!n) continue;
    const { functionName, url: file, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${short(file)}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + n * interval);
    const fileKey = short(file) || functionName;
    byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + n * interval);
  }
  console.log('  self time by file (ms):');
  for (const [file, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`    ${ms.toFixed(0).padStart(6)} ${file}`);
  console.log('  self time by function (ms):');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${ms.toFixed(0).padStart(6)} ${name}`);
  await page.close();
}

export async function run() {
  const { url, server } = await startDemoServer(WEB_DIR);
  const options = { baseURL: url, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' };
  const browser = PERSISTENT ? undefined : await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = browser ? await browser.newContext(options) : await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'qt-profile-')), { executablePath: CHROMIUM, args: ARGS, ...options });
  try {
    await waitForHealth(url);
    const login = await context.request.post('/api/auth/login', { data: { username: 'bithu', password: 'quantriet' } });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);
    const first = await context.newPage();
    await first.goto('/');
    await first.waitForFunction(cellHomeVisible, undefined, { timeout: 60_000 });
    await first.waitForLoadState('networkidle');
    await first.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await first.close();
    for (let i = 0; i < REOPENS; i++) {
      console.log(`reopen ${i + 1} (traced)`);
      await reopenTraced(context, url);
    }
    console.log('reopen (profiled)');
    await reopenProfiled(context, url);
  } finally {
    await context.close();
    await browser?.close();
    await stopProcess(server);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('first-load-profile.ts')) await run().then(() => process.exit(0));
