// Operations (issue 15, item 8): JSON logs with a request id and no personal data; /api/health checks
// the database; /metrics in the Prometheus format for the machine itself or a token; closing finishes
// the requests and the jobs in flight.
import { PassThrough } from 'node:stream';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadEnv } from './env';
import { DEMO_PASSWORD } from './seed/demo';
import { openTestDatabase, startTestApp } from '../../test/support/app';
import { BACKUP_JOB, REMINDER_JOB } from './jobs';
import { verifyBackup } from './backup/backup';

const scratch = mkdtempSync(join(tmpdir(), 'qt-ops-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const testEnv = (overrides: Record<string, string> = {}) =>
  loadEnv({ NODE_ENV: 'test', QT_LOGIN_RATE_LIMIT: '1000', QT_WEB_DIR: '/nonexistent', QT_FILES_DIR: join(scratch, 'files'), LOG_LEVEL: 'info', ...overrides });

describe('logs', () => {
  it('one JSON line per event with the request id, and no password, cookie, query, body or address', async () => {
    const database = await openTestDatabase();
    const stream = new PassThrough();
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const app = await buildApp({ env: testEnv(), database, logger: stream });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD }, headers: { 'x-request-id': 'proxy-req-12345' } });
      expect(login.statusCode).toBe(200);
      expect(login.headers['x-request-id']).toBe('proxy-req-12345');
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const search = await app.inject({ url: '/api/people?q=Nguy%E1%BB%85n%20V%C4%83n%20H%C3%B9ng', headers: { cookie, authorization: 'Bearer secret-token-value' } });
      expect(search.statusCode).toBe(200);
      expect(search.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/u);
      const refused = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: 'mat-khau-sai-9876' } });
      expect(refused.statusCode).toBe(401);

      const lines = text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const ofRequests = lines.filter((l) => l.req || l.res);
      expect(ofRequests.length).toBeGreaterThanOrEqual(6);
      for (const line of ofRequests) expect(line.reqId).toEqual(expect.any(String));
      expect(lines.filter((l) => l.reqId === 'proxy-req-12345').length).toBeGreaterThanOrEqual(2);
      expect(lines.find((l) => (l.req as { path?: string })?.path === '/api/people')).toMatchObject({ req: { method: 'GET', route: '/api/people', path: '/api/people' } });
      for (const secret of [DEMO_PASSWORD, 'mat-khau-sai-9876', 'vanphong', 'Nguy', 'q=', cookie.split('=')[1]!.slice(0, 20), 'secret-token-value', '127.0.0.1', 'remoteAddress']) {
        expect(text, secret).not.toContain(secret);
      }
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('/api/health', () => {
  it('answers 200 when the database answers, 503 when it does not; public', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ env: testEnv(), database });
    try {
      const ok = await app.inject({ url: '/api/health' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ status: 'ok', database: 'ok' });
      await database.close();
      const down = await app.inject({ url: '/api/health' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'error', database: 'unreachable' });
    } finally {
      await app.close();
    }
  });
});

describe('/metrics', () => {
  it('request rates and latencies by route pattern, queue depth and PDF conversions, for the machine itself', async () => {
    const t = await startTestApp({ QT_JOBS: 'true', QT_JOBS_POLL_SECONDS: '5', QT_BACKUP_KEEP: '0' });
    try {
      const s = await t.signIn('vanphong');
      const units = (await s.inject({ url: '/api/units' })).json() as { id: string }[] | { units: { id: string }[] };
      const unitId = (Array.isArray(units) ? units : units.units)[0]!.id;
      expect((await s.inject({ url: `/api/units/${unitId}/members` })).statusCode).toBe(200);
      await t.app.inject({ url: '/api/khong-co-dia-chi-nay-12345' });
      await t.app.jobs!.send(REMINDER_JOB, {}, { startAfter: 3600 });

      const res = await t.app.inject({ url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/plain');
      const body = res.body;
      expect(body).toContain('qt_http_requests_total{method="POST",route="/api/auth/login",status="200"} 1');
      expect(body).toMatch(/qt_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/units\/:id\/members"\}/u);
      expect(body).toContain('route="(not found)"');
      expect(body).not.toContain(unitId);
      expect(body).not.toContain('khong-co-dia-chi');
      expect(body).toContain(`qt_job_queue_depth{queue="${REMINDER_JOB}",state="created"} 1`);
      expect(body).toContain('# TYPE qt_pdf_conversions_total counter');
      expect(body).toContain('qt_process_resident_memory_bytes');
    } finally {
      await t.close();
    }
  });

  it('is refused (404) from another machine or through a proxy; with QT_METRICS_TOKEN only with the token', async () => {
    const open = await startTestApp();
    const locked = await startTestApp({ QT_METRICS_TOKEN: 'a-long-metrics-token-1234' });
    try {
      expect((await open.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(404);
      expect((await open.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(404);
      expect((await open.app.inject({ url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
      expect((await locked.app.inject({ url: '/metrics' })).statusCode).toBe(404);
      expect((await locked.app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).statusCode).toBe(404);
      const withToken = await locked.app.inject({ url: '/metrics', remoteAddress: '10.1.2.3', headers: { authorization: 'Bearer a-long-metrics-token-1234' } });
      expect(withToken.statusCode).toBe(200);
      expect(withToken.body).toContain('qt_http_requests_total');
    } finally {
      await open.close();
      await locked.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('closing finishes a request in flight and a job in hand', async () => {
    const backups = join(scratch, 'backups');
    const database = await openTestDatabase();
    const app = await buildApp({ env: testEnv({ LOG_LEVEL: 'silent', QT_JOBS: 'true', QT_JOBS_POLL_SECONDS: '0.5', QT_BACKUP_DIR: backups }), database });
    let release!: () => void;
    let entered!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    app.get('/test/slow', { config: { public: true } }, async () => {
      entered();
      await held;
      return { done: true };
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const inFlight = fetch(`${address}/test/slow`);
      await inHandler;
      await app.jobs!.send(BACKUP_JOB, {});
      // The job is in hand when pg-boss marks it active.
      for (let i = 0; i < 200; i++) {
        const { rows } = await database.executeSql(`SELECT state FROM pgboss.job WHERE name = $1`, [BACKUP_JOB]);
        if (rows.some((r) => r.state === 'active' || r.state === 'completed')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const closing = app.close();
      setTimeout(release, 300);
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ done: true });
      await closing;
      const { rows } = await database.executeSql(`SELECT state FROM pgboss.job WHERE name = $1`, [BACKUP_JOB]);
      expect(rows.map((r) => r.state)).toEqual(['completed']);
      const files = readdirSync(backups);
      expect(files).toHaveLength(1);
      await verifyBackup(join(backups, files[0]!));
    } finally {
      await app.close();
      await database.close();
    }
  }, 120_000);
});
