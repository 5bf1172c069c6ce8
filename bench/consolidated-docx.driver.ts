// The consolidated DOCX of province-scale.bench.ts on its own, for iterating on it: GEN=1 generates a
// province (COMMUNES, 100 by default) into QT_DATA_DIR once; later runs reopen that folder and time
// the bench's code path (model from the database, then rendering), CPU included. QUERIES=1 lists the
// statements of one document with their times. TRACE=1 prints every timed run (its garbage
// collections, the flusher's checks, CPU of the process's threads) and PROFILE=file writes a CPU
// profile of the timed runs alone (decision 037). RUNS sets their number (50). Usage: QT_DATA_DIR=/tmp/prov [GEN=1] node bin/run-ts.js bench/consolidated-docx.driver.ts
import { openMigratedDatabase } from '../src/server/database';
import { generateProvince, PROVINCE_SCALE } from '../src/server/seed/province-generator';
import { insertAccount, findAccountByUsername } from '../src/server/auth/accounts';
import { roleGrants } from '../src/server/auth/tables';
import { loadActorForUser } from '../src/server/auth/service';
import { consolidatedReportDocumentFor } from '../src/server/features/reports/document';
import { renderDocx } from '../src/server/documents/docx';
import { sql } from 'drizzle-orm';
import { writeFileSync, readFileSync } from 'node:fs';

const dataDir = process.env.QT_DATA_DIR!;
const database = await openMigratedDatabase({ QT_DATA_DIR: dataDir } as never);
const metaFile = `${dataDir}.json`;
if (process.env.GEN) {
  const communes = Number(process.env.COMMUNES ?? 100);
  const province = await generateProvince(database.db, { ...PROVINCE_SCALE, communes }, { log: console.log });
  await database.db.execute(sql`ANALYZE`);
  const ward = province.communes[0]!;
  const planId = province.plans.get(ward.id)!.at(-2)!;
  const username = `drv-${ward.id.slice(0, 6)}`;
  await database.db.transaction(async (tx) => {
    const user = await insertAccount(tx, { username, passwordHash: 'x', displayName: 'drv', memberId: null, personId: null, tenantId: ward.id });
    await tx.insert(roleGrants).values({ userId: user.id, role: 'wardStaff', unitId: ward.id, tenantId: ward.id });
  });
  writeFileSync(metaFile, JSON.stringify({ username, planId }));
}
const { username, planId } = JSON.parse(readFileSync(metaFile, 'utf8'));
const staff = await loadActorForUser(database.db, (await findAccountByUsername(database.db, username))!);
if (process.env.QUERIES) {
  const client = (database.db as unknown as { $client: { query: (...a: unknown[]) => Promise<unknown> } }).$client;
  const orig = client.query.bind(client);
  const log: { sql: string; ms: number }[] = [];
  client.query = async (...a: unknown[]) => { const t = performance.now(); const r = await orig(...a); log.push({ sql: String(a[0]).slice(0, 160), ms: performance.now() - t }); return r; };
  for (let i = 0; i < 5; i++) await consolidatedReportDocumentFor(database.db, staff, planId);
  log.length = 0;
  const N = 20;
  for (let i = 0; i < N; i++) await consolidatedReportDocumentFor(database.db, staff, planId);
  const per = log.length / N;
  const agg = new Map<string, number>();
  for (const l of log) agg.set(l.sql, (agg.get(l.sql) ?? 0) + l.ms / N);
  console.log(`${per} statements per document; ${[...agg.values()].reduce((a, b) => a + b, 0).toFixed(1)} ms in queries`);
  for (const [q, ms] of [...agg].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(2)} ms  ${q}`);
  client.query = orig;
}
const RUNS = Number(process.env.RUNS ?? 50);
const stats = (times: number[]) => {
  const s = [...times].sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} p95 ${s[Math.floor(s.length * 0.95)]!.toFixed(1)}`;
};
let bytes = 0;
for (let i = 0; i < 5; i++) bytes = (await renderDocx((await consolidatedReportDocumentFor(database.db, staff, planId)).model)).length;
const total: number[] = [], model: number[] = [], render: number[] = [], cpu: number[] = [];
// TRACE=1: per run, the garbage collections inside it (PerformanceObserver 'gc') and the flusher's work.
const gcs: { start: number; ms: number; kind: number }[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, kind: (e as unknown as { detail: { kind: number } }).detail.kind });
});
if (process.env.TRACE) observer.observe({ entryTypes: ['gc'] });
// PROFILE=file: a CPU profile of the timed runs only (not the opening or the warm-up).
const inspector = process.env.PROFILE ? new (await import('node:inspector')).Session() : null;
const post = (method: string, params?: object) => new Promise<unknown>((ok, ko) => inspector!.post(method, params ?? {}, (e, r) => (e ? ko(e) : ok(r))));
if (inspector) {
  inspector.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
}
const windows: { t0: number; t1: number; t2: number; flush: string }[] = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = process.cpuUsage();
  const f0 = { ...database.flusher?.stats };
  const t0 = performance.now();
  const { model: m } = await consolidatedReportDocumentFor(database.db, staff, planId);
  const t1 = performance.now();
  await renderDocx(m);
  const t2 = performance.now();
  total.push(t2 - t0); model.push(t1 - t0); render.push(t2 - t1);
  const c = process.cpuUsage(c0); cpu.push((c.user + c.system) / 1000);
  const f1 = database.flusher?.stats;
  windows.push({ t0, t1, t2, flush: f1 ? `flushes ${f1.flushes - f0.flushes!} unmoved ${f1.unmoved - f0.unmoved!} synced ${f1.filesSynced - f0.filesSynced!}` : '' });
}
if (inspector) writeFileSync(process.env.PROFILE!, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
if (process.env.TRACE) {
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  const kinds: Record<number, string> = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weakcb', 16: 'minor-mc' };
  windows.forEach((w, i) => {
    const inside = gcs.filter((g) => g.start >= w.t0 && g.start < w.t2);
    const gcMs = inside.reduce((n, g) => n + g.ms, 0);
    console.log(`run ${i}: total ${(w.t2 - w.t0).toFixed(1)} model ${(w.t1 - w.t0).toFixed(1)} render ${(w.t2 - w.t1).toFixed(1)} cpu ${cpu[i]!.toFixed(1)} gc ${gcMs.toFixed(1)} [${inside.map((g) => `${kinds[g.kind] ?? g.kind}:${g.ms.toFixed(1)}${g.start < w.t1 ? 'm' : 'r'}`).join(' ')}] ${w.flush}`);
  });
  const m = process.memoryUsage();
  console.log(`heapUsed ${(m.heapUsed / 1e6).toFixed(0)} MB, external ${(m.external / 1e6).toFixed(0)} MB, arrayBuffers ${(m.arrayBuffers / 1e6).toFixed(0)} MB, rss ${(m.rss / 1e6).toFixed(0)} MB`);
}
console.log(`${process.env.LABEL ?? ''} bytes ${bytes}; total ${stats(total)}; model ${stats(model)}; render ${stats(render)}; cpu ${stats(cpu)}`);
if (process.env.OUT) writeFileSync(process.env.OUT, await renderDocx((await consolidatedReportDocumentFor(database.db, staff, planId)).model));
await database.close();
