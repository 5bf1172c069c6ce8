// The province roll-up and the ward's consolidation (issue 13), in-process on an embedded PGlite:
// - a generated province of 100 communes × 20 plans (one resolution each) in the province's rows
//   (upward_reports, what the wards' submits write): GET /api/province/reports's service — p95 < 50 ms;
// - one ward's plan of 50 cells with their sessions and 40 reports in every state:
//   GET /api/plans/:id/consolidation's service — p95 < 20 ms.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { plans } from '../src/server/features/plans/tables';
import { studySessions } from '../src/server/features/study-sessions/tables';
import { cellReports } from '../src/server/features/reports/tables';
import { upwardReports, type UpwardReportStatus } from '../src/server/features/province/tables';
import { provinceReports } from '../src/server/features/province/service';
import { planConsolidation } from '../src/server/features/reports/consolidation';
import { ensureCurrentRubric } from '../src/server/features/reports/rubric';
import { reportFigures, type ReportStatus } from '../src/domain/report-figures';
import type { Actor } from '../src/server/auth/actor';
import { report } from './support';

const COMMUNES = 100;
const PLANS = 20;
const CELLS = 50;

function timeIt(times: number[]) {
  times.sort((a, b) => a - b);
  return { p95: times[Math.floor(times.length * 0.95)]!, median: times[Math.floor(times.length / 2)]! };
}

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  const db = database.db;
  const provinceId = crypto.randomUUID();
  const provincePath = `/${provinceId}/`;
  await db.insert(units).values({ id: provinceId, tenantId: provinceId, kind: 'province', name: 'Đảng bộ tỉnh Thử', path: provincePath });
  const communes = Array.from({ length: COMMUNES }, (_, i) => {
    const id = crypto.randomUUID();
    return { id, tenantId: id, parentId: provinceId, kind: 'commune' as const, name: `Đảng ủy xã Thử ${String(i + 1).padStart(3, '0')}`, path: `${provincePath}${id}/` };
  });
  await db.insert(units).values(communes);

  // The province's rows: every commune's report on every plan, in every state.
  const started = performance.now();
  const statuses: UpwardReportStatus[] = ['submitted', 'submitted', 'submitted', 'pending', 'reopened'];
  for (let p = 0; p < PLANS; p++) {
    const dueAt = new Date(`2026-06-${String(5 + (p % 20)).padStart(2, '0')}T00:00:00+07:00`);
    await db.insert(upwardReports).values(
      communes.map((c, i) => {
        const status = statuses[(i + p) % statuses.length]!;
        const cells = 30 + ((i * 7 + p) % 40);
        const submitted = cells - ((i + p) % 5);
        const submittedAt = new Date(dueAt.getTime() + (((i + p) % 7) - 5) * 86_400_000);
        return {
          tenantId: provinceId,
          communeId: c.id,
          planId: crypto.randomUUID(),
          communeName: c.name,
          planTitle: `Kế hoạch học tập Nghị quyết số ${p + 1}-NQ/TU`,
          planNumber: `${p + 1}-KH/ĐU`,
          resolution: `${p + 1}-NQ/TU`,
          dueAt,
          status,
          number: status === 'pending' ? '' : `${p + 1}-BC/ĐU`,
          firstSubmittedAt: status === 'pending' ? null : submittedAt,
          submittedAt: status === 'pending' ? null : submittedAt,
          onTime: status === 'pending' ? null : submittedAt < dueAt,
          cellsExpected: cells,
          cellsSubmitted: submitted,
          cellsOnTime: submitted - 2,
          cellsLate: 2,
          cellsMissing: cells - submitted,
          membersExpected: cells * 20,
          membersPresent: cells * 17,
          membersLate: cells,
          membersExcused: cells,
          membersAbsent: cells,
          membersMadeUp: cells,
          ratings: { 'Tốt': submitted - 10, 'Khá': 6, 'Trung bình': 3, 'Chưa đạt': 1 },
          cells: [],
        };
      }),
    );
  }
  console.log(`  generated ${COMMUNES} communes × ${PLANS} plans of the province in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // One ward's plan: 50 cells, their sessions, 40 reports in every state.
  const ward = communes[0]!;
  const cellUnits = Array.from({ length: CELLS }, (_, i) => {
    const id = crypto.randomUUID();
    return { id, tenantId: ward.id, parentId: ward.id, kind: 'cell' as const, name: `Chi bộ ${i + 1}`, path: `${ward.path}${id}/`, sortOrder: i };
  });
  await db.insert(units).values(cellUnits);
  const due = { phrase: 'trước ngày 05/6/2026', kind: 'before' as const, date: '2026-06-05' };
  const [plan] = await db
    .insert(plans)
    .values({
      tenantId: ward.id,
      issuerUnitId: ward.id,
      kind: 'propagation',
      status: 'issued',
      title: 'Kế hoạch thử',
      source: '',
      number: 1,
      numberPeriod: '2026',
      issuedOn: '2026-05-15',
      body: { preamble: [], sections: [], conferences: [], tasks: [{ text: 'Tổng hợp, báo cáo kết quả về Ban Thường vụ', due, assignee: null } as never], selfAssessment: null, signature: null, resolutions: [] },
    })
    .returning();
  const rubric = await db.transaction((tx) => ensureCurrentRubric(tx, ward.id));
  const sessions = await db
    .insert(studySessions)
    .values(cellUnits.map((c) => ({ tenantId: ward.id, planId: plan!.id, unitId: c.id, heldOn: '2026-05-22' })))
    .returning();
  const reportStates: ReportStatus[] = ['accepted', 'submitted', 'returned', 'draft'];
  await db.insert(cellReports).values(
    sessions.slice(0, 40).map((s, i) => {
      const status = reportStates[i % reportStates.length]!;
      const sent = status !== 'draft' ? new Date(`2026-06-0${1 + (i % 8)}T09:00:00+07:00`) : null;
      return {
        tenantId: ward.id,
        planId: plan!.id,
        sessionId: s.id,
        unitId: s.unitId,
        rubricId: rubric.id,
        status,
        figures: reportFigures({ total: 22, exempt: 2, expected: 20, present: 16, late: 2, excused: 1, absent: 1 }, 1, { youth: 2, association: 3, public: 10 }),
        form: 'in-person' as const,
        reporter: 'Bí thư chi bộ',
        reportDate: '2026-06-01',
        scores: [],
        total: 80 + (i % 20),
        band: i % 3 ? 'Tốt' : 'Khá',
        firstSubmittedAt: sent,
        submittedAt: sent,
      };
    }),
  );
  await db.execute(sql`ANALYZE`);

  const viewer: Actor = { userId: crypto.randomUUID(), username: 'bench', displayName: 'bench', tenantId: provinceId, communeId: null, memberId: null, grants: [{ role: 'provinceViewer', unitId: provinceId, unitPath: provincePath, unitKind: 'province', unitTenantId: provinceId }] };
  const staff: Actor = { userId: crypto.randomUUID(), username: 'bench', displayName: 'bench', tenantId: ward.id, communeId: ward.id, memberId: null, grants: [{ role: 'wardStaff', unitId: ward.id, unitPath: ward.path, unitKind: 'commune', unitTenantId: ward.id }] };

  const check = await provinceReports(db, viewer, { resolution: '1-NQ/TU' });
  if (check.communes.length !== COMMUNES || check.resolutions.length !== PLANS) throw new Error('the roll-up did not read the generated province');
  const consolidation = await planConsolidation(db, staff, plan!.id);
  if (consolidation.expected !== CELLS) throw new Error(`the consolidation counted ${consolidation.expected} cells`);

  for (let i = 0; i < 20; i++) await provinceReports(db, viewer, { resolution: `${(i % PLANS) + 1}-NQ/TU` });
  const rollupTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await provinceReports(db, viewer, { resolution: `${(i % PLANS) + 1}-NQ/TU` });
    rollupTimes.push(performance.now() - t0);
  }
  const rollup = timeIt(rollupTimes);
  report(`Province roll-up (${COMMUNES} communes × ${PLANS} plans, one resolution's communes, PGlite)`, `p95 ${rollup.p95.toFixed(1)} ms (median ${rollup.median.toFixed(1)} ms)`, 'p95 < 50 ms', rollup.p95 < 50);

  for (let i = 0; i < 20; i++) await planConsolidation(db, staff, plan!.id);
  const consolidationTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await planConsolidation(db, staff, plan!.id);
    consolidationTimes.push(performance.now() - t0);
  }
  const cons = timeIt(consolidationTimes);
  report(`Consolidation of one ward's plan (${CELLS} cells, 40 reports, PGlite)`, `p95 ${cons.p95.toFixed(1)} ms (median ${cons.median.toFixed(1)} ms)`, 'p95 < 20 ms', cons.p95 < 20);
  await database.close();
}
