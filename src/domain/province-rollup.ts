// The province's roll-up of its communes' consolidated reports on one resolution: which communes
// reported and on time (against each commune's own plan deadline), and the sums of their cells' and
// members' figures. Pure: the province service reads the rows of its own shard, these rules add them.
import { rate } from './report-figures';

/** One commune's report on a resolution, as the province holds it. Figures only when submitted. */
export interface CommuneReportRow {
  status: 'pending' | 'submitted' | 'reopened';
  onTime: boolean | null;
  cellsExpected: number;
  cellsSubmitted: number;
  cellsOnTime: number;
  cellsMissing: number;
  membersExpected: number;
  membersPresent: number;
  membersLate: number;
  membersExcused: number;
  membersAbsent: number;
  membersMadeUp: number;
  ratings: Record<string, number>;
}

export interface ProvinceRollup {
  /** Communes that issued a plan for the resolution (each owes the province a report). */
  communes: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  completeness: number | null;
  timeliness: number | null;
  cells: { expected: number; submitted: number; onTime: number; missing: number; completeness: number | null; timeliness: number | null };
  members: { expected: number; present: number; late: number; excused: number; absent: number; madeUp: number; studied: number | null };
  ratings: Record<string, number>;
}

/** Sums over the submitted reports only: a pending or reopened commune counts as missing, its figures unseen. */
export function rollUp(rows: readonly CommuneReportRow[]): ProvinceRollup {
  const sent = rows.filter((r) => r.status === 'submitted');
  const onTime = sent.filter((r) => r.onTime !== false).length;
  const cells = { expected: 0, submitted: 0, onTime: 0, missing: 0 };
  const members = { expected: 0, present: 0, late: 0, excused: 0, absent: 0, madeUp: 0 };
  const ratings: Record<string, number> = {};
  for (const r of sent) {
    cells.expected += r.cellsExpected;
    cells.submitted += r.cellsSubmitted;
    cells.onTime += r.cellsOnTime;
    cells.missing += r.cellsMissing;
    members.expected += r.membersExpected;
    members.present += r.membersPresent;
    members.late += r.membersLate;
    members.excused += r.membersExcused;
    members.absent += r.membersAbsent;
    members.madeUp += r.membersMadeUp;
    for (const [band, n] of Object.entries(r.ratings)) ratings[band] = (ratings[band] ?? 0) + n;
  }
  return {
    communes: rows.length,
    submitted: sent.length,
    onTime,
    late: sent.length - onTime,
    missing: rows.length - sent.length,
    completeness: rate(sent.length, rows.length),
    timeliness: rate(onTime, rows.length),
    cells: { ...cells, completeness: rate(cells.submitted, cells.expected), timeliness: rate(cells.onTime, cells.expected) },
    members: { ...members, studied: rate(members.present + members.late + members.madeUp, members.expected) },
    ratings,
  };
}
