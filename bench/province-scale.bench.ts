// Issue 13's Performance figures at the province's scale, on the embedded database and, when
// QT_BENCH_DATABASE_URL names a PostgreSQL server, on a scratch database of it:
// 1. the generator builds a province (100 communes, 5,000 cells, 100,000 members, 20 plans a commune
//    with sessions, attendance and reports, the aggregates kept by the services' code) — < 3 min;
//    then the real services read it: one ward's consolidation, the province roll-up of every commune;
// 2. the ward's consolidated report as DOCX (model and rendering) of a plan of 50 cells — < 50 ms;
// 3. report submission over HTTP (POST /api/sessions/:id/report with an Idempotency-Key, as the
//    phone's outbox sends it; each request a different held session; autocannon on 127.0.0.1)
//    against the raw single-row INSERT rate of cell_reports on the same database in the same run,
//    at the same concurrency — ≥ half, 0 errors. Beside them, for the reader, the same creations
//    through the service in-process (its batcher, no HTTP): the most HTTP could reach on one thread;
// 4. the same reports then submitted (POST /api/reports/:id/submit, "submission" read as the
//    secretary's own submit), against the same raw rate — ≥ half, 0 errors.
// QT_PROVINCE_COMMUNES scales the province down (100 by default); every phase stops by itself.
import autocannon from 'autocannon';
import { eq, sql } from 'drizzle-orm';
import { openMigratedDatabase } from '../src/server/database';
import type { Database } from '../src/server/db/client';
import { generateProvince, heldSessionsWithoutReport, PROVINCE_SCALE, type GeneratedProvince } from '../src/server/seed/province-generator';
import { findAccountByUsername, insertAccount } from '../src/server/auth/accounts';
import { hashPassword } from '../src/server/auth/passwords';
import { roleGrants } from '../src/server/auth/tables';
import { loadActorForUser } from '../src/server/auth/service';
import { planConsolidation } from '../src/server/features/reports/consolidation';
import { consolidatedReportDocumentFor } from '../src/server/features/reports/document';
import { reportCreations } from '../src/server/features/reports/create';
import type { ReportInput } from '../src/server/features/reports/schema';
import { renderDocx } from '../src/server/documents/docx';
import { rubrics } from '../src/server/features/reports/tables';
import { provinceReports } from '../src/server/features/province/service';
import { defaultRubric, rubricItems, scoreReport } from '../src/domain/rubrics';
import { reportFigures } from '../src/domain/report-figures';
import type { Actor } from '../src/server/auth/actor';
import { freePort, onEachDatabase, report, startProcess, stopProcess, tempDataDir, waitForHealth, type BenchTarget } from './support';

const COMMUNES = Number(process.env.QT_PROVINCE_COMMUNES ?? PROVINCE_SCALE.communes);
const CONNECTIONS = 8;
/** Communes whose staff submit over HTTP (each through its own account), then those whose reports the service creates in-process; the others' sessions take the raw inserts. */
const HTTP_COMMUNES = Math.min(30, Math.max(1, Math.floor(COMMUNES * 0.3)));
const SERVICE_COMMUNES = Math.min(20, Math.max(1, Math.floor(COMMUNES * 0.2)));
const RAW_SECONDS = Number(process.env.QT_BENCH_SECONDS ?? 5);
/** Drafts submitted over HTTP: autocannon's `amount` outlasts its duration, and a submit costs tens of milliseconds. */
const SUBMITS = 400;
const DOCX_RUNS = 50;
const PASSWORD = 'Bench-province-2026';
/** A report as a secretary's phone creates it (full marks), over HTTP and in-process alike. */
const CREATION: ReportInput = {
  form: 'in-person',
  reporter: 'Đồng chí Bí thư chi bộ',
  summary: 'Chi bộ đã tổ chức học tập đầy đủ.',
  scores: rubricItems(defaultRubric).map((i) => ({ itemId: i.id, points: i.maxPoints })),
};

export async function run() {
  await onEachDatabase('qt_bench_province', runOn);
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p95: sorted[Math.floor(sorted.length * 0.95)]! };
};

async function runOn(target: BenchTarget) {
  console.log(`\n### ${target.label}`);
  const database = await openMigratedDatabase(target.env as never);
  let province: GeneratedProvince;
  let accounts: { communeId: string; username: string }[];
  let serviceActors: Map<string, Actor>;
  let pools: Record<'http' | 'service' | 'raw', Awaited<ReturnType<typeof heldSessionsWithoutReport>>>;
  try {
    // 1. The generator.
    const shape = { ...PROVINCE_SCALE, communes: COMMUNES };
    const started = performance.now();
    province = await generateProvince(database.db, shape, { log: console.log });
    const seconds = (performance.now() - started) / 1000;
    const c = province.counts;
    console.log(`  rows: ${Object.entries(c).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
    report(
      `Generator (${COMMUNES} communes, ${(c.units! - COMMUNES - 1).toLocaleString('en')} cells, ${c.members!.toLocaleString('en')} members, ${shape.plansPerCommune} plans a commune: ${c.study_sessions!.toLocaleString('en')} sessions, ${c.session_attendance!.toLocaleString('en')} attendance marks, ${c.cell_reports!.toLocaleString('en')} reports, ${target.label})`,
      `${seconds.toFixed(1)} s`,
      '< 3 min (100 communes)',
      seconds < 180,
    );
    await database.db.execute(sql`ANALYZE`);

    // The accounts of the wards that submit over HTTP (ward staff of their commune), one password hash for all.
    const passwordHash = await hashPassword(PASSWORD);
    const wardAccounts: { communeId: string; username: string }[] = [];
    await database.db.transaction(async (tx) => {
      for (const [i, commune] of province.communes.slice(0, HTTP_COMMUNES + SERVICE_COMMUNES).entries()) {
        const username = `bench-${province.provinceId.slice(0, 6)}-${i + 1}`;
        const user = await insertAccount(tx, { username, passwordHash, displayName: `Văn phòng ${commune.name}`, memberId: null, personId: null, tenantId: commune.id });
        await tx.insert(roleGrants).values({ userId: user.id, role: 'wardStaff', unitId: commune.id, tenantId: commune.id });
        wardAccounts.push({ communeId: commune.id, username });
      }
    });
    accounts = wardAccounts.slice(0, HTTP_COMMUNES);
    const serviceAccounts = wardAccounts.slice(HTTP_COMMUNES);

    // The real services read the generated province.
    const ward = province.communes[0]!;
    const planId = province.plans.get(ward.id)!.at(-2)!;
    const staff = await loadActorForUser(database.db, (await findAccountByUsername(database.db, accounts[0]!.username))!);
    const consolidation = await planConsolidation(database.db, staff, planId);
    const viewer: Actor = {
      userId: crypto.randomUUID(),
      username: 'bench',
      displayName: 'bench',
      tenantId: province.provinceId,
      communeId: null,
      memberId: null,
      grants: [{ role: 'provinceViewer', unitId: province.provinceId, unitPath: province.provincePath, unitKind: 'province', unitTenantId: province.provinceId }],
    };
    const rollup = await provinceReports(database.db, viewer, { resolution: '1-NQ/TU' });
    const sent = rollup.communes.filter((x) => x.status === 'submitted').length;
    console.log(
      `  ${ward.name}, plan before last: ${consolidation.expected} cells expected, ${consolidation.submitted} submitted (${consolidation.onTime} on time, ${consolidation.late} late), ${consolidation.missing} missing; members ${consolidation.members.present + consolidation.members.late}/${consolidation.members.expected} attended`,
    );
    console.log(`  province roll-up of 1-NQ/TU: ${rollup.communes.length} communes (${sent} submitted), ${rollup.resolutions.length} resolutions`);
    if (consolidation.expected !== PROVINCE_SCALE.cellsPerCommune) throw new Error(`the consolidation counted ${consolidation.expected} cells`);
    if (rollup.communes.length !== COMMUNES || sent !== COMMUNES) throw new Error(`the roll-up saw ${rollup.communes.length} communes, ${sent} submitted`);

    // 2. The consolidated DOCX of that plan: the model from the database, then the rendering.
    const build = async () => renderDocx((await consolidatedReportDocumentFor(database.db, staff, planId)).model);
    let bytes = 0;
    for (let i = 0; i < 5; i++) bytes = (await build()).length;
    const times: number[] = [];
    const renderTimes: number[] = [];
    for (let i = 0; i < DOCX_RUNS; i++) {
      const t0 = performance.now();
      const { model } = await consolidatedReportDocumentFor(database.db, staff, planId);
      const t1 = performance.now();
      await renderDocx(model);
      const t2 = performance.now();
      times.push(t2 - t0);
      renderTimes.push(t2 - t1);
    }
    const docx = stats(times);
    const render = stats(renderTimes);
    report(
      `Consolidated DOCX of one ward's plan (${consolidation.expected} cells, ${bytes.toLocaleString('en')} bytes, ${DOCX_RUNS} runs, ${target.label})`,
      `median ${docx.median.toFixed(1)} ms, p95 ${docx.p95.toFixed(1)} ms (rendering alone median ${render.median.toFixed(1)} ms)`,
      '< 50 ms',
      docx.p95 < 50,
    );

    // 3a. The raw insert rate: cell reports as the creation writes them, one INSERT each, CONNECTIONS at a time.
    const httpCommunes = accounts.map((a) => a.communeId);
    const serviceCommunes = province.communes.slice(HTTP_COMMUNES, HTTP_COMMUNES + SERVICE_COMMUNES);
    serviceActors = new Map();
    for (const a of serviceAccounts) serviceActors.set(a.communeId, await loadActorForUser(database.db, (await findAccountByUsername(database.db, a.username))!));
    pools = {
      http: await heldSessionsWithoutReport(database.db, httpCommunes, 5_000),
      service: await heldSessionsWithoutReport(database.db, serviceCommunes.map((x) => x.id), 5_000),
      raw: await heldSessionsWithoutReport(database.db, province.communes.slice(HTTP_COMMUNES + SERVICE_COMMUNES).map((x) => x.id), 20_000),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
  let raw: Awaited<ReturnType<typeof rawInsertRate>>;
  let service: Awaited<ReturnType<typeof serviceCreationRate>>;
  try {
    raw = await rawInsertRate(database, pools.raw);
    service = await serviceCreationRate(database, pools.service, serviceActors);
  } finally {
    await database.close();
  }
  report(`raw single-row INSERT of cell_reports (${CONNECTIONS} at a time, ${target.label})`, `${raw.rate.toFixed(0)} rows/s (${raw.rows} rows in ${raw.seconds.toFixed(1)} s)`, 'measured', true);
  report(
    `Report creation in-process, without HTTP (the service through its batcher, ${CONNECTIONS} at a time, ${target.label})`,
    `${service.rate.toFixed(0)} creations/s (${service.created} in ${service.seconds.toFixed(1)} s) / raw ${raw.rate.toFixed(0)} rows/s = ${(service.rate / raw.rate).toFixed(2)}`,
    'measured (what HTTP could reach at most on one thread)',
    true,
  );

  // 3b. The same over HTTP through the real server: every request a different session of a different ward's account.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startProcess('node', ['bin/quantriet', 'serve'], { ...target.env, PORT: String(port), LOG_LEVEL: 'warn', QT_LOGIN_RATE_LIMIT: '1000000', QT_WEB_DIR: './dist/web', QT_FILES_DIR: tempDataDir() });
  try {
    await waitForHealth(base);
    const signed = new Map<string, { cookie: string; csrfToken: string }>();
    for (const a of accounts) signed.set(a.communeId, await signIn(base, a.username));
    const queue = pools.http.map((s) => ({ id: s.id, who: signed.get(s.tenantId)! }));
    // Warm the server as autocannon's own first requests would (each on a session of its own, left out of the count).
    for (const item of queue.splice(0, 10)) {
      const res = await fetch(`${base}/api/sessions/${item.id}/report`, { method: 'POST', headers: { cookie: item.who.cookie, 'x-csrf-token': item.who.csrfToken, 'content-type': 'application/json', 'idempotency-key': `bench-${item.id}` }, body: '{}' });
      if (res.status !== 201) throw new Error(`warm-up report creation: ${res.status} ${(await res.text()).slice(0, 200)}`);
    }
    const body = JSON.stringify(CREATION);
    const created = await timedPosts(
      base,
      queue.map((item) => ({ who: item.who, path: `/api/sessions/${item.id}/report`, body, key: `bench-${item.id}` })),
      201,
    );
    report(
      `Report creation over HTTP (POST /api/sessions/:id/report with an Idempotency-Key as the phone sends it, ${created.answered} different sessions in ${created.seconds.toFixed(1)} s of ${accounts.length} wards, ${CONNECTIONS} connections, ${target.label})`,
      `${created.rate.toFixed(0)} req/s (p99 ${created.p99} ms, ${created.errors} errors, ${created.ok} 2xx) / raw ${raw.rate.toFixed(0)} rows/s = ${(created.rate / raw.rate).toFixed(2)}`,
      '≥ 0.5 of the raw insert rate, 0 errors',
      created.rate / raw.rate >= 0.5 && created.errors === 0,
    );
    for (const failure of created.failures) console.log(`  a failed request: ${failure}`);

    // 4. Those drafts submitted (POST /api/reports/:id/submit): "submission" read as the secretary's
    // own submit, the transition the ward then sees (the drafts of plans whose consolidated report is
    // already upward are locked and left out).
    const whoOfSession = new Map(queue.map((item) => [item.id, item.who]));
    const drafts = created.answers.flatMap((text) => {
      const answer = JSON.parse(text) as { id: string; sessionId: string; version: number; abilities: { submit: boolean } };
      return answer.abilities.submit ? [{ who: whoOfSession.get(answer.sessionId)!, path: `/api/reports/${answer.id}/submit`, body: JSON.stringify({ version: answer.version }) }] : [];
    });
    if (drafts.length === 0) throw new Error('no draft the ward may submit among the created reports');
    const submitted = await timedPosts(base, drafts.slice(0, SUBMITS), 200);
    report(
      `Report submit over HTTP (POST /api/reports/:id/submit of those drafts, ${submitted.answered} reports in ${submitted.seconds.toFixed(1)} s, ${CONNECTIONS} connections, ${target.label})`,
      `${submitted.rate.toFixed(0)} req/s (p99 ${submitted.p99} ms, ${submitted.errors} errors, ${submitted.ok} 2xx) / raw ${raw.rate.toFixed(0)} rows/s = ${(submitted.rate / raw.rate).toFixed(2)}`,
      '≥ 0.5 of the raw insert rate, 0 errors',
      submitted.rate / raw.rate >= 0.5 && submitted.errors === 0,
    );
    for (const failure of submitted.failures) console.log(`  a failed request: ${failure}`);
  } finally {
    await stopProcess(server);
  }
}

async function rawInsertRate(database: Database, pool: { id: string; tenantId: string; unitId: string; planId: string }[]) {
  const rubricOf = new Map((await database.db.select({ tenantId: rubrics.tenantId, id: rubrics.id }).from(rubrics).where(eq(rubrics.version, 1))).map((r) => [r.tenantId, r.id]));
  const scores = CREATION.scores!;
  const { total, band } = scoreReport(defaultRubric, scores);
  const figures = JSON.stringify(reportFigures({ total: 20, exempt: 0, expected: 20, present: 16, late: 2, excused: 1, absent: 1 }, 0, { youth: 2, association: 3, public: 10 }));
  const text = `INSERT INTO cell_reports (tenant_id, plan_id, session_id, unit_id, rubric_id, status, figures, form, reporter, report_date, summary, scores, total, band, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, 'draft', $6, 'in-person', $7, $8, $9, $10, $11, $12, now(), now())`;
  let next = 0;
  const until = performance.now() + RAW_SECONDS * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < until && next < pool.length) {
      const s = pool[next++]!;
      await database.executeSql(text, [s.tenantId, s.planId, s.id, s.unitId, rubricOf.get(s.tenantId), figures, CREATION.reporter, '2026-06-01', CREATION.summary, JSON.stringify(scores), total, band]);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const seconds = (performance.now() - started) / 1000;
  return { rows: next, seconds, rate: next / seconds };
}

/** The creations the route makes, called in-process through the same batcher: the service's own rate, no HTTP. */
async function serviceCreationRate(database: Database, pool: { id: string; tenantId: string }[], actors: Map<string, Actor>) {
  const create = reportCreations(database.db);
  const creation = (s: { id: string; tenantId: string }) => create(actors.get(s.tenantId)!, s.id, CREATION, `bench-${s.id}`);
  // Warmed as the server is before its run (left out of the count).
  for (const s of pool.slice(0, 10)) await creation(s);
  let next = 10;
  const until = performance.now() + RAW_SECONDS * 1000;
  const started = performance.now();
  const loop = async () => {
    while (performance.now() < until && next < pool.length) await creation(pool[next++]!);
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const seconds = (performance.now() - started) / 1000;
  const created = next - 10;
  return { created, seconds, rate: created / seconds };
}

/** A POST the HTTP runs send, as one ward's account. */
interface Post {
  who: { cookie: string; csrfToken: string };
  path: string;
  body: string;
  key?: string;
}

/**
 * Each post sent once by autocannon, CONNECTIONS at a time, with the answers' bodies (in the order
 * heard). With an `amount`, autocannon ignores its duration and reports the run at its next
 * one-second tick (a 3.2 s run read as 4 s), so the rate is timed here, from the first request sent
 * to the last answer heard.
 */
async function timedPosts(base: string, posts: Post[], expected: number) {
  let next = 0;
  let firstSent = 0;
  let lastHeard = 0;
  let answered = 0;
  const failures: string[] = [];
  const answers: string[] = [];
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    amount: posts.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          firstSent ||= performance.now();
          const post = posts[next++ % posts.length]!;
          const headers: Record<string, string> = { cookie: post.who.cookie, 'x-csrf-token': post.who.csrfToken, 'content-type': 'application/json' };
          if (post.key) headers['idempotency-key'] = post.key;
          return { ...request, path: post.path, body: post.body, headers };
        },
        onResponse: (status, answer) => {
          answers.push(answer);
          answered += 1;
          lastHeard = performance.now();
          if (status !== expected && failures.length < 3) failures.push(`${status} ${answer.slice(0, 300)}`);
        },
      },
    ],
  });
  const took = (lastHeard - firstSent) / 1000;
  return { answered, seconds: took, rate: answered / (took || 1), p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts, ok: result['2xx'], failures, answers };
}

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
