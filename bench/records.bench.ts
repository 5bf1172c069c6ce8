// The yearly record of a 100-member cell as XLSX (target < 300 ms): the demo ward, a cell of 100
// members added with its session of plan 1-KH/ĐU (attendance for all, a make-up, reflections for most,
// half reviewed), then the record read for the cell (a few statements) and written as a spreadsheet.
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { seedDemo } from '../src/server/seed/demo';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { sessionAttendance, studySessions } from '../src/server/features/study-sessions/tables';
import { reflections } from '../src/server/features/reflections/tables';
import { cellRecord } from '../src/server/features/reflections/record';
import { cellRecordXlsx } from '../src/server/features/reflections/record-export';
import { buildCell, buildMember } from '../test/support/factories';
import { report } from './support';

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  await seedDemo(database.db);
  const [commune] = await database.db.select().from(units).where(eq(units.kind, 'commune'));
  const [plan] = await database.db.select().from(plans).where(and(eq(plans.tenantId, commune!.id), eq(plans.issuedOn, '2026-05-15')));
  const cell = await buildCell(database, commune!, 'Chi bộ Một Trăm Đảng Viên');
  const list = [];
  for (let i = 0; i < 100; i++) list.push(await buildMember(database, cell));
  const tenantId = commune!.id;
  const sessionId = randomUUID();
  const makeUpId = randomUUID();
  await database.db.insert(studySessions).values([
    { tenantId, id: sessionId, planId: plan!.id, unitId: cell.id, heldOn: '2026-05-26' },
    { tenantId, id: makeUpId, planId: plan!.id, unitId: cell.id, kind: 'make-up', makeUpOfId: sessionId, heldOn: '2026-06-02' },
  ]);
  const statuses = ['present', 'present', 'present', 'late', 'absent', 'excused'] as const;
  await database.db.insert(sessionAttendance).values(list.map((m, i) => ({ tenantId, sessionId, memberId: m.id, status: statuses[i % statuses.length]!, reason: i % 6 >= 4 ? 'Đi công tác' : null })));
  await database.db.insert(sessionAttendance).values(list.filter((_, i) => i % 6 === 4).map((m) => ({ tenantId, sessionId: makeUpId, memberId: m.id, status: 'present' as const })));
  await database.db.insert(reflections).values(
    list.slice(0, 90).map((m, i) => ({
      tenantId,
      id: randomUUID(),
      planId: plan!.id,
      memberId: m.id,
      cellId: cell.id,
      reflection: 'Bài thu hoạch',
      commitment: 'Bản cam kết',
      late: i % 10 === 0,
      reviewResult: i % 2 ? ('passed' as const) : null,
    })),
  );
  await database.db.execute('ANALYZE' as never);
  const once = async () => cellRecordXlsx(cell, 2026, await cellRecord(database.db, cell, 2026));
  for (let i = 0; i < 5; i++) await once(); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 30; i++) {
    const start = performance.now();
    bytes = (await once()).bytes.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  report(`yearly record of a 100-member cell as XLSX (read + write, ${Math.round(bytes / 1024)} KB, PGlite)`, `median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms`, 'p95 < 300 ms', p95 < 300);
  await database.close();
}
