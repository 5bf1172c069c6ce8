// Offline sync (issue 16): a phone comes back online with 200 queued entries (attendance saves, one
// per session, each with its Idempotency-Key and the version it was made on) and sends them in
// order, as src/web/pwa/outbox.ts does; every fourth answer is "lost on the way back", so the
// phone sends that entry again with the same key. Target: < 10 s, 0 lost, 0 duplicated.
// In-process, through the service the route calls, on an embedded PGlite.
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { sessionAttendance, studySessions } from '../src/server/features/study-sessions/tables';
import { fanOutPlan } from '../src/server/features/study-sessions/fan-out';
import { saveAttendance } from '../src/server/features/study-sessions/service';
import { insertMembersWithPeople } from '../src/server/features/people/member-rows';
import { auditLog } from '../src/server/features/audit/tables';
import type { Actor } from '../src/server/auth/actor';
import { report } from './support';

const ENTRIES = 200;
const MEMBERS_PER_CELL = 10;
const may = { phrase: 'Hoàn thành trong tháng 5/2026', kind: 'within-month' as const, from: '2026-05-01', to: '2026-05-31' };

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  const db = database.db;
  const communeId = crypto.randomUUID();
  const communePath = `/${communeId}/`;
  await db.insert(units).values({ id: communeId, tenantId: communeId, kind: 'commune', name: 'Đảng ủy phường Thử', path: communePath });
  const staff: Actor = { userId: crypto.randomUUID(), username: 'bench', displayName: 'bench', tenantId: communeId, communeId, memberId: null, grants: [{ role: 'wardStaff', unitId: communeId, unitPath: communePath, unitKind: 'commune', unitTenantId: communeId }] };
  const cells = Array.from({ length: ENTRIES }, (_, i) => {
    const id: string = crypto.randomUUID();
    return { id, tenantId: communeId, parentId: communeId, kind: 'cell' as const, name: `Chi bộ ${i + 1}`, path: `${communePath}${id}/` };
  });
  await db.insert(units).values(cells);
  const [plan] = await db
    .insert(plans)
    .values({ tenantId: communeId, issuerUnitId: communeId, kind: 'propagation', status: 'issued', title: 'Kế hoạch thử', source: '', body: { preamble: [], sections: [], conferences: [{ level: 'grassroots', when: may }], tasks: [], selfAssessment: null, signature: null, resolutions: [] }, issuedOn: '2026-05-15' })
    .returning();
  await db.transaction((tx) => fanOutPlan(tx, plan!, '2026-05-15'));
  const membersOf = new Map(cells.map((c) => [c.id, Array.from({ length: MEMBERS_PER_CELL }, (_, i) => ({ id: crypto.randomUUID(), tenantId: communeId, cellId: c.id, fullName: `Đảng viên ${i + 1}`, gender: 'male' as const, joinedOn: '2010-01-01' }))]));
  await insertMembersWithPeople(db, [...membersOf.values()].flat(), { joinedOn: () => '2010-01-01' });
  await db.execute(sql`ANALYZE`);
  // The machine's state, so that a figure taken on a loaded machine reads in proportion.
  const rawStart = performance.now();
  for (let i = 0; i < 300; i++) await db.execute(sql`select 1`);
  console.log(`  raw database rate: ${(300 / ((performance.now() - rawStart) / 1000)).toFixed(0)} statements/s (select 1, one at a time)`);

  // The queue as the phone holds it: one entry per session, made on the version the phone had read.
  const sessions = await db.select().from(studySessions).where(eq(studySessions.tenantId, communeId));
  const queue = sessions.map((s, i) => ({
    key: `qt-${crypto.randomUUID()}`,
    sessionId: s.id,
    body: { version: s.version, marks: membersOf.get(s.unitId)!.map((m, j) => ({ memberId: m.id, status: (i + j) % 7 === 0 ? ('excused' as const) : ('present' as const), reason: (i + j) % 7 === 0 ? 'Đi làm xa' : null })) },
  }));

  const start = performance.now();
  let acknowledged = 0;
  let resent = 0;
  for (const [i, entry] of queue.entries()) {
    await saveAttendance(db, staff, entry.sessionId, entry.body, entry.key);
    // Every fourth answer is lost: the phone still holds the entry and sends it again, same key.
    if (i % 4 === 3) {
      await saveAttendance(db, staff, entry.sessionId, entry.body, entry.key);
      resent++;
    }
    acknowledged++;
  }
  const seconds = (performance.now() - start) / 1000;

  const after = await db.select().from(studySessions).where(eq(studySessions.tenantId, communeId));
  const marks = await db.select({ sessionId: sessionAttendance.sessionId, memberId: sessionAttendance.memberId, status: sessionAttendance.status }).from(sessionAttendance).where(eq(sessionAttendance.tenantId, communeId));
  const writes = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.tenantId, communeId), eq(auditLog.action, 'session.attendance')));
  const lost = queue.filter((entry) => entry.body.marks.some((m) => !marks.some((r) => r.sessionId === entry.sessionId && r.memberId === m.memberId && r.status === m.status))).length;
  const bumpedTwice = after.filter((s) => s.version !== sessions.find((b) => b.id === s.id)!.version + 1).length;
  const duplicated = Math.max(0, writes[0]!.n - ENTRIES) + bumpedTwice;
  report(
    `Sync of ${ENTRIES} queued entries (${resent} sent twice)`,
    `${acknowledged} acknowledged in ${seconds.toFixed(2)} s, ${lost} lost, ${duplicated} duplicated (${writes[0]!.n} writes audited)`,
    '< 10 s, 0 lost, 0 duplicated',
    seconds < 10 && lost === 0 && duplicated === 0 && acknowledged === ENTRIES,
  );
  await database.close();
}
