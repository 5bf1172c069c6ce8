// When a deadline falls due, as an instant, computed in Asia/Ho_Chi_Minh whatever the server's zone
// (Vietnam keeps UTC+7 all year, with no daylight saving). One rule for sessions, tasks and reports:
// "trước ngày D" is due at the start of D; "ngày D" at its end; a month, quarter, year or range at
// the end of its last day; "sau khi …" when the event is recorded; "thường xuyên" never.
import type { Due } from './plan-import/types';
import { parseIsoDate } from './dates';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a Vietnamese calendar day begins (00:00 in Hà Nội). */
export function startOfVietnamDay(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day) - VIETNAM_OFFSET_MS);
}

/** The instant a Vietnamese calendar day ends, which is the start of the next day. */
export function endOfVietnamDay(iso: string): Date {
  return new Date(startOfVietnamDay(iso).getTime() + DAY_MS);
}

/**
 * The moment `due` falls due, or null when it never does (ongoing) or not yet (an event that has
 * not been recorded: pass `eventRecordedAt` once it is).
 */
export function dueMoment(due: Due, eventRecordedAt?: Date | null): Date | null {
  switch (due.kind) {
    case 'before':
      return startOfVietnamDay(due.date);
    case 'on':
      return endOfVietnamDay(due.date);
    case 'within-month':
    case 'within-quarter':
    case 'within-year':
    case 'range':
      return endOfVietnamDay(due.to);
    case 'after-event':
      return eventRecordedAt ?? null;
    case 'ongoing':
      return null;
  }
}

/** Overdue is computed, never stored: not done and the due moment has passed. */
export function isOverdue(due: Due | null, done: boolean, now: Date, eventRecordedAt?: Date | null): boolean {
  if (done || !due) return false;
  const moment = dueMoment(due, eventRecordedAt);
  return moment !== null && now.getTime() >= moment.getTime();
}
