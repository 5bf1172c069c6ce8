// A generated province at the scale of issue 13's benchmark: 100 communes of 50 cells (5,000 cells),
// 20 members a cell (100,000 members, each a person with a "joined" event), 20 issued plans a
// commune with every cell's study session, its attendance (≈ 2,000,000 marks) and its report in a
// realistic mix, then the aggregates the real code keeps: plan_report_figures and the ward's report
// upward (refreshPlanFigures, sendUpwardReport, expectUpwardReport — the services' own functions).
// The bulk rows are written by INSERT … SELECT over generate_series and joins, in the database,
// never as JS rows; identifiers are derived (md5 of the parent's id) so one statement can refer to
// rows another wrote (made RFC 4122 version 4 so that the routes' validation accepts them). The
// bulk statements skip the row-by-row foreign-key checks where the database lets us (bulkWriter).
// For the benchmark (bench/province-scale.bench.ts) and `seed --generate-province`.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { todayInVietnam } from '../../domain/dates';
import { defaultRubric, rubricItems, scoreReport } from '../../domain/rubrics';
import { now } from '../clock';
import { units } from '../features/units/tables';
import { plans, type Plan } from '../features/plans/tables';
import { consolidatedReports } from '../features/reports/tables';
import { ensureCurrentRubric } from '../features/reports/rubric';
import { refreshPlanFigures } from '../features/reports/consolidation';
import { expectUpwardReport, sendUpwardReport } from '../features/province/upward';

export interface ProvinceShape {
  communes: number;
  cellsPerCommune: number;
  membersPerCell: number;
  plansPerCommune: number;
}

export const PROVINCE_SCALE: ProvinceShape = { communes: 100, cellsPerCommune: 50, membersPerCell: 20, plansPerCommune: 20 };

export interface GeneratedCommune {
  id: string;
  name: string;
  path: string;
}

export interface GeneratedProvince {
  provinceId: string;
  provincePath: string;
  communes: GeneratedCommune[];
  /** Each commune's plans, oldest first (the last one's campaign is under way: no reports yet). */
  plans: Map<string, string[]>;
  /** Seconds spent in each step. */
  steps: { step: string; seconds: number }[];
  counts: Record<string, number>;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trung', 'Tuấn', 'Yến'];

/** A uuid[] parameter (drizzle would spread a JS array into a list). */
const uuids = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
const arr = (xs: string[]) => sql.raw(`ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`);
/** A stable pseudo-random 0..n-1 from a text key (PostgreSQL's hashtext). */
const pick = (key: ReturnType<typeof sql>, n: number) => sql`(abs(hashtext(${key})::bigint) % ${sql.raw(String(n))})`;

/**
 * The bulk steps' writer: each step's statements in a transaction of their own, with the foreign
 * keys' per-row triggers off when the account may turn them off (a superuser: PGlite, the
 * benchmark's server; asked once). Every row they write is made by joining the rows it refers to,
 * so the keys hold by construction (the generator's test checks every foreign key of what it
 * wrote); the per-row checks, each a lookup and a lock of the row referred to, were three quarters
 * of the attendance's two million marks (decision 046). Elsewhere the statements run checked, only slower.
 */
async function bulkWriter(db: Db) {
  const result = await db.execute(sql`SELECT current_setting('is_superuser') = 'on' AS superuser`);
  const unchecked = Boolean((result as unknown as { rows: { superuser: boolean }[] }).rows[0]?.superuser);
  return (statements: (tx: DbOrTx) => Promise<unknown>) =>
    db.transaction(async (tx) => {
      if (unchecked) await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await statements(tx);
    });
}

/** An ISO day plus n days. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The plan's report deadline as the plan writes it. */
function reportTask(date: string) {
  const [y, m, d] = date.split('-');
  const due = { phrase: `trước ngày ${d}/${Number(m)}/${y}`, kind: 'before' as const, date };
  return { text: 'Tổng hợp, báo cáo kết quả học tập, quán triệt về Ban Thường vụ Đảng ủy', due, assignee: 'Văn phòng Đảng ủy', line: 1 };
}

/**
 * Writes the province into an empty-or-not database (its own units, nothing shared but the tables).
 * `today` anchors the campaigns: plan k of n is issued (n − k) fortnights before, plus 10 days.
 */
export async function generateProvince(db: Db, shape: ProvinceShape = PROVINCE_SCALE, options: { today?: string; log?: (line: string) => void } = {}): Promise<GeneratedProvince> {
  const today = options.today ?? todayInVietnam(now());
  const steps: { step: string; seconds: number }[] = [];
  const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ step, seconds });
    options.log?.(`  ${step}: ${seconds.toFixed(1)} s`);
    return result;
  };

  const provinceId = crypto.randomUUID();
  const provincePath = `/${provinceId}/`;
  const tag = provinceId.slice(0, 4);
  const communes: GeneratedCommune[] = Array.from({ length: shape.communes }, (_, i) => {
    const id = crypto.randomUUID();
    return { id, name: `Đảng ủy xã Sinh ${tag} ${String(i + 1).padStart(3, '0')}`, path: `${provincePath}${id}/` };
  });
  const communeIds = communes.map((c) => c.id);
  const bulkWrite = await bulkWriter(db);

  // 1. The organisation: the province, its communes, their cells (paths below the commune's), each commune's rubric.
  await timed('units and rubrics', () =>
    db.transaction(async (tx) => {
      await tx.insert(units).values({ id: provinceId, tenantId: provinceId, kind: 'province', name: `Đảng bộ tỉnh Sinh ${tag}`, path: provincePath });
      await tx.insert(units).values(communes.map((c, i) => ({ id: c.id, tenantId: c.id, parentId: provinceId, kind: 'commune' as const, name: c.name, path: c.path, sortOrder: i })));
      await tx.execute(sql`
        INSERT INTO units (id, tenant_id, parent_id, kind, name, path, sort_order)
        SELECT x.id, c.id, c.id, 'cell', 'Chi bộ Tổ dân phố ' || g, c.path || x.id || '/', g
        FROM units c CROSS JOIN generate_series(1, ${shape.cellsPerCommune}) g
        CROSS JOIN LATERAL (SELECT overlay(overlay(md5(c.id::text || ':cell:' || g) placing '4' from 13) placing '8' from 17)::uuid AS id) x
        WHERE c.id = ANY(${uuids(communeIds)}) AND c.tenant_id = c.id`);
      for (const id of communeIds) await ensureCurrentRubric(tx, id);
    }),
  );

  // 2. The members: a person each, the member in their cell, a "joined" event; one in ten cells has an exempt member.
  const memberKey = sql`c.id::text || ':' || g`;
  await timed('persons, members and their events', () =>
    bulkWrite(async (tx) => {
      const cells = sql`FROM units c CROSS JOIN generate_series(1, ${shape.membersPerCell}) g
        WHERE c.tenant_id = ANY(${uuids(communeIds)}) AND c.kind = 'cell'`;
      const female = sql`(${pick(sql`${memberKey} || ':g'`, 5)} < 2)`;
      const name = sql`(${arr(FAMILY)})[1 + ${pick(sql`${memberKey} || ':f'`, FAMILY.length)}] || ' ' ||
        CASE WHEN ${female} THEN (${arr(MIDDLE_FEMALE)})[1 + ${pick(sql`${memberKey} || ':m'`, MIDDLE_FEMALE.length)}]
             ELSE (${arr(MIDDLE_MALE)})[1 + ${pick(sql`${memberKey} || ':m'`, MIDDLE_MALE.length)}] END || ' ' ||
        (${arr(GIVEN)})[1 + ${pick(sql`${memberKey} || ':n'`, GIVEN.length)}]`;
      const gender = sql`CASE WHEN ${female} THEN 'female' ELSE 'male' END`;
      const birth = sql`(DATE '1950-01-01' + ${pick(sql`${memberKey} || ':b'`, 18_000)}::int)`;
      const joined = sql`(DATE '1980-01-01' + ${pick(sql`${memberKey} || ':j'`, 15_000)}::int)`;
      await tx.execute(sql`
        INSERT INTO persons (tenant_id, id, full_name, gender, birth_date)
        SELECT c.tenant_id, overlay(overlay(md5(${memberKey} || ':person') placing '4' from 13) placing '8' from 17)::uuid, ${name}, ${gender}, ${birth} ${cells}`);
      await tx.execute(sql`
        INSERT INTO members (tenant_id, id, person_id, cell_id, full_name, gender, birth_date, joined_on, official_on, exempt)
        SELECT c.tenant_id, overlay(overlay(md5(${memberKey} || ':member') placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5(${memberKey} || ':person') placing '4' from 13) placing '8' from 17)::uuid, c.id, ${name}, ${gender}, ${birth},
          ${joined}, ${joined} + 365, g = ${shape.membersPerCell} AND c.sort_order % 10 = 0 ${cells}`);
      await tx.execute(sql`
        INSERT INTO membership_events (tenant_id, member_id, kind, effective_on, cell_id)
        SELECT m.tenant_id, m.id, 'joined', m.joined_on, m.cell_id FROM members m WHERE m.tenant_id = ANY(${uuids(communeIds)})`);
      await tx.execute(sql`
        INSERT INTO membership_events (tenant_id, member_id, kind, effective_on, reason)
        SELECT m.tenant_id, m.id, 'exemption', m.joined_on + 9000, 'Tuổi cao, sức khỏe yếu' FROM members m WHERE m.tenant_id = ANY(${uuids(communeIds)}) AND m.exempt`);
    }),
  );

  // 3. The plans: each commune issues one per resolution, a fortnight apart; the report is due three weeks after issue.
  const planIds = new Map<string, string[]>();
  const planRows = communes.flatMap((c) => {
    const ids: string[] = [];
    planIds.set(c.id, ids);
    return Array.from({ length: shape.plansPerCommune }, (_, k) => {
      const id = crypto.randomUUID();
      ids.push(id);
      const issuedOn = addDays(today, -(shape.plansPerCommune - 1 - k) * 14 - 10);
      const resolution = `${k + 1}-NQ/TU`;
      return {
        id,
        tenantId: c.id,
        issuerUnitId: c.id,
        kind: 'propagation' as const,
        status: 'issued' as const,
        title: `Kế hoạch học tập, quán triệt Nghị quyết số ${resolution} của Ban Thường vụ Tỉnh ủy`,
        source: '',
        number: k + 1,
        numberPeriod: today.slice(0, 4),
        issuedOn,
        body: {
          preamble: [],
          sections: [],
          conferences: [],
          tasks: [reportTask(addDays(issuedOn, 21))],
          selfAssessment: null,
          signature: null,
          resolutions: [{ number: resolution, issuedOn: null, issuer: 'Ban Thường vụ Tỉnh ủy', subject: null, mentions: [] }],
        },
      };
    });
  });
  await timed('plans', () =>
    db.transaction(async (tx) => {
      for (let i = 0; i < planRows.length; i += 500) await tx.insert(plans).values(planRows.slice(i, i + 500) as (typeof plans.$inferInsert)[]);
    }),
  );
  const allPlanIds = planRows.map((p) => p.id);
  const lastPlans = communes.map((c) => planIds.get(c.id)!.at(-1)!);

  // 4. Every cell's session of every plan, held 2 to 9 days after issue (one in forty of the older plans' never held).
  const sessionKey = sql`p.id::text || ':' || c.id::text`;
  await timed('study sessions', () =>
    bulkWrite((tx) => tx.execute(sql`
      INSERT INTO study_sessions (tenant_id, id, plan_id, unit_id, scheduled_at, place, reporter, reached_youth, reached_association, reached_public, chair_name, minutes_secretary_name, held_on)
      SELECT p.tenant_id, overlay(overlay(md5(${sessionKey}) placing '4' from 13) placing '8' from 17)::uuid, p.id, c.id, (p.issued_on + 2 + ${pick(sessionKey, 8)}::int) + TIME '19:30' - INTERVAL '7 hours',
        'Nhà văn hóa ' || c.name, 'Đồng chí Bí thư chi bộ', ${pick(sql`${sessionKey} || 'y'`, 6)}, ${pick(sql`${sessionKey} || 'a'`, 9)}, ${pick(sql`${sessionKey} || 'p'`, 25)},
        'Bí thư chi bộ', 'Phó Bí thư chi bộ',
        CASE WHEN p.id <> ALL(${uuids(lastPlans)}) AND ${pick(sql`${sessionKey} || 'h'`, 40)} = 0 THEN NULL ELSE p.issued_on + 2 + ${pick(sessionKey, 8)}::int END
      FROM plans p JOIN units c ON c.tenant_id = p.tenant_id AND c.kind = 'cell'
      WHERE p.id = ANY(${uuids(allPlanIds)})`)),
  );

  // 5. Attendance of every held session: each non-exempt member marked (80 % present, 8 % late, 7 % excused, 5 % absent).
  await timed('attendance', async () => {
    for (let k = 0; k < shape.plansPerCommune; k++) {
      const ids = communes.map((c) => planIds.get(c.id)![k]!);
      await bulkWrite((tx) => tx.execute(sql`
        INSERT INTO session_attendance (tenant_id, session_id, member_id, status, reason, marked_by)
        SELECT s.tenant_id, s.id, m.id,
          CASE WHEN x.h < 80 THEN 'present' WHEN x.h < 88 THEN 'late' WHEN x.h < 95 THEN 'excused' ELSE 'absent' END,
          CASE WHEN x.h BETWEEN 88 AND 94 THEN 'Đi công tác' END, NULL
        FROM study_sessions s JOIN members m ON m.tenant_id = s.tenant_id AND m.cell_id = s.unit_id AND NOT m.exempt
        CROSS JOIN LATERAL (SELECT ${pick(sql`s.id::text || m.id::text`, 100)} AS h) x
        WHERE s.tenant_id = ANY(${uuids(communeIds)}) AND s.plan_id = ANY(${uuids(ids)}) AND s.held_on IS NOT NULL`));
    }
  });

  // 6. The cells' reports, their figures counted from the attendance. The older plans: 85 % accepted, 7 %
  //    submitted, 3 % returned, 5 % missing; the one before last: half accepted, a third submitted, some
  //    returned or drafts, a tenth missing; the last plan's campaign is under way: none yet.
  const items = rubricItems(defaultRubric);
  const variants = [0, 1, 3].map((dropped) => {
    const scores = items.map((item, i) => ({ itemId: item.id, points: i < dropped ? Math.max(0, item.maxPoints - 1) : item.maxPoints }));
    const { total, band } = scoreReport(defaultRubric, scores);
    return { scores: JSON.stringify(scores), total, band };
  });
  const beforeLast = communes.map((c) => planIds.get(c.id)!.at(-2)!).filter(Boolean);
  await timed('cell reports', async () => {
    for (let k = 0; k < shape.plansPerCommune - 1; k++) {
      const ids = communes.map((c) => planIds.get(c.id)![k]!);
      const r = pick(sql`s.id::text || ':r'`, 100);
      const status = sql`CASE WHEN s.plan_id = ANY(${uuids(beforeLast)})
          THEN CASE WHEN ${r} < 50 THEN 'accepted' WHEN ${r} < 82 THEN 'submitted' WHEN ${r} < 86 THEN 'returned' WHEN ${r} < 90 THEN 'draft' END
          ELSE CASE WHEN ${r} < 85 THEN 'accepted' WHEN ${r} < 92 THEN 'submitted' WHEN ${r} < 95 THEN 'returned' END END`;
      const v = pick(sql`s.id::text || ':v'`, 3);
      const variant = (field: 'scores' | 'total' | 'band', cast: string) =>
        sql.raw(`CASE v.n ${variants.map((x, i) => `WHEN ${i} THEN ${x[field] === null ? 'NULL' : `'${String(x[field]).replaceAll("'", "''")}'`}::${cast}`).join(' ')} END`);
      await bulkWrite((tx) => tx.execute(sql`
        INSERT INTO cell_reports (tenant_id, id, plan_id, session_id, unit_id, rubric_id, status, figures, form, reporter, report_date, number,
          summary, scores, total, band, first_submitted_at, submitted_at, accepted_at, version, created_at, updated_at)
        SELECT s.tenant_id, overlay(overlay(md5(s.id::text || ':report') placing '4' from 13) placing '8' from 17)::uuid, s.plan_id, s.id, s.unit_id, rb.id, x.status,
          jsonb_build_object(
            'members', jsonb_build_object('total', a.expected + a.exempt, 'exempt', a.exempt, 'expected', a.expected, 'present', a.present,
              'late', a.late, 'excused', a.excused, 'absent', a.absent, 'madeUp', 0),
            'reached', jsonb_build_object('youth', s.reached_youth, 'association', s.reached_association, 'public', s.reached_public),
            'rates', jsonb_build_object(
              'attended', (a.present + a.late)::numeric / NULLIF(a.expected, 0), 'present', a.present::numeric / NULLIF(a.expected, 0),
              'late', a.late::numeric / NULLIF(a.expected, 0), 'excused', a.excused::numeric / NULLIF(a.expected, 0),
              'absent', a.absent::numeric / NULLIF(a.expected, 0), 'studied', (a.present + a.late)::numeric / NULLIF(a.expected, 0))),
          'in-person', s.reporter, s.held_on + 1, (${pick(sql`s.id::text || ':no'`, 90)} + 1)::text,
          'Chi bộ đã tổ chức học tập, quán triệt nghị quyết; đảng viên tham gia đầy đủ, nghiêm túc.',
          ${variant('scores', 'jsonb')}, ${variant('total', 'numeric')}, ${variant('band', 'text')},
          CASE WHEN x.status <> 'draft' THEN x.sent END, CASE WHEN x.status <> 'draft' THEN x.sent END,
          CASE WHEN x.status = 'accepted' THEN x.sent + INTERVAL '1 day' END,
          CASE x.status WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 ELSE 3 END, s.held_on + TIME '21:00' - INTERVAL '7 hours', now()
        FROM study_sessions s
        JOIN rubrics rb ON rb.tenant_id = s.tenant_id AND rb.version = 1
        CROSS JOIN LATERAL (SELECT ${status} AS status, s.held_on + TIME '08:00' - INTERVAL '7 hours' + (${pick(sql`s.id::text || ':d'`, 16)} || ' days')::interval AS sent) x
        CROSS JOIN LATERAL (SELECT ${v} AS n) v
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE NOT m.exempt)::int AS expected, count(*) FILTER (WHERE m.exempt)::int AS exempt,
            count(*) FILTER (WHERE sa.status = 'present')::int AS present, count(*) FILTER (WHERE sa.status = 'late')::int AS late,
            count(*) FILTER (WHERE sa.status = 'excused')::int AS excused, count(*) FILTER (WHERE sa.status = 'absent')::int AS absent
          FROM members m LEFT JOIN session_attendance sa ON sa.tenant_id = m.tenant_id AND sa.session_id = s.id AND sa.member_id = m.id
          WHERE m.tenant_id = s.tenant_id AND m.cell_id = s.unit_id) a
        WHERE s.tenant_id = ANY(${uuids(communeIds)}) AND s.plan_id = ANY(${uuids(ids)}) AND s.held_on IS NOT NULL AND x.status IS NOT NULL`));
    }
  });

  // 7. What the real code keeps: every plan's aggregate (refreshPlanFigures); the older plans' consolidated reports
  //    submitted upward (sendUpwardReport), the last two expected by the province (expectUpwardReport).
  await timed('plan figures and reports upward (the services\' functions)', async () => {
    for (const c of communes) {
      await db.transaction(async (tx) => {
        const rows = await tx.select().from(plans).where(and(eq(plans.tenantId, c.id), inArray(plans.id, planIds.get(c.id)!)));
        const ordered = planIds.get(c.id)!.map((id) => rows.find((p) => p.id === id)!);
        for (const [k, plan] of ordered.entries()) {
          const consolidation = await refreshPlanFigures(tx, plan);
          if (k >= ordered.length - 2) {
            await expectUpwardReport(tx, plan);
            continue;
          }
          await submitUpward(tx, plan, consolidation, k);
        }
      });
    }
  });

  const counts: Record<string, number> = {};
  const countOf = async (table: string, name = table) => {
    const result = await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE tenant_id = ANY(${uuids([provinceId, ...communeIds])})`);
    counts[name] = Number((result as { rows: { n: number }[] }).rows[0]!.n);
  };
  for (const table of ['units', 'persons', 'members', 'membership_events', 'plans', 'study_sessions', 'session_attendance', 'cell_reports', 'plan_report_figures', 'consolidated_reports', 'upward_reports']) await countOf(table);
  return { provinceId, provincePath, communes, plans: planIds, steps, counts };
}

async function submitUpward(tx: Parameters<typeof refreshPlanFigures>[0], plan: Plan, consolidation: Awaited<ReturnType<typeof refreshPlanFigures>>, k: number) {
  const dueAt = consolidation.dueAt ?? new Date();
  // Most wards report on the day before the deadline; one in six a few days late.
  const late = (k + plan.tenantId.charCodeAt(0)) % 6 === 0;
  const submittedAt = new Date(dueAt.getTime() + (late ? 3 : -1) * 86_400_000);
  const issuedOn = todayInVietnam(submittedAt);
  const number = String(k + 1);
  await tx.insert(consolidatedReports).values({
    tenantId: plan.tenantId,
    planId: plan.id,
    status: 'submitted',
    number,
    issuedOn,
    difficulties: 'Một số đảng viên cao tuổi, sức khỏe yếu không tham gia đầy đủ.',
    proposals: 'Đề nghị cấp trên cung cấp thêm tài liệu hỏi đáp về nghị quyết.',
    figures: JSON.parse(JSON.stringify(consolidation)) as Record<string, unknown>,
    submittedAt,
    version: 2,
  });
  await sendUpwardReport(tx, plan, consolidation, { number: `${number}-BC/ĐU`, issuedOn, submittedAt, difficulties: '', proposals: '' });
}

/** Sessions held without a report yet (the last plans' campaigns), for the HTTP benchmark. */
export async function heldSessionsWithoutReport(db: DbOrTx, communeIds: string[], limit: number) {
  const rows = await db.execute(sql`
    SELECT s.id, s.tenant_id AS "tenantId", s.unit_id AS "unitId", s.plan_id AS "planId" FROM study_sessions s
    WHERE s.tenant_id = ANY(${uuids(communeIds)}) AND s.held_on IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM cell_reports r WHERE r.tenant_id = s.tenant_id AND r.session_id = s.id)
    ORDER BY s.tenant_id, s.id LIMIT ${limit}`);
  return (rows as { rows: { id: string; tenantId: string; unitId: string; planId: string }[] }).rows;
}

