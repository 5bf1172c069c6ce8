// How plan data reads on screen: statuses in words, numbers, deadlines as written and as
// normalised dates (dates and times: see ../../format.ts).
import type { Due } from '../../../domain/plan-import';
import { formatDayFirst } from '../../../domain/dates';
import { vi } from '../../i18n/vi';

export const statusLabel = (status: string) => vi.plans.status[status] ?? status;
export const statusColor = (status: string) => vi.plans.statusColor[status] ?? 'gray';
export const kindLabel = (kind: string) => vi.plans.kind[kind] ?? kind;
/** The kinds of plan, as the choices of a select. */
export const kindOptions = Object.entries(vi.plans.kind).map(([value, label]) => ({ value, label }));

/** "Số 2-KH/ĐU", or "Chưa cấp số" before the plan is issued. */
export const planNumber = (p: { number: number | null; symbol: string }) => (p.number === null ? vi.plans.unnumbered : vi.plans.numbered(p.number, p.symbol));

/** The page heading: "Kế hoạch số 2-KH/ĐU", or "Dự thảo kế hoạch" before it is issued. */
export const headlineOf = (p: { number: number | null; symbol: string }) => (p.number !== null ? vi.plans.headlineNumbered(p.number, p.symbol) : vi.plans.headlineDraft);

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

