// Security (issue 15, item 7), the parts a test can hold: sessions rotate on sign-in and die on
// sign-out and on a password change elsewhere; the session cookie is HttpOnly, SameSite and Secure
// behind an HTTPS proxy; a CSP without inline scripts; rate limits on sign-in, uploads and QR check-in;
// the audit log cannot be changed through the application nor by SQL.
import { readFileSync } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../test/support/app';
import { DEMO_PASSWORD } from './seed/demo';
import { SESSION_COOKIE } from './auth/plugin';
import { CHECK_IN_ROUTES, UPLOAD_ROUTES } from './rate-limits';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const login = (app: TestApp, username: string, headers: Record<string, string> = {}) =>
  app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD }, headers });
const sessionOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === SESSION_COOKIE)!;

describe('sessions', () => {
  it('a sign-in always opens a new session, even when the browser brings one (no fixation)', async () => {
    const first = sessionOf(await login(t, 'banxaydung'));
    const again = await login(t, 'banxaydung', { cookie: `${SESSION_COOKIE}=${first.value}` });
    expect(again.statusCode).toBe(200);
    expect(sessionOf(again).value).not.toBe(first.value);
    // A cookie the server never issued opens nothing.
    const forged = `${first.value.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: `${SESSION_COOKIE}=${forged}` } })).statusCode).toBe(401);
  });

  it('sign-out ends the session at once (also for the session cache)', async () => {
    const s = await t.signIn('banxaydung');
    expect((await s.inject({ url: '/api/me' })).statusCode).toBe(200);
    expect((await s.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBeLessThan(300);
    expect((await s.inject({ url: '/api/me' })).statusCode).toBe(401);
  });

  it('a password change ends every other session of the account', async () => {
    const elsewhere = await t.signIn('ubnd');
    const here = await t.signIn('ubnd');
    expect((await elsewhere.inject({ url: '/api/me' })).statusCode).toBe(200);
    const changed = await here.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'mat-khau-moi-an-toan-2026' } });
    expect(changed.statusCode).toBe(200);
    expect((await elsewhere.inject({ url: '/api/me' })).statusCode).toBe(401);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly and SameSite=Lax, not Secure over plain HTTP', async () => {
    const cookie = sessionOf(await login(t, 'thuongtruc')) as { httpOnly?: boolean; sameSite?: string; secure?: boolean; path?: string };
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
  });

  it('is Secure behind an HTTPS proxy when the proxy is trusted, and only then', async () => {
    const proxied = await startTestApp({ QT_TRUST_PROXY: 'true' });
    try {
      const viaHttps = sessionOf(await login(proxied, 'thuongtruc', { 'x-forwarded-proto': 'https' })) as { secure?: boolean; httpOnly?: boolean };
      expect(viaHttps).toMatchObject({ secure: true, httpOnly: true });
    } finally {
      await proxied.close();
    }
    // Not trusted: a client's own X-Forwarded-Proto changes nothing.
    const direct = sessionOf(await login(t, 'thuongtruc', { 'x-forwarded-proto': 'https' })) as { secure?: boolean };
    expect(direct.secure).toBeUndefined();
  });
});

describe('content security policy', () => {
  it('allows scripts from the app itself only: no inline scripts, no eval, no other origin', async () => {
    const csp = String((await t.app.inject({ url: '/api/health' })).headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]+)/u.exec(csp)?.[1]?.trim();
    expect(scriptSrc).toBe("'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('the page the app is built from has no inline script (the CSP would block it)', () => {
    const html = readFileSync(fileURLToPath(new URL('../../index.html', import.meta.url)), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/giu)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/u);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/iu);
  });
});

describe('rate limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ QT_UPLOAD_RATE_LIMIT: '2', QT_CHECK_IN_RATE_LIMIT: '2', QT_LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(async () => limited?.close());

  it('sign-in: past the limit per minute, 429 with the product’s message', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'khong-co', password: 'sai-mat-khau' } })).statusCode);
    expect(answers).toEqual([401, 401, 401, 429]);
  });

  it('uploads: per account, past the limit 429, another account unaffected', async () => {
    // The sign-in limit was used up above by the same address: a fresh app for these sessions.
    const app = await startTestApp({ QT_UPLOAD_RATE_LIMIT: '2' });
    try {
      const staff = await app.signIn('vanphong');
      const other = await app.signIn('banxaydung');
      const paste = (s: typeof staff) => s.inject({ method: 'POST', url: '/api/plans/import', payload: { text: 'KẾ HOẠCH\nthử' } });
      const answers = [(await paste(staff)).statusCode, (await paste(staff)).statusCode];
      const third = await paste(staff);
      expect(answers.every((status) => status !== 429)).toBe(true);
      expect(third.statusCode).toBe(429);
      expect(third.json().error).toEqual({ id: 'rate-limited', message: 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.' });
      expect((await paste(other)).statusCode).not.toBe(429);
    } finally {
      await app.close();
    }
  });

  it('QR check-in: per account, past the limit 429', async () => {
    const app = await startTestApp({ QT_CHECK_IN_RATE_LIMIT: '2' });
    try {
      const member = await app.signIn('dangvien');
      const scan = () => member.inject({ method: 'POST', url: '/api/check-in', payload: { token: 'ma-khong-hop-le' } });
      const answers = [(await scan()).statusCode, (await scan()).statusCode, (await scan()).statusCode];
      expect(answers[0]).not.toBe(429);
      expect(answers[2]).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('every route that reads an upload is rate-limited (a new one without a limit fails here)', () => {
    const features = fileURLToPath(new URL('./features', import.meta.url));
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (entry === 'routes.ts') {
          const text = readFileSync(path, 'utf8');
          for (const match of text.matchAll(/readUpload(?:WithFields)?\(/gu)) {
            const before = text.slice(0, match.index);
            const route = [...before.matchAll(/app\.(post|put|patch)\(\s*'([^']+)'/gu)].at(-1)!;
            found.push(`${route[1]!.toUpperCase()} ${route[2]}`);
          }
        }
      }
    };
    walk(features);
    expect(found.length).toBeGreaterThanOrEqual(5);
    expect([...new Set(found)].sort()).toEqual([...UPLOAD_ROUTES].sort());
    const routes = t.app.routeAccess().map((r) => `${r.method} ${r.url}`);
    for (const route of [...UPLOAD_ROUTES, ...CHECK_IN_ROUTES]) expect(routes).toContain(route);
  });
});

describe('the audit log', () => {
  it('no route changes or removes audit entries', () => {
    const writes = t.app
      .routeAccess()
      .filter((r) => /audit/iu.test(r.url) && !['GET', 'HEAD'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect(writes).toEqual([]);
  });

  it('the database refuses UPDATE and DELETE on it, whoever asks', async () => {
    const before = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`);
    const count = (before as unknown as { rows: { n: number }[] }).rows[0]!.n;
    expect(count).toBeGreaterThan(0);
    await expect(t.database.db.execute(sql`UPDATE audit_log SET action = 'sua' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    const after = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sua'`);
    expect((after as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });
});
