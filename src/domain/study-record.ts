// A member's study of one plan, as the yearly record shows it: the attendance that counts out of every
// mark they got (their cell's session, the ward conference's roll call, make-up sessions), and the
// reflection's deadline. Pure rules: the service gathers the marks.
import type { AttendanceStatus } from './attendance';
import type { Due } from './plan-import/types';
import { sessionWindow } from './session-window';

export const studyAttendances = ['present', 'late', 'made-up', 'excused', 'absent'] as const;
export type StudyAttendance = (typeof studyAttendances)[number];

export const studyAttendanceNames: Record<StudyAttendance, string> = {
  present: 'Có mặt',
  late: 'Đến muộn',
  'made-up': 'Đã học bù',
  excused: 'Vắng có lý do',
  absent: 'Vắng không lý do',
};

/** Where a mark comes from: the regular session (or the conference the cell studied at), or a make-up. */
export interface StudyMark {
  source: 'session' | 'conference' | 'make-up';
  status: AttendanceStatus;
}

/**
 * The attendance that counts: present (or late) at the session or the conference; else made up when a
 * make-up session was attended; else excused or absent as marked; null when nothing is marked yet.
 */
export function studyAttendance(marks: readonly StudyMark[]): StudyAttendance | null {
  const regular = marks.filter((m) => m.source !== 'make-up').map((m) => m.status);
  if (regular.includes('present')) return 'present';
  if (regular.includes('late')) return 'late';
  if (marks.some((m) => m.source === 'make-up' && (m.status === 'present' || m.status === 'late'))) return 'made-up';
  if (regular.includes('excused')) return 'excused';
  if (regular.includes('absent')) return 'absent';
  const makeUp = marks.filter((m) => m.source === 'make-up').map((m) => m.status);
  if (makeUp.includes('excused')) return 'excused';
  if (makeUp.includes('absent')) return 'absent';
  return null;
}

/** The last day a reflection is on time: the ward's own date, else the plan's grassroots deadline (none: never late). */
export function reflectionDeadline(setOn: string | null, grassroots: Due | null, issuedOn: string | null): string | null {
  if (setOn) return setOn;
  if (!issuedOn) return null;
  return sessionWindow(grassroots, issuedOn).to;
}

/** Written on `day` (Vietnamese calendar): late when after the deadline. */
export const isLate = (day: string, deadline: string | null) => deadline !== null && day > deadline;

/** Totals of a year's attendance, for the record's summary line and the spreadsheet. */
export function countStudyAttendance(list: readonly (StudyAttendance | null)[]) {
  const counts: Record<StudyAttendance | 'unmarked', number> = { present: 0, late: 0, 'made-up': 0, excused: 0, absent: 0, unmarked: 0 };
  for (const a of list) counts[a ?? 'unmarked'] += 1;
  return counts;
}
