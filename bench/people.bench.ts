// As-of counts for every cell of the demo ward (target < 20 ms): the members of each cell on a day
// and how many were expected to attend (not exempt), in one statement, on an embedded PGlite.
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/seed/demo';
import { units } from '../src/server/features/units/tables';
import { countsAsOf } from '../src/server/features/people/membership-queries';
import { report } from './support';

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  await seedDemo(database.db);
  await database.db.execute('ANALYZE' as never);
  const [commune] = await database.db.select().from(units).where(eq(units.kind, 'commune'));
  const days = ['2026-05-19', '2026-05-20', '2026-05-25', '2026-06-02', '2026-12-01'];
  for (const d of days) await countsAsOf(database.db, commune!.id, d); // warm-up
  const times: number[] = [];
  let cells = 0;
  for (let i = 0; i < 100; i++) {
    const start = performance.now();
    cells = (await countsAsOf(database.db, commune!.id, days[i % days.length]!)).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  report(`as-of counts for every cell of the demo ward (${cells} cells, PGlite)`, `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`, 'p95 < 20 ms', p95 < 20);
  await database.close();
}
