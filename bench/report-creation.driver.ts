// Report creation (POST /api/sessions/:id/report's service) on its own, for iterating on it: GEN=1
// generates a province (COMMUNES, 10 by default) into QT_DATA_DIR once; later runs reopen a copy and
// time createReport on held sessions without a report, listing the statements of one creation.
// Usage: QT_DATA_DIR=/tmp/provc [GEN=1] node bin/run-ts.js bench/report-creation.driver.ts
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openMigratedDatabase } from '../src/server/database';
import { generateProvince, heldSessionsWithoutReport, PROVINCE_SCALE } from '../src/server/seed/province-generator';
import { findAccountByUsername, insertAccount } from '../src/server/auth/accounts';
import { roleGrants } from '../src/server/auth/tables';
import { loadActorForUser } from '../src/server/auth/service';
import { createReport } from '../src/server/features/reports/create';
import { defaultRubric, rubricItems } from '../src/domain/rubrics';

const source = process.env.QT_DATA_DIR!;
const metaFile = `${source}.json`;
if (process.env.GEN) {
  const database = await openMigratedDatabase({ QT_DATA_DIR: source } as never);
  const province = await generateProvince(database.db, { ...PROVINCE_SCALE, communes: Number(process.env.COMMUNES ?? 10) }, { log: console.log });
  await database.db.execute(sql`ANALYZE`);
  const ward = province.communes[0]!;
  const username = `drv-${ward.id.slice(0, 6)}`;
  await database.db.transaction(async (tx) => {
    const user = await insertAccount(tx, { username, passwordHash: 'x', displayName: 'drv', memberId: null, personId: null, tenantId: ward.id });
    await tx.insert(roleGrants).values({ userId: user.id, role: 'wardStaff', unitId: ward.id, tenantId: ward.id });
  });
  writeFileSync(metaFile, JSON.stringify({ username, communeId: ward.id }));
  await database.close();
}
const { username, communeId } = JSON.parse(readFileSync(metaFile, 'utf8'));
const dataDir = `${source}-run`;
rmSync(dataDir, { recursive: true, force: true });
cpSync(source, dataDir, { recursive: true });
const database = await openMigratedDatabase({ QT_DATA_DIR: dataDir } as never);
const staff = await loadActorForUser(database.db, (await findAccountByUsername(database.db, username))!);
const sessions = await heldSessionsWithoutReport(database.db, [communeId], 400);
const items = rubricItems(defaultRubric);
const body = { form: 'in-person', reporter: 'Đồng chí Bí thư chi bộ', summary: 'Chi bộ đã tổ chức học tập đầy đủ.', scores: items.map((i) => ({ itemId: i.id, points: i.maxPoints })) } as never;
type Queryable = { query: (...a: unknown[]) => Promise<unknown>; exec: (...a: unknown[]) => Promise<unknown> };
const client = (database.db as unknown as { $client: Queryable & { transaction: (cb: (tx: Queryable) => Promise<unknown>) => Promise<unknown> } }).$client;
const log: { sql: string; ms: number }[] = [];
const timed = (target: Queryable) => {
  for (const method of ['query', 'exec'] as const) {
    const orig = target[method].bind(target);
    target[method] = async (...a: unknown[]) => { const t = performance.now(); const r = await orig(...a); log.push({ sql: `${method} ${String(a[0]).slice(0, 150)}`, ms: performance.now() - t }); return r; };
  }
};
timed(client);
const transaction = client.transaction.bind(client);
client.transaction = (cb) => transaction(async (tx) => { timed(tx); return cb(tx); });
let next = 0;
for (; next < 20; next++) await createReport(database.db, staff, sessions[next]!.id, body);
log.length = 0;
const N = Math.min(200, sessions.length - next);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (let i = 0; i < N; i++) await createReport(database.db, staff, sessions[next++]!.id, body);
const wall = (performance.now() - t0) / N;
const cpu = process.cpuUsage(cpu0);
console.log(`${N} creations: ${wall.toFixed(2)} ms each (CPU ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms), ${(log.length / N).toFixed(1)} statements each, ${(log.reduce((a, l) => a + l.ms, 0) / N).toFixed(2)} ms in them`);
const agg = new Map<string, number>();
for (const l of log) agg.set(l.sql, (agg.get(l.sql) ?? 0) + l.ms / N);
for (const [q, ms] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(2)} ms  ${q.replace(/\s+/g, ' ')}`);
await database.close();
rmSync(dataDir, { recursive: true, force: true });
