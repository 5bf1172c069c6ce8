import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { auditLog } from '../features/audit/tables';
import { users } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ QT_LOCKOUT_ATTEMPTS: '3' });
});
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('signing in', () => {
  it('answers 200 with an HttpOnly, SameSite=Lax session cookie and the computed abilities', async () => {
    const res = await login('vanphong', 'quantriet');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qt_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = res.json();
    expect(me.user.username).toBe('vanphong');
    expect(me.roles).toEqual([expect.objectContaining({ role: 'wardStaff', unitName: 'Đảng ủy phường Nông Tiến' })]);
    expect(me.abilities).toMatchObject({ importMembers: true, manageUsers: false });
  });

  it('sets a Secure cookie behind HTTPS', async () => {
    const proxied = await startTestApp({ QT_TRUST_PROXY: 'true' });
    try {
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'vanphong', password: 'quantriet' },
      });
      expect(res.cookies.find((c) => c.name === 'qt_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('gives the same 401 message for a wrong password and an unknown user', async () => {
    const wrong = await login('thuongtruc', 'sai-mat-khau');
    const unknown = await login('khong-co-ai', 'quantriet');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login('banxaydung', 'sai')).statusCode).toBe(401);
    const res = await login('banxaydung', 'quantriet');
    expect(res.statusCode).toBe(423);
    expect(res.json().error.id).toBe('auth.locked');
    const actions = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.action, 'auth.locked'));
    expect(actions.length).toBe(1);
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await startTestApp({ QT_LOGIN_RATE_LIMIT: '2' });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) {
        codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      }
      expect(codes).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('validates the body with a Vietnamese message and a stable id', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('validation');
    const malformed = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.id).toBe('invalid-json');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.id).toBe('payload-too-large');
  });
});

describe('sessions', () => {
  it('requires a session for /api/me and answers JSON 404 for unknown routes', async () => {
    expect((await t.app.inject({ url: '/api/me' })).statusCode).toBe(401);
    const missing = await t.app.inject({ url: '/api/khong-co' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.id).toBe('route.not-found');
  });

  it('answers GET /api/session with 200 whether or not someone is signed in', async () => {
    const none = await t.app.inject({ url: '/api/session' });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ signedIn: false, me: null });
    const s = await t.signIn('bithu');
    const mine = await s.inject({ url: '/api/session' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ signedIn: true, me: { user: { username: 'bithu' }, csrfToken: s.csrfToken } });
    const stale = await t.app.inject({ url: '/api/session', headers: { cookie: 'qt_session=not-a-session' } });
    expect(stale.json()).toEqual({ signedIn: false, me: null });
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await t.signIn('thuongtruc');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: s.cookie },
      payload: { currentPassword: 'quantriet', newPassword: 'mat-khau-moi-2026' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.id).toBe('auth.csrf');
  });

  it('changes the password, ending every session and rotating the one that changed it, and logs out', async () => {
    const first = await t.signIn('tinhuy');
    const second = await t.signIn('tinhuy');
    const weak = await second.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'quantriet', newPassword: '123' } });
    expect(weak.json().error.id).toBe('auth.weak-password');
    const wrong = await second.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'sai', newPassword: 'mat-khau-moi-2026' } });
    expect(wrong.json().error.id).toBe('auth.wrong-current-password');
    const ok = await second.inject({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'quantriet', newPassword: 'mat-khau-moi-2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await first.inject({ url: '/api/me' })).statusCode).toBe(401);
    // The cookie that changed it is spent too: the answer carries a new session and its token.
    expect((await second.inject({ url: '/api/me' })).statusCode).toBe(401);
    const rotated = ok.cookies.find((c) => c.name === 'qt_session')!;
    expect(rotated.httpOnly).toBe(true);
    const current = { cookie: `${rotated.name}=${rotated.value}`, 'x-csrf-token': ok.json().csrfToken };
    expect(current.cookie).not.toBe(second.cookie);
    expect((await t.app.inject({ url: '/api/me', headers: current })).statusCode).toBe(200);
    expect((await login('tinhuy', 'quantriet')).statusCode).toBe(401);
    expect((await login('tinhuy', 'mat-khau-moi-2026')).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: current });
    expect((await t.app.inject({ url: '/api/me', headers: current })).statusCode).toBe(401);
    const [user] = await t.database.db.select().from(users).where(eq(users.username, 'tinhuy'));
    expect(user!.passwordHash).toMatch(/^scrypt\$/);
  });
});

describe('platform', () => {
  it('answers health, OpenAPI and security headers', async () => {
    const health = await t.app.inject({ url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    const docs = await t.app.inject({ url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(docs.json().paths).toHaveProperty('/api/auth/login');
    expect(docs.json().paths).toHaveProperty('/api/units/{id}/members');
  });

  it('keeps the audit log append-only', async () => {
    await expect(t.database.db.delete(auditLog)).rejects.toThrow();
    await expect(t.database.db.update(auditLog).set({ action: 'x' })).rejects.toThrow();
  });
});
