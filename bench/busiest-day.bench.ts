// The campaign's busiest day under load (issue 15 item 5), on the embedded database and, when
// QT_BENCH_DATABASE_URL names a PostgreSQL server, on a scratch database of it:
// 1. each hot read route over HTTP against its own SQL run directly on the same database in the same
//    run (the statements the route sent, captured once in-process and replayed): HTTP ≥ half the raw rate;
// 2. a realistic mix for QT_LOAD_SECONDS (60 s by default): dashboards, lists, attendance saves,
//    report submissions and returns, document downloads — 0 errors, and the server's RSS stable
//    over it and over a second run of it once warm.
// autocannon on 127.0.0.1 only; every phase stops by itself.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/client';
import { openMigratedDatabase } from '../src/server/database';
import { preparedStatementNames } from '../src/server/db/prepared';
import { loadEnv } from '../src/server/env';
import { seedDemo, DEMO_PASSWORD } from '../src/server/seed/demo';
import { insertMembersWithPeople } from '../src/server/features/people/member-rows';
import { units } from '../src/server/features/units/tables';
import { members } from '../src/server/features/members/tables';
import { plans } from '../src/server/features/plans/tables';
import { studySessions } from '../src/server/features/study-sessions/tables';
import { cellReports } from '../src/server/features/reports/tables';
import { freePort, onEachDatabase, report, startProcess, stopProcess, tempDataDir, waitForHealth, type BenchTarget } from './support';

const RATIO_SECONDS = Number(process.env.QT_BENCH_SECONDS ?? 5);
const LOAD_SECONDS = Number(process.env.QT_LOAD_SECONDS ?? 60);
const CONNECTIONS = 8;
/** Untimed, before each side's measure of each read: both measured warm. */
const WARM_SECONDS = 1;

export interface Fixture {
  cellId: string;
  planId: string;
  /** Sessions whose attendance the load saves (no report yet: nothing locks them). */
  attendanceSessions: string[];
  /** Draft reports the load submits and the ward returns, over and over. */
  reports: string[];
}

export async function run() {
  await onEachDatabase('qt_bench_load', runOn);
}

async function runOn(target: BenchTarget) {
  console.log(`\n### ${target.label}`);
  const fixture = await prepare(target);
  const reads = hotReads(fixture);

  // 1. Each hot read: its own statements, captured in-process, replayed raw; then the same over HTTP.
  // On a server database the two alternate for each read, one-second slices of each in turn, so that
  // a shared machine's load drifting over the run weighs on both alike; the embedded database is one
  // process's at a time (its folder is locked), so there every raw rate is taken before the server starts.
  const captured = await captureStatements(target, reads);
  const raw: Record<string, Rate> = {};
  const alongside = 'DATABASE_URL' in target.env;
  if (!alongside) {
    const database = await target.open();
    try {
      for (const read of reads) {
        await replayLoops(database, captured[read.label]!, WARM_SECONDS);
        raw[read.label] = await replayLoops(database, captured[read.label]!, RATIO_SECONDS);
      }
    } finally {
      await database.close();
    }
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startProcess('node', ['bin/quantriet', 'serve'], {
    ...target.env,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    QT_LOGIN_RATE_LIMIT: '1000000',
    QT_WEB_DIR: './dist/web',
    QT_FILES_DIR: tempDataDir(),
  });
  const database = alongside ? await target.open() : null;
  try {
    await waitForHealth(base);
    const staff = await signIn(base, 'vanphong');
    for (const read of reads) {
      const statements = captured[read.label]!;
      // Warmed as the raw side is (every connection open, the code compiled): otherwise the first
      // read measured also pays for the server's cold start (its pool, JIT, the job queue's start).
      const http = { url: `${base}${read.path}`, headers: { cookie: staff.cookie }, connections: CONNECTIONS };
      await autocannon({ ...http, duration: WARM_SECONDS });
      if (database) await replayLoops(database, statements, WARM_SECONDS);
      const slices = database ? RATIO_SECONDS : 1;
      const rawRate: Rate = database ? { done: 0, seconds: 0 } : raw[read.label]!;
      const web = { done: 0, seconds: 0, non2xx: 0, errors: 0, p99: 0 };
      for (let i = 0; i < slices; i++) {
        if (database) {
          const slice = await replayLoops(database, statements, RATIO_SECONDS / slices);
          rawRate.done += slice.done;
          rawRate.seconds += slice.seconds;
        }
        const result = await autocannon({ ...http, duration: RATIO_SECONDS / slices });
        web.done += result.requests.total;
        web.seconds += result.duration;
        web.non2xx += result.non2xx;
        web.errors += result.errors + result.timeouts;
        web.p99 = Math.max(web.p99, result.latency.p99);
      }
      const httpPerSecond = web.done / web.seconds;
      const rawPerSecond = rawRate.done / rawRate.seconds;
      const ratio = httpPerSecond / rawPerSecond;
      report(
        `${read.label} over HTTP vs its own SQL`,
        `${httpPerSecond.toFixed(0)} req/s (p99 ${web.p99} ms, ${web.non2xx} non-2xx) / raw ${rawPerSecond.toFixed(0)} /s = ${ratio.toFixed(2)} (${statements.length} statements)`,
        '≥ 0.5 of the raw rate, 0 errors',
        ratio >= 0.5 && web.non2xx === 0 && web.errors === 0,
      );
    }

    // 2. The busiest day's mix, all at once; then a second minute of it, the server warm.
    const mix = async () => {
      await reportsReadyToSubmit(base, staff, fixture.reports);
      const rssBefore = rssOf(server.pid!);
      const runs = await Promise.all([
        mixed(base, staff, reads.map((r) => r.path), 6),
        mixed(base, staff, [`/api/plans/${fixture.planId}/document?format=docx`], 1),
        ...fixture.attendanceSessions.map((id) => attendanceLoop(base, staff, id)),
        ...fixture.reports.map((id) => reportLoop(base, staff, id)),
      ]);
      const rssAfter = rssOf(server.pid!);
      const requests = runs.reduce((n, r) => n + r.requests.total, 0);
      const failures = runs.reduce((n, r) => n + failuresOf(r), 0);
      const growth = rssAfter - rssBefore;
      const rss = `RSS ${mb(rssBefore)} → ${mb(rssAfter)} MB (${growth >= 0 ? '+' : ''}${mb(growth)} MB)`;
      return { runs, requests, failures, p99: Math.max(...runs.map((r) => r.latency.p99)), rss, stable: growth < 100 * 1024 * 1024 };
    };
    const first = await mix();
    report(
      `busiest-day mix for ${LOAD_SECONDS} s (${CONNECTIONS} readers, 1 downloader, ${fixture.attendanceSessions.length} attendance savers, ${fixture.reports.length} report submitters)`,
      `${first.requests} requests, ${(first.requests / LOAD_SECONDS).toFixed(0)} req/s, worst p99 ${first.p99} ms, ${first.failures} errors`,
      '0 errors',
      first.failures === 0,
    );
    report('server memory over the mix', first.rss, 'stable: growth < 100 MB', first.stable);
    // The first minute's growth mixes a leak with the warming of V8's heap and of PGlite's buffers
    // (its WebAssembly memory becomes resident as pages are first touched): a leak grows again here.
    const again = await mix();
    for (const [run, { runs }] of [first, again].entries()) {
      for (const [i, r] of runs.entries()) if (failuresOf(r) > 0) console.log(`  loop ${i} (${run ? 'second' : 'first'} run): ${JSON.stringify(r.statusCodeStats)}, ${r.errors} errors, ${r.timeouts} timeouts`);
    }
    report(
      `server memory over a second ${LOAD_SECONDS} s of the mix, warm (${again.requests} requests, ${again.failures} errors)`,
      again.rss,
      'stable: growth < 100 MB, 0 errors',
      again.stable && again.failures === 0,
    );
  } finally {
    await database?.close();
    await stopProcess(server);
  }
}

/** The demo ward, with a 100-member cell, on the target. */
export async function prepare(target: Pick<BenchTarget, 'env'>): Promise<Fixture> {
  const database = await openMigratedDatabase(target.env as never);
  try {
    const db = database.db;
    await seedDemo(db);
    const [cell] = await db.select().from(units).where(eq(units.name, 'Chi bộ Tràng Đà 1'));
    const existing = await db.select().from(members).where(eq(members.cellId, cell!.id));
    const extra = Array.from({ length: 100 - existing.length }, (_, i) => ({ tenantId: cell!.tenantId, cellId: cell!.id, fullName: `Nguyễn Văn Tải ${i + 1}`, gender: 'male' as const }));
    if (extra.length) await insertMembersWithPeople(db, extra, { joinedOn: () => '2020-01-01' });
    const [plan] = await db.select().from(plans).where(eq(plans.issuedOn, '2026-05-15'));
    const reported = db.select({ id: cellReports.sessionId }).from(cellReports);
    const free = await db
      .select({ id: studySessions.id })
      .from(studySessions)
      .where(and(eq(studySessions.planId, plan!.id), eq(studySessions.atConference, false), notInArray(studySessions.id, reported)))
      .limit(4);
    const drafts = await db
      .select({ id: cellReports.id })
      .from(cellReports)
      .where(and(eq(cellReports.planId, plan!.id), inArray(cellReports.status, ['draft', 'returned'])))
      .limit(4);
    return { cellId: cell!.id, planId: plan!.id, attendanceSessions: free.map((s) => s.id), reports: drafts.map((r) => r.id) };
  } finally {
    await database.close();
  }
}

export function hotReads(f: Fixture) {
  return [
    { label: 'list a 100-member cell', path: `/api/units/${f.cellId}/members` },
    { label: 'plan consolidation (dashboard)', path: `/api/plans/${f.planId}/consolidation` },
    { label: 'plan sessions', path: `/api/plans/${f.planId}/sessions` },
    { label: 'ward task overview (dashboard)', path: '/api/tasks/overview' },
  ];
}

/** `name`: the route's prepared statement (db/prepared.ts), replayed under the same name. */
type Statement = { sql: string; params: unknown[]; name?: string };

/** The statements each route sends in a steady state (its second request, the session cached). */
async function captureStatements(target: BenchTarget, reads: { label: string; path: string }[]) {
  let log: Statement[] | null = null;
  const database = await target.open((sql, params) => log?.push({ sql, params, name: preparedStatementNames.get(sql) }));
  const env = loadEnv({ NODE_ENV: 'production', QT_WEB_DIR: '/nonexistent', QT_FILES_DIR: tempDataDir(), QT_BACKUP_KEEP: '0', ...target.env });
  const app = await buildApp({ env, database });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const captured: Record<string, Statement[]> = {};
    for (const read of reads) {
      await app.inject({ url: read.path, headers: { cookie } });
      log = [];
      const res = await app.inject({ url: read.path, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${read.path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      captured[read.label] = log;
      log = null;
    }
    return captured;
  } finally {
    await app.close();
    await database.close();
  }
}

type Rate = { done: number; seconds: number };

/**
 * The statements run directly, in as many loops as the HTTP run has connections, for `seconds`; a
 * statement the route prepares is prepared here too, under its name (parsed once per connection).
 */
async function replayLoops(database: Database, statements: Statement[], seconds: number): Promise<Rate> {
  const once = async () => {
    for (const s of statements) {
      if (s.name) await database.executeSql(s.sql, s.params, s.name);
      else await database.executeSql(s.sql, s.params.length ? s.params : undefined);
    }
  };
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const loop = async () => {
    while (performance.now() < until) {
      await once();
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  return { done, seconds: (performance.now() - started) / 1000 };
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

type Signed = Awaited<ReturnType<typeof signIn>>;

function mixed(base: string, who: Signed, paths: string[], connections: number) {
  return autocannon({ url: base, connections, duration: LOAD_SECONDS, headers: { cookie: who.cookie }, requests: paths.map((path) => ({ method: 'GET' as const, path })) });
}

const json = (who: Signed) => ({ cookie: who.cookie, 'x-csrf-token': who.csrfToken, 'content-type': 'application/json' });

/** A secretary's phone saving attendance again and again: read the session, save with its version. */
function attendanceLoop(base: string, who: Signed, sessionId: string) {
  let round = 0;
  return autocannon({
    url: base,
    connections: 1,
    duration: LOAD_SECONDS,
    requests: [
      {
        method: 'GET',
        path: `/api/sessions/${sessionId}`,
        headers: { cookie: who.cookie },
        onResponse: (_status, body, context) => {
          const session = JSON.parse(body) as { version: number; expected: { memberId: string }[] };
          Object.assign(context, { version: session.version, expected: session.expected.map((e) => e.memberId) });
        },
      },
      {
        method: 'PUT',
        path: `/api/sessions/${sessionId}/attendance`,
        headers: json(who),
        setupRequest: (request, context) => {
          const { version, expected } = context as { version: number; expected: string[] };
          round++;
          const marks = expected.map((memberId, i) => ({ memberId, status: i === round % expected.length ? 'late' : 'present' }));
          return { ...request, body: JSON.stringify({ version, marks }) };
        },
      },
    ],
  });
}

/** The ward's comment when it returns a report in the mix. */
const RETURN_COMMENT = 'Bổ sung số liệu đảng viên vắng mặt.';

/**
 * Each loop's report as its loop starts from: not submitted. A run stops where it is, so the last one
 * may have left a report submitted and not yet returned, and the next run's first submit would be refused.
 */
async function reportsReadyToSubmit(base: string, who: Signed, reportIds: string[]) {
  for (const id of reportIds) {
    // A request the last run had in flight may still change the report: read it again after a refusal.
    for (let attempt = 1; ; attempt++) {
      const report = (await (await fetch(`${base}/api/reports/${id}`, { headers: { cookie: who.cookie } })).json()) as { status: string; version: number };
      if (report.status !== 'submitted') break;
      const res = await fetch(`${base}/api/reports/${id}/return`, { method: 'POST', headers: json(who), body: JSON.stringify({ version: report.version, comment: RETURN_COMMENT }) });
      if (res.ok) break;
      if (attempt === 5) throw new Error(`the report ${id} could not be returned before the mix: ${res.status} ${(await res.text()).slice(0, 300)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A cell submitting its report and the ward returning it with a comment, over and over. */
function reportLoop(base: string, who: Signed, reportId: string) {
  const versioned = (action: string, extra: Record<string, unknown> = {}) => ({
    method: 'POST' as const,
    path: `/api/reports/${reportId}/${action}`,
    headers: json(who),
    setupRequest: (request: autocannon.Request, context: object) => ({ ...request, body: JSON.stringify({ version: (context as { version: number }).version, ...extra }) }),
    // An answer that is not the report (a refusal) leaves the version as it was.
    onResponse: (status: number, body: string, context: object) => void (status < 300 && Object.assign(context, { version: (JSON.parse(body) as { version: number }).version })),
  });
  return autocannon({
    url: base,
    connections: 1,
    duration: LOAD_SECONDS,
    requests: [
      { method: 'GET', path: `/api/reports/${reportId}`, headers: { cookie: who.cookie }, onResponse: (_s, body, context) => void Object.assign(context, { version: (JSON.parse(body) as { version: number }).version }) },
      versioned('submit'),
      versioned('return', { comment: RETURN_COMMENT }),
    ],
  });
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/u.exec(status)![1]) * 1024;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** A run's answers that were not 2xx, or never came. */
const failuresOf = (r: autocannon.Result) => r.non2xx + r.errors + r.timeouts;
