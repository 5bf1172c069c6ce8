// Which reminders and escalation a task is owed now (issue 12): a pure rule over calendar days in
// Asia/Ho_Chi_Minh, whatever zone the server runs in.
//
// The task's last day is the Vietnamese day that ends at its due moment ("trước ngày 05/6" falls due at
// the start of 05/6, so its last day is 04/6; "ngày 05/6" falls due at the end of 05/6, its last day is
// 05/6). Days left = last day − today. Reminders, each a slot sent at most once (task_alerts):
//   before-N   for each offset N (default 7, 3, 1): from N days left until the next offset's day; a run
//              missed on the exact day still sends the stage it is in, with the real days left, and
//              never a stage already passed (a task created 2 days before its deadline gets "before-3"
//              saying "còn 2 ngày", never "before-7").
//   due-day    on the last day itself.
//   overdue-K  K = 3, 6, 9… (every `overdueEveryDays`) days after the last day, the latest stage only.
//   escalation once, from `escalationAfterDays` days overdue.
// A done task, and a task with no due moment ("thường xuyên"), are owed nothing.
import { todayInVietnam } from './dates';

export interface ReminderSettings {
  /** Days before the last day, e.g. [7, 3, 1]: distinct, positive. */
  beforeDays: readonly number[];
  /** While overdue, a reminder every this many days (0: none). */
  overdueEveryDays: number;
  /** Days overdue after which the unit above is told, once. */
  escalationAfterDays: number;
}

export const defaultReminderSettings: ReminderSettings = { beforeDays: [7, 3, 1], overdueEveryDays: 3, escalationAfterDays: 3 };

export type AlertKind = 'reminder' | 'escalation';

export interface DueAlert {
  /** "before-7", "before-3", "before-1", "due-day", "overdue-3", "overdue-6"…, "escalation". */
  slot: string;
  kind: AlertKind;
  /** Days left (before, due-day: 0) or days overdue (overdue, escalation), as of today. */
  days: number;
}

export interface TaskForReminders {
  dueAt: Date | null;
  status: 'not-started' | 'in-progress' | 'done';
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from one ISO calendar date to another (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The Vietnamese calendar day a task must be done by: the day that ends at (or contains) its due moment. */
export function lastDayOf(dueAt: Date): string {
  return todayInVietnam(new Date(dueAt.getTime() - 1));
}

/** The alerts owed now; the caller records each slot once, so a second run the same day sends nothing. */
export function alertsDue(task: TaskForReminders, now: Date, settings: ReminderSettings = defaultReminderSettings): DueAlert[] {
  if (task.status === 'done' || !task.dueAt) return [];
  const left = daysBetween(todayInVietnam(now), lastDayOf(task.dueAt));
  if (left > 0) {
    // The stage we are in: the smallest offset that is at least the days left.
    const stage = [...new Set(settings.beforeDays)].filter((n) => n > 0 && n >= left).sort((a, b) => a - b)[0];
    return stage === undefined ? [] : [{ slot: `before-${stage}`, kind: 'reminder', days: left }];
  }
  if (left === 0) return [{ slot: 'due-day', kind: 'reminder', days: 0 }];
  const overdue = -left;
  const alerts: DueAlert[] = [];
  if (settings.overdueEveryDays > 0 && overdue >= settings.overdueEveryDays) {
    const stage = Math.floor(overdue / settings.overdueEveryDays) * settings.overdueEveryDays;
    alerts.push({ slot: `overdue-${stage}`, kind: 'reminder', days: overdue });
  }
  if (overdue >= settings.escalationAfterDays) alerts.push({ slot: 'escalation', kind: 'escalation', days: overdue });
  return alerts;
}

/** The earliest due moment a task can have and still be owed a reminder or escalation now (the scan's bound). */
export function latestDueAtToScan(now: Date, settings: ReminderSettings = defaultReminderSettings): Date {
  const furthest = Math.max(0, ...settings.beforeDays);
  // Last day ≤ today + furthest, so the due moment is before the end of that day (+1 day of slack for the zone).
  return new Date(now.getTime() + (furthest + 2) * DAY_MS);
}

/** The title of a reminder or escalation, in the words the office uses. */
export function alertTitle(alert: DueAlert, task: { text: string; unitName: string; dueDay: string }): string {
  const short = task.text.length > 120 ? `${task.text.slice(0, 119)}…` : task.text;
  if (alert.kind === 'escalation') return `Báo cáo: ${task.unitName} chưa hoàn thành nhiệm vụ quá hạn ${alert.days} ngày`;
  if (alert.slot === 'due-day') return `Nhắc việc: hôm nay là hạn cuối — ${short}`;
  if (alert.slot.startsWith('overdue-')) return `Quá hạn ${alert.days} ngày: ${short}`;
  return `Nhắc việc: còn ${alert.days} ngày — ${short}`;
}

/** The body: the task, its unit, its last day. */
export function alertBody(alert: DueAlert, task: { text: string; unitName: string; dueDay: string; planTitle: string }): string {
  const [y, m, d] = task.dueDay.split('-');
  const day = `${d}/${m}/${y}`;
  const lines = [`Nhiệm vụ: ${task.text}`, `Đơn vị thực hiện: ${task.unitName}`, `Hạn: ${day}`, `Kế hoạch: ${task.planTitle}`];
  if (alert.kind === 'escalation') lines.unshift(`${task.unitName} chưa hoàn thành nhiệm vụ đã quá hạn ${alert.days} ngày (hạn ${day}).`);
  return lines.join('\n');
}
