// The demo's cell reports on plan 1-KH/ĐU (due "trước ngày 05/6/2026"), each step at its moment of
// the campaign: accepted and re-scored after an inspection, submitted on time, returned with a
// comment, submitted late, a draft; the other cells' reports are missing. Chi bộ Tràng Đà 1 (the
// "bithu" account) has none: its secretary's story starts there.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { atMoment } from '../clock';
import { units } from '../features/units/tables';
import { studySessions } from '../features/study-sessions/tables';
import { acceptReport, recordInspection, rescoreReport, returnReport, submitReport } from '../features/reports/service';
import { createReport } from '../features/reports/create';
import { ensureCurrentRubric } from '../features/reports/rubric';
import { rubricItems, type Score } from '../../domain/rubrics';

type Step = 'draft' | 'submitted' | 'returned' | 'accepted';
interface DemoReport {
  cell: string;
  /** Points below each item's maximum, item by item in order (cycled). */
  short: number[];
  submittedAt?: string;
  state: Step;
}

const demoReports: DemoReport[] = [
  { cell: 'Chi bộ Tràng Đà 2', short: [0, 1, 0, 2, 1], submittedAt: '2026-05-28T20:00:00+07:00', state: 'accepted' },
  { cell: 'Chi bộ Tràng Đà 3', short: [0, 0, 1], submittedAt: '2026-06-02T09:00:00+07:00', state: 'submitted' },
  { cell: 'Chi bộ các cơ quan Đảng', short: [2, 3, 1], submittedAt: '2026-06-03T15:00:00+07:00', state: 'returned' },
  { cell: 'Chi bộ Công an phường', short: [1, 2, 4, 3], submittedAt: '2026-06-06T10:00:00+07:00', state: 'submitted' },
  { cell: 'Chi bộ Trường THCS Nông Tiến', short: [1], state: 'draft' },
];

async function sessionOf(db: Db, planId: string, cellName: string) {
  const [row] = await db
    .select({ id: studySessions.id, tenantId: studySessions.tenantId })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(and(eq(studySessions.planId, planId), eq(units.name, cellName), eq(studySessions.kind, 'regular')));
  return row!;
}

export async function seedDemoReports(db: Db, staff: Actor, planId: string): Promise<void> {
  for (const r of demoReports) {
    const session = await sessionOf(db, planId, r.cell);
    const day = (r.submittedAt ?? '2026-06-04T08:00:00+07:00').slice(0, 10);
    const rubric = await atMoment(`${day}T07:00:00+07:00`, () => db.transaction((tx) => ensureCurrentRubric(tx, session.tenantId)));
    const scores: Score[] = rubricItems(rubric).map((item, i) => ({ itemId: item.id, points: Math.max(0, item.maxPoints - r.short[i % r.short.length]!) }));
    let report = await atMoment(`${day}T07:00:00+07:00`, () =>
      createReport(db, staff, session.id, {
        scores,
        reportDate: day,
        summary: 'Đảng viên thảo luận sôi nổi về các nội dung cốt lõi của Nghị quyết, liên hệ với nhiệm vụ của chi bộ và địa bàn.',
        opinions: 'Đề nghị tăng cường tuyên truyền đến Nhân dân qua hệ thống loa truyền thanh.',
      }),
    );
    if (r.state === 'draft' || !r.submittedAt) continue;
    report = await atMoment(r.submittedAt, () => submitReport(db, staff, report.id, { version: report.version }));
    const reviewed = new Date(new Date(r.submittedAt).getTime() + 24 * 3_600_000).toISOString();
    if (r.state === 'returned') {
      await atMoment(reviewed, () => returnReport(db, staff, report.id, { version: report.version, comment: 'Đề nghị bổ sung số đảng viên vắng và lý do vắng, ý kiến đề xuất của đảng viên.' }));
    }
    if (r.state === 'accepted') {
      await atMoment(reviewed, () =>
        recordInspection(db, staff, session.id, {
          inspectedOn: '2026-05-20',
          inspectors: 'Ban xây dựng Đảng Đảng ủy phường',
          findings: 'Chi bộ tổ chức nghiêm túc, đúng thành phần; thông báo lịch học tập muộn.',
          adjustments: [{ itemId: scores[0]!.itemId, points: scores[0]!.points - 2, reason: 'Thông báo lịch muộn' }],
        }),
      );
      report = await atMoment(reviewed, () => acceptReport(db, staff, report.id, { version: report.version }));
      const ward = scores.map((s, i) => (i === 0 ? { ...s, points: s.points - 2 } : s));
      await atMoment(reviewed, () => rescoreReport(db, staff, report.id, { version: report.version, scores: ward, comment: 'Điều chỉnh theo kết quả kiểm tra.' }));
    }
  }
}
