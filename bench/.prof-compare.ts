import { insertMembersWithPeople } from '../src/server/features/people/member-rows';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { studySessions } from '../src/server/features/study-sessions/tables';
import { fanOutPlan } from '../src/server/features/study-sessions/fan-out';
import { sessionCheckIn } from '../src/server/features/study-sessions/check-in';
// @ts-expect-error the base commit's copy, outside the project
import { sessionCheckIn as oldCheckIn } from '/tmp/qt-base/src/server/features/study-sessions/check-in';
import type { Actor } from '../src/server/auth/actor';
import { sql } from 'drizzle-orm';

const database = await openDatabase({});
await migrateDatabase(database);
const db = database.db;
const communeId = crypto.randomUUID();
const communePath = `/${communeId}/`;
await db.insert(units).values({ id: communeId, tenantId: communeId, kind: 'commune', name: 'x', path: communePath });
const cells = Array.from({ length: 500 }, (_, i) => { const id = crypto.randomUUID(); return { id, tenantId: communeId, parentId: communeId, kind: 'cell' as const, name: `C ${i}`, path: `${communePath}${id}/` }; });
await db.insert(units).values(cells);
const may = { phrase: 'x', kind: 'within-month' as const, from: '2026-05-01', to: '2026-05-31' };
const [plan] = await db.insert(plans).values({ tenantId: communeId, issuerUnitId: communeId, kind: 'propagation', status: 'issued', title: 'K', source: '', body: { preamble: [], sections: [], conferences: [{ level: 'grassroots', when: may }], tasks: [], selfAssessment: null, signature: null, resolutions: [] }, issuedOn: '2026-05-15' }).returning();
await db.transaction((tx) => fanOutPlan(tx, plan!, '2026-05-15'));
const rows = (cellId: string) => Array.from({ length: 600 }, (_, i) => ({ id: crypto.randomUUID(), tenantId: communeId, cellId, fullName: `Đ ${i}`, gender: 'male' as const, joinedOn: '2010-01-01' }));
const a = rows(cells[1]!.id);
const b = rows(cells[2]!.id);
await insertMembersWithPeople(db, [...a, ...b], { joinedOn: () => '2010-01-01' });
await db.execute(sql`ANALYZE`);
const all = await db.select().from(studySessions);
const sa = all.find((s) => s.unitId === cells[1]!.id)!.id;
const sb = all.find((s) => s.unitId === cells[2]!.id)!.id;
const actorOf = (m: { id: string }): Actor => ({ userId: crypto.randomUUID(), username: m.id, displayName: 'x', tenantId: communeId, communeId, memberId: m.id, grants: [] });
const time = { old: 0, new: 0 };
const n = { old: 0, new: 0 };
for (let round = 0; round < 12; round++) {
  for (const which of round % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
    const list = (which === 'old' ? a : b).slice(round * 50, round * 50 + 50);
    const start = performance.now();
    for (let i = 0; i < list.length; i += 20) {
      await Promise.all(list.slice(i, i + 20).map((m) => (which === 'old' ? oldCheckIn : sessionCheckIn).checkIn(db, actorOf(m), which === 'old' ? sa : sb)));
    }
    time[which] += performance.now() - start;
    n[which] += list.length;
  }
}
const t0 = performance.now();
for (let i = 0; i < 300; i++) await db.execute(sql`select 1`);
console.log(`raw ${(300 / ((performance.now() - t0) / 1000)).toFixed(0)}/s; old ${(n.old / (time.old / 1000)).toFixed(0)}/s; new ${(n.new / (time.new / 1000)).toFixed(0)}/s`);
await database.close();
