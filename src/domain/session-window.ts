// The window a cell's study session should fall in: from the plan's issue to the deadline the plan
// sets for the grassroots level ("Cấp cơ sở … Thời gian: Hoàn thành trong tháng 5/2026"). A date
// outside it is a warning the secretary confirms, never a refusal.
import type { Due, ImportedConference } from './plan-import/types';

/** The grassroots level's deadline: the "Cấp cơ sở" conference's time, when the plan gives one. */
export function grassrootsDue(conferences: readonly ImportedConference[]): Due | null {
  return conferences.find((c) => c.level === 'grassroots')?.when ?? null;
}

export interface SessionWindow {
  from: string;
  to: string | null;
}

/** From the issue date (or the deadline's own start, if later) to the deadline's last day. */
export function sessionWindow(due: Due | null, issuedOn: string): SessionWindow {
  if (!due) return { from: issuedOn, to: null };
  switch (due.kind) {
    case 'before':
      return { from: issuedOn, to: previousDay(due.date) };
    case 'on':
      return { from: issuedOn, to: due.date };
    case 'within-month':
    case 'within-quarter':
    case 'within-year':
    case 'range':
      return { from: due.from > issuedOn ? due.from : issuedOn, to: due.to };
    default:
      return { from: issuedOn, to: null };
  }
}

export function isWithinWindow(date: string, window: SessionWindow): boolean {
  return date >= window.from && (window.to === null || date <= window.to);
}

function previousDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
