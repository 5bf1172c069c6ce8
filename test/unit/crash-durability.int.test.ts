// Durability under crashes (issue 15, item 1): the real server with the demo ward, three clients
// streaming writes of several kinds (people created, attendance marked, a draft plan edited), the
// server killed with SIGKILL at a random moment, ten times, restarted each time. After every
// restart each acknowledged write is there and intact; at the end the database is consistent
// (every B-tree index checked with amcheck). On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const onPostgres = process.env.QT_TEST_DB === 'postgres';
const KILLS = 10;
const PASSWORD = 'quantriet';

interface Api {
  cookie: string;
  csrf: string;
}

let baseUrl = '';
let server: ChildProcess | null = null;
let dataDir = '';
let databaseUrl = '';
let dropDatabase: (() => Promise<void>) | null = null;
let output = '';

function startServer(): Promise<void> {
  output = '';
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', QT_LOGIN_RATE_LIMIT: '10000', QT_WEB_DIR: '/nonexistent' };
  if (onPostgres) env.DATABASE_URL = databaseUrl;
  else env.QT_DATA_DIR = dataDir;
  env.QT_FILES_DIR = join(dataDir, 'files');
  const child = spawn(process.execPath, [join(repo, 'bin/quantriet'), 'serve', '--seed-demo'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start\n${output}`)), 240_000);
    const check = () => {
      const match = /đang chạy tại (http:\/\/[^\s)]+)/u.exec(output);
      if (match) {
        clearTimeout(timer);
        baseUrl = match[1]!;
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!baseUrl) reject(new Error(`the server exited with ${code}\n${output}`));
    });
  });
}

function killServer(): Promise<void> {
  const child = server!;
  server = null;
  baseUrl = '';
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function signIn(username: string): Promise<Api> {
  const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in of ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function call<T>(api: Api, method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: api.cookie, 'x-csrf-token': api.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, data: (text ? JSON.parse(text) : null) as T };
}

/** What the clients were told was stored, and what they had sent when the server died. */
interface Ledger {
  people: { id: string; fullName: string }[];
  /** The last acknowledged value, and every value sent after it without an answer (it may have been stored). */
  attendance: { acked: string | null; unanswered: string[] };
  plan: { ackedVersion: number; ackedMarker: string | null; unanswered: string[] };
}

const ledger: Ledger = { people: [], attendance: { acked: null, unanswered: [] }, plan: { ackedVersion: 0, ackedMarker: null, unanswered: [] } };
let sessionId = '';
let memberId = '';
let planId = '';
let planBase = '';

async function streamUntilKilled(run: number, killAfterMs: number): Promise<void> {
  const office = await signIn('vanphong');
  const secretary = await signIn('bithu');
  let stop = false;
  const loop = async (step: (i: number) => Promise<void>) => {
    for (let i = 0; !stop; i += 1) {
      try {
        await step(i);
      } catch {
        return; // the connection died with the server
      }
    }
  };
  const people = loop(async (i) => {
    const fullName = `Người thử ${run}-${i}`;
    const { status, data } = await call<{ id: string }>(office, 'POST', '/api/people', { fullName });
    if (status === 201) ledger.people.push({ id: data.id, fullName });
  });
  const attendance = loop(async (i) => {
    const { data: session } = await call<{ version: number }>(secretary, 'GET', `/api/sessions/${sessionId}`);
    const status = i % 2 === 0 ? 'present' : 'absent';
    ledger.attendance.unanswered.push(status);
    const saved = await call(secretary, 'PUT', `/api/sessions/${sessionId}/attendance`, { version: session.version, marks: [{ memberId, status, reason: status === 'absent' ? 'Ốm' : null }] });
    if (saved.status === 200) Object.assign(ledger.attendance, { acked: status, unanswered: [] });
    else ledger.attendance.unanswered.pop(); // refused: not stored
  });
  const plan = loop(async (i) => {
    const { data: current } = await call<{ version: number }>(office, 'GET', `/api/plans/${planId}`);
    const marker = `Ghi chú thử độ bền ${run}-${i}.`;
    ledger.plan.unanswered.push(marker);
    const saved = await call<{ version: number }>(office, 'PATCH', `/api/plans/${planId}`, { version: current.version, source: `${planBase}\n\n${marker}\n` });
    if (saved.status === 200) Object.assign(ledger.plan, { ackedVersion: saved.data.version, ackedMarker: marker, unanswered: [] });
    else ledger.plan.unanswered.pop(); // refused: not stored
  });
  await new Promise((r) => setTimeout(r, killAfterMs));
  stop = true;
  await killServer();
  await Promise.all([people, attendance, plan]);
}

async function verifyAcknowledged(): Promise<void> {
  const office = await signIn('vanphong');
  for (const person of ledger.people) {
    const { status, data } = await call<{ person: { fullName: string } }>(office, 'GET', `/api/people/${person.id}`);
    expect(status, `person ${person.fullName} acknowledged and lost`).toBe(200);
    expect(data.person.fullName).toBe(person.fullName);
  }
  const { data: plan } = await call<{ version: number; source: string }>(office, 'GET', `/api/plans/${planId}`);
  expect(plan.version).toBeGreaterThanOrEqual(ledger.plan.ackedVersion);
  if (ledger.plan.ackedMarker) {
    const found = [ledger.plan.ackedMarker, ...ledger.plan.unanswered].some((m) => plan.source.includes(m));
    expect(found, `plan v${plan.version} (acknowledged v${ledger.plan.ackedVersion}) ends with ${JSON.stringify(plan.source.slice(-80))}; acknowledged ${ledger.plan.ackedMarker}, unanswered ${ledger.plan.unanswered.join(', ')}`).toBe(true);
  }
  const secretary = await signIn('bithu');
  const { data: session } = await call<{ marks: { memberId: string; status: string }[] }>(secretary, 'GET', `/api/sessions/${sessionId}`);
  const mark = session.marks.find((m) => m.memberId === memberId)?.status ?? null;
  if (ledger.attendance.acked) expect([ledger.attendance.acked, ...ledger.attendance.unanswered]).toContain(mark);
}

describe('acknowledged writes survive SIGKILL', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qt-crash-'));
    if (onPostgres) {
      const { default: pg } = await import('pg');
      const name = `qt_crash_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      dropDatabase = async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      };
    }
    await startServer();
    const office = await signIn('vanphong');
    const secretary = await signIn('bithu');
    // A draft of the office's own, copied from the issued plan's text.
    const { plans } = (await call<{ plans: { id: string; status: string }[] }>(office, 'GET', '/api/plans')).data;
    const issued = plans.find((p) => p.status === 'issued')!;
    planBase = (await call<{ source: string }>(office, 'GET', `/api/plans/${issued.id}`)).data.source;
    const created = await call<{ id: string }>(office, 'POST', '/api/plans', { from: 'import', source: planBase });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    planId = created.data.id;
    const me = (await call<{ grants?: unknown; roles: { unitId: string }[] }>(secretary, 'GET', '/api/me')).data;
    const cellId = me.roles[0]!.unitId;
    const { sessions } = (await call<{ sessions: { id: string }[] }>(secretary, 'GET', `/api/units/${cellId}/sessions`)).data;
    sessionId = sessions[0]!.id;
    const detail = (await call<{ expected: { memberId: string }[] }>(secretary, 'GET', `/api/sessions/${sessionId}`)).data;
    memberId = detail.expected[0]!.memberId;
  }, 300_000);

  afterAll(async () => {
    if (server) await killServer();
    await dropDatabase?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${KILLS} kills at random moments lose no acknowledged write`, async () => {
    for (let run = 1; run <= KILLS; run += 1) {
      // Killed 1 to 4 s into the stream: long enough for every kind of write to be acknowledged sometimes.
      await streamUntilKilled(run, 1000 + Math.floor(Math.random() * 3000));
      await startServer();
      await verifyAcknowledged();
    }
    // Every kind of write was acknowledged at least once, or the test proved nothing.
    expect(ledger.people.length).toBeGreaterThan(KILLS);
    expect(ledger.plan.ackedVersion).toBeGreaterThan(1);
    expect(ledger.attendance.acked).not.toBeNull();
  }, 900_000);

  test('the database is consistent: every B-tree index passes amcheck', async () => {
    await killServer();
    if (onPostgres) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query('CREATE EXTENSION IF NOT EXISTS amcheck');
        const { rows } = await client.query<{ name: string }>(
          `select c.oid::regclass::text as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam join pg_namespace n on n.oid = c.relnamespace where a.amname = 'btree' and n.nspname = 'public'`,
        );
        for (const { name } of rows) await client.query('select bt_index_check($1::regclass, true)', [name]);
        expect(rows.length).toBeGreaterThan(20);
      } finally {
        await client.end();
      }
      return;
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { amcheck } = await import('@electric-sql/pglite/contrib/amcheck');
    const { pgliteExtensions } = await import('../../src/server/db/client');
    const db = new PGlite({ dataDir, extensions: { ...(await pgliteExtensions()), amcheck } });
    try {
      await db.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
      const { rows } = await db.query<{ name: string }>(
        `select c.oid::regclass::text as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam join pg_namespace n on n.oid = c.relnamespace where a.amname = 'btree' and n.nspname = 'public'`,
      );
      for (const { name } of rows) await db.query('select bt_index_check($1::regclass, true)', [name]);
      expect(rows.length).toBeGreaterThan(20);
      const persons = await db.query<{ n: number }>(`select count(*)::int as n from persons where id = any($1::uuid[])`, [ledger.people.map((p) => p.id)]);
      expect(persons.rows[0]!.n).toBe(ledger.people.length);
    } finally {
      await db.close();
    }
  }, 300_000);
});
