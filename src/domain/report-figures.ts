// A cell's report in figures, its states, its timeliness against the plan's own deadline, and the
// ward's consolidation of a plan's reports. Pure: the service reads rows, these rules count them.
import type { AttendanceCounts } from './attendance';
import type { Due, ImportedTask } from './plan-import/types';
import { dueMoment } from './due-moment';
import { lazy } from './lazy';

export const reportStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportStatusNames: Record<ReportStatus, string> = {
  draft: 'Bản nháp',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
};

export type ReportAction = 'edit' | 'submit' | 'return' | 'accept' | 'rescore';

/** Which action each state allows: the cell edits a draft or a returned report; the ward reviews a submitted one; re-scores an accepted or submitted one. */
const allowed: Record<ReportStatus, readonly ReportAction[]> = {
  draft: ['edit', 'submit'],
  returned: ['edit', 'submit'],
  submitted: ['return', 'accept', 'rescore'],
  accepted: ['rescore'],
};

export const canTransition = (status: ReportStatus, action: ReportAction): boolean => allowed[status].includes(action);

export const statusAfter: Record<'submit' | 'return' | 'accept', ReportStatus> = { submit: 'submitted', return: 'returned', accept: 'accepted' };

/** part / whole as a fraction 0-1 (never above 1), null when the whole is 0. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.min(1, Math.max(0, part / whole));
}

/** The members' figures a report carries: the session's attendance and the make-ups done. */
export interface MemberFigures {
  total: number;
  exempt: number;
  expected: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  madeUp: number;
}

export interface ReachedFigures {
  youth: number;
  association: number;
  public: number;
}

export interface ReportFigures {
  members: MemberFigures;
  reached: ReachedFigures;
  /** Fractions 0-1 over the expected members, null when none is expected. */
  rates: { attended: number | null; present: number | null; late: number | null; excused: number | null; absent: number | null; studied: number | null };
}

/** From the session's counts: attended = present + late; studied = attended + made up. */
export function reportFigures(counts: Pick<AttendanceCounts, 'total' | 'exempt' | 'expected' | 'present' | 'late' | 'excused' | 'absent'>, madeUp: number, reached: ReachedFigures): ReportFigures {
  const m: MemberFigures = { total: counts.total, exempt: counts.exempt, expected: counts.expected, present: counts.present, late: counts.late, excused: counts.excused, absent: counts.absent, madeUp };
  return {
    members: m,
    reached,
    rates: {
      attended: rate(m.present + m.late, m.expected),
      present: rate(m.present, m.expected),
      late: rate(m.late, m.expected),
      excused: rate(m.excused, m.expected),
      absent: rate(m.absent, m.expected),
      studied: rate(m.present + m.late + m.madeUp, m.expected),
    },
  };
}

// Built once: a formatter costs far more to make than to use (a report formats hundreds of figures).
// Made on first use (./lazy): the web app loads this module with every signed-in page (decision 039).
const RATE = lazy(() => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
const COUNT = lazy(() => new Intl.NumberFormat('vi-VN'));

/** "95,7 %" from 0.957; "—" when there is no rate (a zero denominator), never NaN. */
export function formatRate(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '—';
  return `${RATE().format(Math.round(fraction * 1000) / 10)} %`;
}

/** "1.112" */
export function formatCount(n: number): string {
  return COUNT().format(n);
}

const reportTask = /tổng hợp[^.]*báo cáo|báo cáo kết quả/iu;

/**
 * The plan's own deadline for the cells' reports: its task "Tổng hợp, báo cáo kết quả … trước ngày
 * 05/6/2026" (the first task about reporting results that carries a deadline); null when it has none.
 */
export function reportDeadline(tasks: readonly Pick<ImportedTask, 'text' | 'due'>[]): Due | null {
  const found = tasks.find((t) => t.due && t.due.kind !== 'ongoing' && t.due.kind !== 'after-event' && reportTask.test(t.text));
  return found?.due ?? null;
}

/** The instant the reports fall due, or null (no deadline: every report counts as on time). */
export const reportDueAt = (tasks: readonly Pick<ImportedTask, 'text' | 'due'>[]): Date | null => {
  const due = reportDeadline(tasks);
  return due ? dueMoment(due) : null;
};

/** On time: first submitted before the deadline. A report returned and resubmitted keeps its first submission. */
export function isOnTime(firstSubmittedAt: Date | null, dueAt: Date | null): boolean | null {
  if (!firstSubmittedAt) return null;
  return dueAt === null || firstSubmittedAt.getTime() < dueAt.getTime();
}

/** One cell expected to report on a plan, as the consolidation reads it. */
export interface CellRow {
  unitId: string;
  unitName: string;
  reportId?: string | null;
  /** The cell's study session of the plan (its report's address). */
  sessionId?: string | null;
  /** The unit's opening and closing days (null: open since before / still open). */
  openedOn: string | null;
  closedOn: string | null;
  status: ReportStatus | null;
  firstSubmittedAt: Date | null;
  total: number | null;
  rating: string | null;
  members: Pick<MemberFigures, 'expected' | 'present' | 'late' | 'excused' | 'absent' | 'madeUp'> | null;
}

/**
 * Whether a unit owes a report of the campaign running from `from` to `to` (the plan's issue and its
 * report deadline): open on some day of it. A cell closed before the plan or opened after the
 * deadline owes none; one that reported anyway still counts, so no rate goes above 100 %.
 */
export function owesReport(row: Pick<CellRow, 'openedOn' | 'closedOn' | 'status'>, from: string, to: string | null): boolean {
  if (row.status !== null && row.status !== 'draft') return true;
  if (row.closedOn !== null && row.closedOn <= from) return false;
  if (to !== null && row.openedOn !== null && row.openedOn > to) return false;
  return true;
}

export interface Consolidation {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  completeness: number | null;
  timeliness: number | null;
  members: { expected: number; present: number; late: number; excused: number; absent: number; madeUp: number };
  ratings: Record<string, number>;
  cells: { unitId: string; unitName: string; reportId: string | null; sessionId: string | null; status: ReportStatus | 'missing'; submittedAt: string | null; onTime: boolean | null; total: number | null; rating: string | null }[];
}

/**
 * The plan's consolidation: a report counts as submitted once sent (submitted, accepted, or returned
 * after being sent); members' figures and ratings over accepted reports and those awaiting review.
 * `bandNames` lists every band so that a band no one earned shows 0.
 */
export function consolidate(rows: readonly CellRow[], campaign: { from: string; to: string | null; dueAt: Date | null }, bandNames: readonly string[]): Consolidation {
  const owing = rows.filter((r) => owesReport(r, campaign.from, campaign.to));
  const sent = owing.filter((r) => r.firstSubmittedAt !== null);
  const onTime = sent.filter((r) => isOnTime(r.firstSubmittedAt, campaign.dueAt)).length;
  const members = { expected: 0, present: 0, late: 0, excused: 0, absent: 0, madeUp: 0 };
  const ratings: Record<string, number> = Object.fromEntries(bandNames.map((b) => [b, 0]));
  for (const r of owing) {
    if (r.status !== 'submitted' && r.status !== 'accepted') continue;
    if (r.members) for (const k of Object.keys(members) as (keyof typeof members)[]) members[k] += r.members[k];
    if (r.rating) ratings[r.rating] = (ratings[r.rating] ?? 0) + 1;
  }
  return {
    expected: owing.length,
    submitted: sent.length,
    onTime,
    late: sent.length - onTime,
    missing: owing.length - sent.length,
    completeness: rate(sent.length, owing.length),
    timeliness: rate(onTime, owing.length),
    members,
    ratings,
    cells: owing.map((r) => ({
      unitId: r.unitId,
      unitName: r.unitName,
      reportId: r.reportId ?? null,
      sessionId: r.sessionId ?? null,
      status: r.status ?? 'missing',
      submittedAt: r.firstSubmittedAt?.toISOString() ?? null,
      onTime: isOnTime(r.firstSubmittedAt, campaign.dueAt),
      total: r.total,
      rating: r.rating,
    })),
  };
}
