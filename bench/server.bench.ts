// Foundation targets: start-up time to the first 200 on /api/health with an existing data folder,
// and sign-in + listing a 100-member cell under load (autocannon on 127.0.0.1, bounded in time).
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { insertMembersWithPeople } from '../src/server/features/people/member-rows';
import { openMigratedDatabase } from '../src/server/database';
import { seedDemo } from '../src/server/seed/demo';
import { units } from '../src/server/features/units/tables';
import { members } from '../src/server/features/members/tables';
import { freePort, report, startProcess, stopProcess, tempDataDir, waitForHealth } from './support';

const DURATION_S = Number(process.env.QT_BENCH_SECONDS ?? 10);

async function prepareDataDir() {
  const dataDir = tempDataDir();
  const database = await openMigratedDatabase({ QT_DATA_DIR: dataDir });
  await seedDemo(database.db);
  const [cell] = await database.db.select().from(units).where(eq(units.name, 'Chi bộ Tràng Đà 1'));
  const existing = await database.db.select().from(members).where(eq(members.cellId, cell!.id));
  const extra = Array.from({ length: 100 - existing.length }, (_, i) => ({
    tenantId: cell!.tenantId!,
    cellId: cell!.id,
    fullName: `Nguyễn Văn Thử ${i + 1}`,
    gender: 'male' as const,
  }));
  if (extra.length) await insertMembersWithPeople(database.db, extra, { joinedOn: () => '2020-01-01' });
  await database.close();
  return { dataDir, cellId: cell!.id };
}

export async function run() {
  const { dataDir, cellId } = await prepareDataDir();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { QT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', QT_LOGIN_RATE_LIMIT: '1000000', QT_WEB_DIR: './dist/web' };

  // Start-up: `npm start` as a user runs it (the web app already built), to the first 200.
  execFileSync('node', ['bin/build-web.js', '--if-stale'], { stdio: 'ignore' });
  const startup: number[] = [];
  for (let i = 0; i < 3; i++) {
    const child = startProcess('npm', ['start', '--silent'], env);
    startup.push(await waitForHealth(url));
    await stopProcess(child);
  }
  const median = startup.sort((a, b) => a - b)[1]!;
  report('start-up to first 200 (npm start, existing data folder)', `median ${(median / 1000).toFixed(2)} s of ${startup.map((s) => (s / 1000).toFixed(2)).join(', ')}`, '< 5 s', median < 5000);

  const server = startProcess('node', ['bin/quantriet', 'serve'], env);
  try {
    await waitForHealth(url);
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanphong', password: 'quantriet' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const list = await fetch(`${url}/api/units/${cellId}/members`, { headers: { cookie } }).then((r) => r.json());
    if (list.total !== 100) throw new Error(`expected 100 members, got ${list.total}`);

    const signIn = await autocannon({
      url: `${url}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'thuongtruc', password: 'quantriet' }),
      connections: 4,
      duration: DURATION_S,
    });
    report('sign-in (scrypt)', `${signIn.requests.average.toFixed(0)} req/s, p99 ${signIn.latency.p99} ms, ${signIn.non2xx} non-2xx`, 'measured (scrypt costs ~50 ms of CPU by design)', signIn.non2xx === 0);

    const listing = await autocannon({
      url: `${url}/api/units/${cellId}/members`,
      headers: { cookie },
      connections: 10,
      duration: DURATION_S,
    });
    report('list a 100-member cell', `${listing.requests.average.toFixed(0)} req/s, p99 ${listing.latency.p99} ms, ${listing.non2xx} non-2xx`, 'p99 < 100 ms', listing.latency.p99 < 100 && listing.non2xx === 0);
  } finally {
    await stopProcess(server);
  }
}
