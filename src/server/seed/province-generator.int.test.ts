import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { generateProvince, heldSessionsWithoutReport, type GeneratedProvince } from './province-generator';
import { cellReports } from '../features/reports/tables';
import { studySessions } from '../features/study-sessions/tables';
import { figuresOfSession } from '../features/reports/service';
import { planConsolidation, planFiguresOf } from '../features/reports/consolidation';
import { provinceReports } from '../features/province/service';
import { openScratchDatabase } from '../../../test/support/postgres';
import type { Actor } from '../auth/actor';

let database: Database;
let province: GeneratedProvince;
const shape = { communes: 3, cellsPerCommune: 4, membersPerCell: 10, plansPerCommune: 3 };

beforeAll(async () => {
  // On PostgreSQL too when the suite runs there: its bulk statements take the same way (decision 046).
  database = process.env.QT_TEST_DB === 'postgres' ? await openScratchDatabase(process.env.TEST_DATABASE_URL!, { prefix: 'qt_gen' }) : await openDatabase({});
  await migrateDatabase(database);
  province = await generateProvince(database.db, shape, { today: '2026-06-20' });
});
afterAll(() => database?.close());

const staffOf = (commune: GeneratedProvince['communes'][number]): Actor => ({
  userId: crypto.randomUUID(),
  username: 'test',
  displayName: 'test',
  tenantId: commune.id,
  communeId: commune.id,
  memberId: null,
  grants: [{ role: 'wardStaff', unitId: commune.id, unitPath: commune.path, unitKind: 'commune', unitTenantId: commune.id }],
});

describe('the province generator', () => {
  it('writes the shape asked for: cells, members with their events, every cell\'s session of every plan', () => {
    const cells = shape.communes * shape.cellsPerCommune;
    expect(province.counts).toMatchObject({
      units: 1 + shape.communes + cells,
      persons: cells * shape.membersPerCell,
      members: cells * shape.membersPerCell,
      plans: shape.communes * shape.plansPerCommune,
      study_sessions: shape.communes * shape.plansPerCommune * shape.cellsPerCommune,
      plan_report_figures: shape.communes * shape.plansPerCommune,
      upward_reports: shape.communes * shape.plansPerCommune,
      consolidated_reports: shape.communes * (shape.plansPerCommune - 2),
    });
    expect(province.counts.membership_events).toBeGreaterThanOrEqual(province.counts.members!);
    expect(province.counts.session_attendance).toBeGreaterThan(0);
  });

  it('writes each report\'s figures as the service counts them from the session\'s attendance', async () => {
    const [row] = await database.db
      .select({ report: cellReports, session: studySessions })
      .from(cellReports)
      .innerJoin(studySessions, and(eq(studySessions.tenantId, cellReports.tenantId), eq(studySessions.id, cellReports.sessionId)))
      .where(eq(cellReports.tenantId, province.communes[1]!.id))
      .limit(1);
    const counted = await figuresOfSession(database.db, row!.session);
    expect(row!.report.figures.members).toEqual(counted.members);
    expect(row!.report.figures.rates.present).toBeCloseTo(counted.rates.present!);
  });

  it('keeps each plan\'s aggregate equal to the live consolidation, and the province sees every commune', async () => {
    const commune = province.communes[0]!;
    const planId = province.plans.get(commune.id)![0]!;
    const live = await planConsolidation(database.db, staffOf(commune), planId);
    const kept = await planFiguresOf(database.db, commune.id, planId);
    expect(kept).toMatchObject({ expected: live.expected, submitted: live.submitted, onTime: live.onTime, late: live.late, missing: live.missing, members: live.members, ratings: live.ratings });
    expect(live.expected).toBe(shape.cellsPerCommune);
    const viewer: Actor = {
      ...staffOf(commune),
      tenantId: province.provinceId,
      communeId: null,
      grants: [{ role: 'provinceViewer', unitId: province.provinceId, unitPath: province.provincePath, unitKind: 'province', unitTenantId: province.provinceId }],
    };
    const rollup = await provinceReports(database.db, viewer, { resolution: '1-NQ/TU' });
    expect(rollup.communes).toHaveLength(shape.communes);
    expect(rollup.communes.every((c) => c.status === 'submitted')).toBe(true);
  });

  it('leaves the last plan\'s held sessions without reports (its campaign under way)', async () => {
    const commune = province.communes[2]!;
    const free = await heldSessionsWithoutReport(database.db, [commune.id], 100);
    const last = province.plans.get(commune.id)!.at(-1)!;
    expect(free.filter((s) => s.planId === last)).toHaveLength(shape.cellsPerCommune);
  });

  it('writes only rows every foreign key holds, though its bulk statements skip the per-row checks', async () => {
    const columnsOf = (side: 'conrelid' | 'confrelid', keys: 'conkey' | 'confkey') =>
      `array_to_string(array(SELECT quote_ident(a.attname) FROM unnest(c.${keys}) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.${side} AND a.attnum = k.n ORDER BY k.i), ',')`;
    const { rows: keys } = await database.executeSql(`
      SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
        ${columnsOf('conrelid', 'conkey')} AS "childColumns", ${columnsOf('confrelid', 'confkey')} AS "parentColumns"
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    const broken: string[] = [];
    for (const key of keys as { name: string; child: string; parent: string; childColumns: string; parentColumns: string }[]) {
      const child = key.childColumns.split(',');
      const parent = key.parentColumns.split(',');
      const matches = child.map((column, i) => `p.${parent[i]} = c.${column}`).join(' AND ');
      // MATCH SIMPLE: a row with a null in the key refers to nothing.
      const { rows } = await database.executeSql(
        `SELECT count(*)::int AS n FROM ${key.child} c WHERE (${child.map((column) => `c.${column}`).join(', ')}) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE ${matches})`,
      );
      const n = Number(rows[0]!.n);
      if (n > 0) broken.push(`${key.name}: ${n}`);
    }
    expect(broken).toEqual([]);
    expect(keys.map((k) => k.name)).toEqual(expect.arrayContaining(['session_attendance_member_fk', 'session_attendance_session_fk', 'cell_reports_session_fk', 'cell_reports_rubric_fk']));
    expect(province.counts.session_attendance).toBeGreaterThan(0);
  });
});
