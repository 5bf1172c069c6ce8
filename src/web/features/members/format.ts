// How member data reads on screen: dates as offices write them (dd/mm/yyyy), genders in words.
import { formatDayFirst, parseDayFirstDate } from '../../../domain/dates';
import { vi } from '../../i18n/vi';

export const formatDate = (iso: string | null | undefined) => (iso ? formatDayFirst(iso) : vi.common.none);

export const genderLabel = (gender: string) => vi.gender[gender] ?? gender;

export const orNone = (value: string | null | undefined) => (value && value.trim() ? value : vi.common.none);

/** "05/09/1975" → "1975-09-05"; empty → null; otherwise the Vietnamese reason it is wrong. */
export function readDateInput(text: string): { ok: true; iso: string | null } | { ok: false; message: string } {
  const value = text.trim();
  if (!value) return { ok: true, iso: null };
  const parsed = parseDayFirstDate(value);
  if (parsed.ok) return { ok: true, iso: parsed.iso };
  return { ok: false, message: parsed.reason === 'impossible' ? vi.member.dateImpossible : vi.member.dateInvalid };
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
