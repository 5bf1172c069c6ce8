// The sign-in check is decided on the matched route's declaration (`config: { public: true }`),
// never on the text of the address: every route is private unless declared public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../../test/support/app';
import { membersOf } from '../../../test/support/factories';
import { policyFunctions } from './policies';

const indexHtml = '<!doctype html><title>QuánTriệt</title><div id="root"></div>';
const asset = 'console.log("app")';

let t: TestApp;
let webDir: string;
beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'qt-web-'));
  mkdirSync(join(webDir, 'assets'));
  writeFileSync(join(webDir, 'index.html'), indexHtml);
  writeFileSync(join(webDir, 'assets', 'app-3f2a9c.js'), asset);
  t = await startTestApp({ QT_WEB_DIR: webDir });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

const anonymous = (url: string, method: 'GET' | 'POST' = 'GET') => t.app.inject({ method, url });

describe('addresses that reach a private route in another spelling', () => {
  it.each(['/%61pi/plan-import/vocabulary', '/%61pi/members/search?q=a', '/api/%70lans', '/%61%70%69/me', '/api/members/%73earch?q=a', '/api/plans/'])(
    '%s needs a session: 401',
    async (url) => {
      const res = await anonymous(url);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.id).toBe('auth.required');
    },
  );

  it.each(['/%2561pi/plan-import/vocabulary', '/api/%2570lans', '/API/plans', '/Api/members/search?q=a', '//api/plans', '/api//plans', '/api/plan-import/vocabulary/'])(
    '%s reaches no route: a JSON 404, not the web app and never data',
    async (url) => {
      const res = await anonymous(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.id).toBe('route.not-found');
    },
  );

  it('a write through an encoded address needs a session too', async () => {
    const res = await anonymous('/%61pi/plans', 'POST');
    expect(res.statusCode).toBe(401);
  });
});

describe('what is public', () => {
  it('every route not declared public answers 401 without a session', async () => {
    const routes = t.app.routeAccess();
    const privateRoutes = routes.filter((r) => !r.public);
    expect(privateRoutes.length).toBeGreaterThan(30);
    for (const route of privateRoutes) {
      const url = route.url.replace(/:[A-Za-z]+/gu, '00000000-0000-4000-8000-000000000000').replace(/\*$/u, 'x');
      const res = await t.app.inject({ method: route.method as 'GET', url });
      expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
    }
  });

  it('declares public only sign-in, sign-out, health, metrics, the API description, the private calendar feeds, the public pages and the web app’s files', async () => {
    const publicRoutes = t.app
      .routeAccess()
      .filter((r) => r.public)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/health',
        'HEAD /api/health',
        'GET /api/docs/json',
        'HEAD /api/docs/json',
        'GET /api/session',
        'HEAD /api/session',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        // Prometheus metrics: no session, but only the machine itself or QT_METRICS_TOKEN (observability.ts).
        'GET /metrics',
        'HEAD /metrics',
        // A person's private calendar feed: answers only to a valid, unrevoked token (calendar feature).
        'GET /api/calendar/:tenantId/:file',
        'HEAD /api/calendar/:tenantId/:file',
        // The public pages of a commune's published resolutions (propaganda feature: no private data),
        // and their first addresses, which redirect there.
        'GET /p/resolutions',
        'HEAD /p/resolutions',
        'GET /p/resolutions/:slug',
        'HEAD /p/resolutions/:slug',
        'GET /cong-khai/:commune',
        'HEAD /cong-khai/:commune',
        'GET /cong-khai/:commune/nghi-quyet/:resolution',
        'HEAD /cong-khai/:commune/nghi-quyet/:resolution',
        'GET /',
        'HEAD /',
        'GET /index.html',
        'HEAD /index.html',
        'GET /assets/app-3f2a9c.js',
        'HEAD /assets/app-3f2a9c.js',
      ].sort(),
    );
  });

  it('serves the web app without a session: its files, and index.html for page addresses', async () => {
    const root = await anonymous('/');
    expect(root.statusCode).toBe(200);
    expect(root.body).toBe(indexHtml);
    const file = await anonymous('/assets/app-3f2a9c.js');
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe(asset);
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await anonymous('/ke-hoach/00000000-0000-4000-8000-000000000000');
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(indexHtml);
  });

  it('an unknown API address is a JSON 404 with or without a session', async () => {
    const s = await t.signIn('vanphong');
    for (const res of [await anonymous('/api/khong-co'), await s.inject({ url: '/api/khong-co' }), await anonymous('/%61pi/khong-co')]) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.id).toBe('route.not-found');
    }
  });
});

describe('personal answers are not cached', () => {
  it('/api/me, a member and the members export answer Cache-Control: no-store', async () => {
    const s = await t.signIn('vanphong');
    const [member] = await membersOf(t.database, 'Chi bộ Tràng Đà 1');
    const me = await s.inject({ url: '/api/me' });
    const one = await s.inject({ url: `/api/members/${member!.id}` });
    const exported = await s.inject({ url: `/api/units/${member!.cellId}/members/export?format=csv` });
    for (const res of [me, one, exported]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const signedIn = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: 'quantriet' } });
    expect(signedIn.headers['cache-control']).toBe('no-store');
  });
});

describe('every private route names its policy (decision 012)', () => {
  it('declares a policy on every route that is not public, and only names that auth/policies.ts knows', () => {
    const routes = t.app.routeAccess().filter((r) => !r.public);
    const undeclared = routes.filter((r) => r.policy === null).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const unknown = routes.filter((r) => policyFunctions(r.policy!).length === 0).map((r) => `${r.method} ${r.url} → ${r.policy}`);
    expect(unknown).toEqual([]);
  });

  it('lists every routed action with its policy and the functions deciding it (the route table)', () => {
    const table = t.app
      .routeAccess()
      .filter((r) => !r.public && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url} → ${r.policy} (${policyFunctions(r.policy!).join(', ')})`)
      .sort();
    // The route table the closing note lists; a change of policy shows here first.
    expect(table).toMatchSnapshot();
  });
});
