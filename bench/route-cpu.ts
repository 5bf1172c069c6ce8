// CPU of the server's own work per request for the busiest day's hot reads (busiest-day.bench.ts),
// in-process through app.inject (no socket, no HTTP parsing: Node's work on the route itself),
// measured with process.cpuUsage; /api/health as the floor every route pays. Not part of
// `npm run bench`: `node bin/run-ts.js bench/route-cpu.ts` with DATABASE_URL naming a PostgreSQL
// database the script seeds once (QT_ROUTE_CPU_SEED=1) or nothing (a fresh PGlite folder, seeded).
// QT_ROUTE_CPU_ROUNDS rounds of QT_ROUTE_CPU_REQUESTS requests per route; the median round is printed.
// With QT_ROUTE_CPU_PROFILE=file.cpuprofile the list's rounds are also profiled (V8's sampler).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/client';
import { loadEnv } from '../src/server/env';
import { DEMO_PASSWORD } from '../src/server/seed/demo';
import { eq } from 'drizzle-orm';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { hotReads, prepare } from './busiest-day.bench';
import { tempDataDir } from './support';

const ROUNDS = Number(process.env.QT_ROUTE_CPU_ROUNDS ?? 5);
const REQUESTS = Number(process.env.QT_ROUTE_CPU_REQUESTS ?? 500);
const url = process.env.DATABASE_URL;
const targetEnv: Record<string, string> = url ? { DATABASE_URL: url } : { QT_DATA_DIR: tempDataDir() };
if (!url || process.env.QT_ROUTE_CPU_SEED) await prepare({ env: targetEnv });

const database = await openDatabase(url ? { url } : { dataDir: targetEnv.QT_DATA_DIR! });
const [cell] = await database.db.select().from(units).where(eq(units.name, 'Chi bộ Tràng Đà 1'));
const [plan] = await database.db.select().from(plans).where(eq(plans.issuedOn, '2026-05-15'));
const reads = [{ label: 'health', path: '/api/health' }, ...hotReads({ cellId: cell!.id, planId: plan!.id, attendanceSessions: [], reports: [] })];
const env = loadEnv({ NODE_ENV: 'production', QT_WEB_DIR: '/nonexistent', QT_FILES_DIR: tempDataDir(), QT_BACKUP_KEEP: '0', QT_JOBS: 'false', ...targetEnv });
const app = await buildApp({ env, database });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');

async function round(path: string, n: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const res = await app.inject({ url: path, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

for (const read of reads) await round(read.path, REQUESTS); // warm: JIT, pool, caches
// QT_ROUTE_CPU_DUMP=folder: each route's answer, to compare two versions of the code byte for byte.
const dump = process.env.QT_ROUTE_CPU_DUMP;
if (dump) for (const read of reads.slice(1)) writeFileSync(`${dump}/${read.label.replace(/\W+/gu, '-')}.json`, (await app.inject({ url: read.path, headers: { cookie } })).body);
const results = new Map<string, number[]>(reads.map((r) => [r.label, []]));
for (let r = 0; r < ROUNDS; r++) for (const read of reads) results.get(read.label)!.push(await round(read.path, REQUESTS));
for (const [label, ms] of results) {
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} median ${sorted[sorted.length >> 1]!.toFixed(3)}, min ${sorted[0]!.toFixed(3)} ms CPU/request (rounds ${sorted.map((m) => m.toFixed(2)).join(' ')})`);
}

const profileOut = process.env.QT_ROUTE_CPU_PROFILE;
if (profileOut) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const path = process.env.QT_ROUTE_CPU_PROFILE_PATH ?? reads[1]!.path;
  for (let r = 0; r < ROUNDS; r++) await round(path, REQUESTS);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(profileOut, JSON.stringify(profile));
}
await app.close();
await database.close();
process.exit(0);
