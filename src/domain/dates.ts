// Calendar dates as ISO strings ("2026-05-12"), checked for existence: 31/4 or 29/02 of a common
// year are errors, never silently rolled over to the next month.

import { lazy } from './lazy';

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses YYYY-MM-DD and rejects dates that do not exist (31/02, 29/02 of a common year). */
export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date.trim());
  if (!m) throw new RangeError(`Ngày không hợp lệ: "${date}" (cần dạng YYYY-MM-DD)`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(year, month, day)) throw new RangeError(`Ngày không tồn tại: ${date}`);
  return { year, month, day };
}

export function isValidIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export type DateParse = { ok: true; iso: string } | { ok: false; reason: 'format' | 'impossible' };

/** Reads "12/5/2026", "12-05-2026", "12.5.2026" (day first) or ISO "2026-05-12". */
export function parseDayFirstDate(text: string): DateParse {
  const value = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(value);
  let parts: [number, number, number] | null = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : null;
  if (!parts) {
    m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
    if (m) parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  if (!parts) return { ok: false, reason: 'format' };
  const [y, mo, d] = parts;
  return isValidYmd(y, mo, d) ? { ok: true, iso: toIso(y, mo, d) } : { ok: false, reason: 'impossible' };
}

/** "2026-05-12" → "12/05/2026", the way offices write dates in lists. */
export function formatDayFirst(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The zone of every "today" and due moment, whatever zone the server runs in. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Made on first use (./lazy): the time zone's data is loaded then, not while the web app opens (decision 039).
const vietnamDay = lazy(() => new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }));

/** Today's date in Vietnam as "2026-05-12": at 00:30 in Hà Nội it is already the new day. */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDay().format(now);
}

/** "2026-05-12" plus whole years, 29/02 landing on 28/02 in a common year. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return toIso(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}
