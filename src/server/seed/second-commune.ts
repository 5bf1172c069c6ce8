// A second commune of the demo province, so that the province's page compares communes (issue 13,
// item 7): Đảng ủy phường Minh Xuân, four cells, its own ward staff account (`minhxuan`), the same
// resolution 91-NQ/TU and the real plan retargeted to it, issued on 15/05/2026 through the issuing
// flow (number, deliveries, sessions, the province's pending row); every cell held its session and
// reported, the ward accepted the reports and submitted its consolidated report upward on
// 03/06/2026, before the deadline ("Số 1-BC/ĐU", delivered to the province). Each step at its moment.
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { atMoment } from '../clock';
import { childPath } from '../../domain/org-tree';
import { toIso } from '../../domain/dates';
import { importPlan } from '../../domain/plan-import';
import { rubricItems, type Score } from '../../domain/rubrics';
import { roleGrants } from '../auth/tables';
import { hashPassword } from '../auth/passwords';
import { DEMO_PASSWORD } from './demo';
import { insertAccount } from '../auth/accounts';
import { findAccountByUsername } from '../auth/accounts';
import { loadActorForUser } from '../auth/service';
import { units } from '../features/units/tables';
import { plans } from '../features/plans/tables';
import { bodyFromImport } from '../features/plans/body';
import { issuePlan } from '../features/plans/workflow';
import { createResolution } from '../features/resolutions/service';
import { seedPositionKinds } from '../features/people/positions-service';
import { insertMembersWithPeople, type NewMemberRow } from '../features/people/member-rows';
import { studySessions } from '../features/study-sessions/tables';
import { markHeld, saveAttendance, updateSchedule } from '../features/study-sessions/service';
import { acceptReport, submitReport } from '../features/reports/service';
import { createReport } from '../features/reports/create';
import { ensureCurrentRubric } from '../features/reports/rubric';
import { saveConsolidatedReport, submitConsolidatedReport } from '../features/reports/consolidated-report';
import { recordAudit } from '../features/audit/service';
import { familyNames, givenNames, middleNames } from './names';
import { seededRandom } from './random';

const fixture = readFileSync(new URL('./data/ke-hoach-91-NQ-TU.md', import.meta.url), 'utf8');

export const SECOND_COMMUNE = 'Đảng ủy phường Minh Xuân';
const cells = [
  { name: 'Chi bộ Tổ dân phố 1 Minh Xuân', size: 14, heldOn: '2026-05-21', away: 1 },
  { name: 'Chi bộ Tổ dân phố 2 Minh Xuân', size: 12, heldOn: '2026-05-22', away: 2 },
  { name: 'Chi bộ Trường Tiểu học Minh Xuân', size: 10, heldOn: '2026-05-22', away: 0 },
  { name: 'Chi bộ Công an phường Minh Xuân', size: 9, heldOn: '2026-05-23', away: 1 },
];

/**
 * Adds the second commune to a seeded demo: part of the demo `serve --seed-demo` and `seed --demo`
 * make (decision 031), and `quantriet seed --province` for a demo seeded before. Returns false when
 * there is no demo province or the commune is already there.
 */
export async function seedSecondCommune(db: Db): Promise<boolean> {
  const [province] = await db.select().from(units).where(eq(units.kind, 'province'));
  if (!province) return false;
  const [existing] = await db.select({ id: units.id }).from(units).where(and(eq(units.kind, 'commune'), eq(units.name, SECOND_COMMUNE)));
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tenantId = crypto.randomUUID();
  await atMoment('2026-05-11T08:30:00+07:00', () =>
    db.transaction(async (tx) => {
      const commune = { id: tenantId, tenantId, parentId: province.id, kind: 'commune' as const, name: SECOND_COMMUNE, path: childPath(province.path, tenantId), sortOrder: 1, openedOn: '2025-07-01' };
      const cellRows = cells.map((c, i) => {
        const id = crypto.randomUUID();
        return { id, tenantId, parentId: tenantId, kind: 'cell' as const, name: c.name, path: childPath(commune.path, id), sortOrder: i, openedOn: '2025-07-01' };
      });
      await tx.insert(units).values([commune, ...cellRows]);
      await seedPositionKinds(tx, tenantId);
      const random = seededRandom(57_2026);
      const rows: NewMemberRow[] = [];
      let card = 2_040_000;
      cells.forEach((c, i) => {
        for (let n = 0; n < c.size; n++) {
          const gender = random.chance(0.5) ? ('female' as const) : ('male' as const);
          const y = random.int(1950, 1999);
          rows.push({
            id: crypto.randomUUID(),
            tenantId,
            cellId: cellRows[i]!.id,
            fullName: `${random.weighted(familyNames)} ${random.pick(middleNames[gender])} ${random.pick(givenNames[gender])}`,
            gender,
            birthDate: toIso(y, random.int(1, 12), random.int(1, 28)),
            joinedOn: toIso(Math.min(2024, y + 25), random.int(1, 12), random.int(1, 28)),
            officialOn: null,
            cardNumber: String(card++).padStart(8, '0'),
            phone: null,
            email: null,
            exempt: false,
          });
        }
      });
      await insertMembersWithPeople(tx, rows, { joinedOn: (r) => r.joinedOn! });
      const user = await insertAccount(tx, { username: 'minhxuan', passwordHash, displayName: 'Nguyễn Thị Lan', memberId: null, personId: null, tenantId });
      await tx.insert(roleGrants).values({ userId: user.id, role: 'wardStaff', unitId: tenantId, tenantId });
      await recordAudit(tx, { tenantId, actorId: null, action: 'seed.demo', entity: 'unit', entityId: tenantId });
    }),
  );
  const staff = await loadActorForUser(db, (await findAccountByUsername(db, 'minhxuan'))!);

  await atMoment('2026-05-13T09:00:00+07:00', () =>
    createResolution(db, staff, {
      kind: 'nghi-quyet',
      number: '91-NQ/TU',
      issuedOn: '2026-05-12',
      issuer: 'Ban Thường vụ Tỉnh ủy',
      subject: 'tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội đến năm 2030',
      content: '',
    }),
  );
  // The real plan retargeted to Minh Xuân, approved, then issued through the issuing flow.
  const source = fixture.replaceAll('Nông Tiến', 'Minh Xuân').replaceAll('NÔNG TIẾN', 'MINH XUÂN');
  const parsed = importPlan(source, {});
  const [plan] = await atMoment('2026-05-14T10:00:00+07:00', () =>
    db.insert(plans).values({ tenantId, issuerUnitId: tenantId, kind: 'propagation', status: 'approved', title: parsed.title ?? 'Kế hoạch học tập, quán triệt Nghị quyết số 91-NQ/TU', source, body: bodyFromImport(parsed), createdBy: staff.userId }).returning(),
  );
  await atMoment('2026-05-15T09:30:00+07:00', () => issuePlan(db, staff, plan!.id, plan!.version, '2026-05-15'));

  const sessions = await db
    .select({ id: studySessions.id, unitName: units.name })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(and(eq(studySessions.tenantId, tenantId), eq(studySessions.planId, plan!.id), eq(studySessions.kind, 'regular')));
  for (const c of cells) {
    const session = sessions.find((s) => s.unitName === c.name);
    if (!session) continue;
    let detail = await atMoment('2026-05-18T09:00:00+07:00', () =>
      updateSchedule(db, staff, session.id, { version: 1, scheduledAt: `${c.heldOn}T19:30:00+07:00`, place: 'Nhà văn hóa', reachedYouth: 2, reachedAssociation: 4, reachedPublic: 10 }),
    );
    const marks = detail.expected.map((p, i) => (i < c.away ? { memberId: p.memberId, status: 'excused' as const, reason: 'Đi công tác' } : { memberId: p.memberId, status: 'present' as const }));
    const moment = `${c.heldOn}T21:00:00+07:00`;
    detail = await atMoment(moment, () => saveAttendance(db, staff, session.id, { version: detail.version, marks }));
    await atMoment(moment, () => markHeld(db, staff, session.id, { version: detail.version, heldOn: c.heldOn }));
    const day = '2026-05-28';
    const rubric = await atMoment(`${day}T07:00:00+07:00`, () => db.transaction((tx) => ensureCurrentRubric(tx, tenantId)));
    const scores: Score[] = rubricItems(rubric).map((item, i) => ({ itemId: item.id, points: Math.max(0, item.maxPoints - ((i + c.away) % 3)) }));
    let report = await atMoment(`${day}T08:00:00+07:00`, () => createReport(db, staff, session.id, { scores, reportDate: day, summary: 'Đảng viên thảo luận, liên hệ với nhiệm vụ của chi bộ.' }));
    report = await atMoment(`${day}T08:30:00+07:00`, () => submitReport(db, staff, report.id, { version: report.version }));
    await atMoment('2026-05-29T09:00:00+07:00', () => acceptReport(db, staff, report.id, { version: report.version }));
  }
  const ward = await atMoment('2026-06-03T10:00:00+07:00', () =>
    saveConsolidatedReport(db, staff, plan!.id, { version: 0, difficulties: 'Một số đảng viên đi làm ăn xa, phải học bù.', proposals: 'Đề nghị Tỉnh ủy cấp thêm tài liệu hỏi - đáp về Nghị quyết.' }),
  );
  await atMoment('2026-06-03T16:00:00+07:00', () => submitConsolidatedReport(db, staff, plan!.id, { version: ward.version }));
  return true;
}
