// The ward loudspeaker's recurring broadcasts ("mỗi tuần 02 lần, thứ Hai và thứ Năm, 6h30, từ 20/5 đến
// 30/6/2026") as an RFC 5545 RRULE, with their occurrences produced by the rrule library.
//
// rrule computes in "floating" time: the Date objects it takes and returns carry the wall-clock time in
// their UTC fields. Here those fields are always the wall clock in Asia/Ho_Chi_Minh, and the instant of
// an occurrence is computed explicitly (Việt Nam keeps UTC+7 all year), so the result is the same
// whatever the server's zone.
import * as rruleModule from 'rrule';
import type { Weekday } from 'rrule';

// rrule ships an ES module (what Vite and Vitest load) and a UMD build (what Node's ESM loader picks
// from its "main", with the exports on the default object only): take them from wherever they are.
const lib = ((rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;
const { RRule, rrulestr } = lib;
type RRule = rruleModule.RRule;

export const VIETNAM_OFFSET_MINUTES = 7 * 60;
export const TZID = 'Asia/Ho_Chi_Minh';

export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];
export const weekdayNames: Record<WeekdayCode, string> = {
  MO: 'thứ Hai',
  TU: 'thứ Ba',
  WE: 'thứ Tư',
  TH: 'thứ Năm',
  FR: 'thứ Sáu',
  SA: 'thứ Bảy',
  SU: 'Chủ nhật',
};
const rruleDays: Record<WeekdayCode, Weekday> = { MO: RRule.MO, TU: RRule.TU, WE: RRule.WE, TH: RRule.TH, FR: RRule.FR, SA: RRule.SA, SU: RRule.SU };

export interface WeeklyBroadcast {
  /** First and last calendar day (YYYY-MM-DD, Vietnam), both included. */
  from: string;
  to: string;
  weekdays: WeekdayCode[];
  /** Wall-clock time in Vietnam, "HH:MM". */
  time: string;
}

export type ScheduleProblem = 'time' | 'dates' | 'order' | 'weekdays' | 'too-long';

const parseDay = (day: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === day ? d : null;
};
const parseTime = (time: string) => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? { hour: +m[1]!, minute: +m[2]! } : null;
};

/** What is wrong with a schedule, or null. */
export function checkSchedule(s: WeeklyBroadcast): ScheduleProblem | null {
  if (!parseTime(s.time)) return 'time';
  const from = parseDay(s.from);
  const to = parseDay(s.to);
  if (!from || !to) return 'dates';
  if (to < from) return 'order';
  if (s.weekdays.length === 0 || s.weekdays.some((d) => !weekdayCodes.includes(d))) return 'weekdays';
  // Less than a year: the last day comes before the same day a year later.
  const yearLater = new Date(Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth(), from.getUTCDate()));
  if (to >= yearLater) return 'too-long';
  return null;
}

/**
 * The schedule as RFC 5545 text: DTSTART in Asia/Ho_Chi_Minh (local time, TZID) and a weekly RRULE
 * ending (UNTIL) at the last day's broadcast.
 */
export function scheduleRule(s: WeeklyBroadcast): string {
  const problem = checkSchedule(s);
  if (problem) throw new Error(`invalid schedule: ${problem}`);
  const { hour, minute } = parseTime(s.time)!;
  const start = parseDay(s.from)!;
  const end = parseDay(s.to)!;
  const order = weekdayCodes.filter((d) => s.weekdays.includes(d));
  const rule = new RRule({
    freq: RRule.WEEKLY,
    byweekday: order.map((d) => rruleDays[d]),
    dtstart: new Date(start.getTime() + (hour * 60 + minute) * 60_000),
    until: new Date(end.getTime() + (hour * 60 + minute) * 60_000),
    tzid: TZID,
  });
  return rule.toString();
}

export interface Occurrence {
  /** The Vietnamese calendar day of the broadcast. */
  on: string;
  /** Its instant (ISO, UTC). */
  at: string;
  /** Wall-clock time in Vietnam, "HH:MM". */
  time: string;
}

/** Every occurrence of a stored rule, in order. The rule's floating dates are Vietnamese wall-clock times. */
export function occurrencesOf(ruleText: string): Occurrence[] {
  const parsed = rrulestr(ruleText, { forceset: false }) as RRule;
  // Without its TZID the library works purely in floating time; the zone is applied below, by hand.
  const floating = new RRule({ ...parsed.origOptions, tzid: null });
  return floating.all((_, i) => i < 1000).map((d) => {
    const iso = d.toISOString();
    return {
      on: iso.slice(0, 10),
      time: iso.slice(11, 16),
      at: new Date(d.getTime() - VIETNAM_OFFSET_MINUTES * 60_000).toISOString(),
    };
  });
}

/** The weekly schedule a stored rule describes (for the form and the text). */
export function describeRule(ruleText: string): WeeklyBroadcast {
  const parsed = rrulestr(ruleText, { forceset: false }) as RRule;
  const o = parsed.origOptions;
  const start = o.dtstart!.toISOString();
  const days = (Array.isArray(o.byweekday) ? o.byweekday : [o.byweekday]).map((w) => weekdayCodes[(w as Weekday).weekday]!);
  return { from: start.slice(0, 10), to: o.until!.toISOString().slice(0, 10), weekdays: days, time: start.slice(11, 16) };
}

const dayMonthYear = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${+d!}/${+m!}/${y}`;
};

/** "Mỗi tuần 02 lần: thứ Hai và thứ Năm, 6h30, từ 20/5/2026 đến 30/6/2026". */
export function scheduleText(s: WeeklyBroadcast): string {
  const names = weekdayCodes.filter((d) => s.weekdays.includes(d)).map((d) => weekdayNames[d]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} và ${names.at(-1)}` : names[0]!;
  const [h, m] = s.time.split(':');
  const time = m === '00' ? `${+h!}h` : `${+h!}h${m}`;
  return `Mỗi tuần ${String(names.length).padStart(2, '0')} lần: ${list}, ${time}, từ ${dayMonthYear(s.from)} đến ${dayMonthYear(s.to)}`;
}
