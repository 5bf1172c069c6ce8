// The state of a cell's study session at a glance (PRODUCT.md §7 "buổi học tập"). Overdue is
// computed from the deadline at the moment of asking, never stored, so a session scheduled in time
// turns overdue by itself when its deadline passes unheld.
import type { Due } from './plan-import/types';
import { isOverdue } from './due-moment';

export type StudySessionStatus = 'not-scheduled' | 'scheduled' | 'held' | 'overdue' | 'at-conference';

export const studySessionStatusNames: Record<StudySessionStatus, string> = {
  'not-scheduled': 'Chưa lên lịch',
  scheduled: 'Đã lên lịch',
  held: 'Đã tổ chức',
  overdue: 'Quá hạn',
  'at-conference': 'Học tập tại hội nghị cấp phường',
};

export interface StudySessionState {
  scheduledAt: Date | null;
  heldOn: string | null;
  /** Every member summoned to the ward conference: the cell takes its attendance from it. */
  atConference: boolean;
  deadline: Due | null;
}

export function studySessionStatus(session: StudySessionState, now: Date): StudySessionStatus {
  if (session.heldOn) return 'held';
  if (session.atConference) return 'at-conference';
  if (isOverdue(session.deadline, false, now)) return 'overdue';
  return session.scheduledAt ? 'scheduled' : 'not-scheduled';
}

/** Counts by status for the ward's overview, every status present (zeros included). */
export function countByStatus(statuses: readonly StudySessionStatus[]): Record<StudySessionStatus, number> {
  const counts: Record<StudySessionStatus, number> = { 'not-scheduled': 0, scheduled: 0, held: 0, overdue: 0, 'at-conference': 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}
