// The consolidated DOCX of province-scale.bench.ts on its own, for iterating on it: GEN=1 generates a
// province (COMMUNES, 100 by default) into QT_DATA_DIR once; later runs reopen that folder and time
// the bench's code path (model from the database, then rendering), CPU included. QUERIES=1 lists the
// statements of one document with their times. Usage: QT_DATA_DIR=/tmp/prov [GEN=1] node bin/run-ts.js bench/consolidated-docx.driver.ts
import { openMigratedDatabase } from '../src/server/database';
import { generateProvince, PROVINCE_SCALE } from '../src/server/seed/province-generator';
import { insertAccount, findAccountByUsername } from '../src/server/auth/accounts';
import { roleGrants } from '../src/server/auth/tables';
import { loadActorForUser } from '../src/server/auth/service';
import { wardReportDocumentFor } from '../src/server/features/reports/document';
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
  for (let i = 0; i < 5; i++) await wardReportDocumentFor(database.db, staff, planId);
  log.length = 0;
  const N = 20;
  for (let i = 0; i < N; i++) await wardReportDocumentFor(database.db, staff, planId);
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
for (let i = 0; i < 5; i++) bytes = (await renderDocx((await wardReportDocumentFor(database.db, staff, planId)).model)).length;
const total: number[] = [], model: number[] = [], render: number[] = [], cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const { model: m } = await wardReportDocumentFor(database.db, staff, planId);
  const t1 = performance.now();
  await renderDocx(m);
  const t2 = performance.now();
  total.push(t2 - t0); model.push(t1 - t0); render.push(t2 - t1);
  const c = process.cpuUsage(c0); cpu.push((c.user + c.system) / 1000);
}
console.log(`${process.env.LABEL ?? ''} bytes ${bytes}; total ${stats(total)}; model ${stats(model)}; render ${stats(render)}; cpu ${stats(cpu)}`);
if (process.env.OUT) writeFileSync(process.env.OUT, await renderDocx((await wardReportDocumentFor(database.db, staff, planId)).model));
await database.close();
