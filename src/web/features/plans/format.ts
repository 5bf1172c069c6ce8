// How plan data reads on screen: statuses in words, dates as offices write them, deadlines as
// written and as normalised dates.
import type { Due } from '../../../domain/plan-import';
import { formatDayFirst } from '../../../domain/dates';
import { vi } from '../../i18n/vi';

export const statusLabel = (status: string) => vi.plans.status[status] ?? status;
export const statusColor = (status: string) => vi.plans.statusColor[status] ?? 'gray';

export const formatDay = (iso: string | null | undefined) => (iso ? formatDayFirst(iso) : vi.common.none);

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return vi.common.none;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())} ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** The normalised reading of a deadline: "Trước 05/06/2026", "01/05/2026 – 31/05/2026"… */
export function dueMeaning(due: Due): string {
  const d = vi.planImport.due;
  switch (due.kind) {
    case 'before':
      return d.before(formatDayFirst(due.date));
    case 'on':
      return d.on(formatDayFirst(due.date));
    case 'ongoing':
      return d.ongoing;
    case 'after-event':
      return d.afterEvent(due.event);
    default:
      return d.span(formatDayFirst(due.from), formatDayFirst(due.to));
  }
}

/** Today in the user's time zone, as ISO (for the issue date). */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
