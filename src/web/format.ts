// How dates and missing values read on screen, the same on every page: dates as offices write them
// (dd/mm/yyyy), times before the day ("08:30 15/05/2026"), a dash for what is not filled in; and
// the one reading of a typed date, with the Vietnamese reason when it is wrong.
import { formatDayFirst, parseDayFirstDate } from '../domain/dates';
import { vi } from './i18n/vi';

/** "2026-05-12" → "12/05/2026"; nothing → "—". */
export const formatDate = (iso: string | null | undefined) => (iso ? formatDayFirst(iso) : vi.common.none);

/** A moment in the user's time zone: "08:30 12/05/2026"; nothing → "—". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return vi.common.none;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export const orNone = (value: string | null | undefined) => (value && value.trim() ? value : vi.common.none);

/** A stored date as a form field shows it: "2026-05-12" → "12/05/2026"; nothing → "". */
export const dateInput = (iso: string | null | undefined) => (iso ? formatDayFirst(iso) : '');

/** What the user typed in a date field: "12/5/2026" → "2026-05-12"; empty → null; otherwise why it is wrong. */
export function readDate(text: string): { ok: true; iso: string | null } | { ok: false; message: string } {
  const value = text.trim();
  if (!value) return { ok: true, iso: null };
  const parsed = parseDayFirstDate(value);
  if (parsed.ok) return { ok: true, iso: parsed.iso };
  return { ok: false, message: parsed.reason === 'impossible' ? vi.common.dateImpossible : vi.common.dateInvalid };
}

/** Field errors from a 400 "validation" answer: [{ path: "/number", message }] → { number: message }. */
export function fieldErrorsOf(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(details)) return out;
  for (const item of details as { path?: unknown; message?: unknown }[]) {
    if (typeof item?.path !== 'string' || typeof item.message !== 'string') continue;
    const field = item.path.replace(/^\//u, '').split('/')[0];
    if (field && !(field in out)) out[field] = item.message;
  }
  return out;
}
