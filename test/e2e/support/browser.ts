// Browser helpers for the stories: Debian's Chromium through playwright-core, signing in, an
// accessibility check with axe-core, and a small API client to set up and verify data.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';

export const CHROMIUM_PATH = process.env.QT_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
export const DEMO_PASSWORD = 'quantriet';

if (!hasChromium && process.env.CI === 'true') {
  throw new Error(`Chromium is required for the e2e stories in CI but ${CHROMIUM_PATH} does not exist (apt-get install chromium).`);
}

/** `describe` for browser stories: skipped, with the reason in its name, when Chromium is missing. */
export function story(name: string, body: () => void) {
  if (hasChromium) return describe(name, body);
  console.warn(`[e2e] Skipping "${name}": ${CHROMIUM_PATH} not found (install Debian's chromium to run the browser stories).`);
  return describe.skip(`${name} (skipped: ${CHROMIUM_PATH} not found)`, body);
}

export const baseUrl = () => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

const cspReports = new WeakMap<BrowserContext, string[]>();

/**
 * A fresh browser context on the test server. The server's strict content security policy stays on,
 * and any violation the browser reports is kept for `cspViolations()`.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = desktop): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
  context.setDefaultTimeout(15_000);
  const reports: string[] = [];
  cspReports.set(context, reports);
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/iu.test(message.text())) reports.push(message.text());
  });
  return context;
}

/** What the content security policy blocked in this context so far (inline scripts, foreign fonts…). */
export const cspViolations = (context: BrowserContext) => cspReports.get(context) ?? [];

/** Signs in through the sign-in page, as a person would, and waits to leave it. */
export async function signInThroughPage(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
  // The next page's code may still be loading (pages load on first visit): wait until it replaced the form.
  await page.getByLabel('Tên đăng nhập').waitFor({ state: 'detached' });
}

/** A context already signed in (through the API: faster, for stories that are not about signing in). */
export async function signedInContext(browser: Browser, username: string, options: BrowserContextOptions = desktop) {
  const context = await newContext(browser, options);
  const response = await context.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  if (!response.ok()) throw new Error(`Sign-in of ${username} failed: ${response.status()} ${await response.text()}`);
  return context;
}

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/**
 * Puts axe-core into the page. addScriptTag({ path }) inlines the file into a <script> element,
 * which the app's CSP (script-src 'self') rightly refuses; so the same file is evaluated through
 * the DevTools protocol instead, which CSP does not govern. The policy stays on for the app.
 */
async function injectAxe(page: Page) {
  if (await page.evaluate(() => 'axe' in window)) return;
  const csp = (await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]') !== null)) || (await hasCspHeader(page));
  if (!csp) {
    await page.addScriptTag({ path: axePath });
    return;
  }
  axeSource ??= readFileSync(axePath, 'utf8');
  await page.evaluate(axeSource);
}

async function hasCspHeader(page: Page): Promise<boolean> {
  const response = await page.request.get(page.url());
  return Boolean(response.headers()['content-security-policy']);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

/** Runs axe-core (WCAG 2.1 A and AA) on the page and fails on serious or critical violations. */
export async function expectAccessible(page: Page, label = page.url()) {
  // A dialog fading in has colours half-way between its own and the page's: judge the settled screen.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { timeout: 5000 }).catch(() => undefined);
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations;
  });
  const bad = (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const text = bad
      .map((v) => `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`).join('\n')}`)
      .join('\n');
    throw new Error(`Accessibility violations on ${label}:\n${text}`);
  }
}

/** The page is no wider than the viewport: nothing makes a phone scroll sideways. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; viewport: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }));
}

/** When QT_E2E_SCREENSHOTS names a folder, saves what the screen shows there for a human to look at. */
export async function screenshot(page: Page, name: string, fullPage = false) {
  const dir = process.env.QT_E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

/** A small API client (Node side) to prepare and verify data behind the browser's back. */
export class ApiClient {
  private cookie = '';
  private csrf = '';

  static async signIn(username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const client = new ApiClient();
    const response = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`API sign-in of ${username} failed: ${response.status} ${await response.text()}`);
    client.cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? '']).map((c) => c.split(';')[0]).join('; ');
    client.csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
    return client;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const headers: Record<string, string> = { cookie: this.cookie, 'x-csrf-token': this.csrf };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${baseUrl()}${path}`, { method, headers, body: payload });
    const text = await response.text();
    return { status: response.status, data: (text ? JSON.parse(text) : null) as T };
  }

  async get<T>(path: string): Promise<T> {
    const { status, data } = await this.request<T>('GET', path);
    if (status !== 200) throw new Error(`GET ${path} → ${status}: ${JSON.stringify(data)}`);
    return data;
  }
}

export interface UnitRow {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  memberCount: number;
}

export interface MemberRow {
  id: string;
  cellId: string;
  cellName: string;
  fullName: string;
  phone: string | null;
  cardNumber: string | null;
  version: number;
}

export async function findUnit(client: ApiClient, name: string): Promise<UnitRow> {
  const { units } = await client.get<{ units: UnitRow[] }>('/api/units');
  const unit = units.find((u) => u.name === name);
  if (!unit) throw new Error(`No unit named ${name}`);
  return unit;
}
