// Where a person's calendar events come from: study sessions now; the ward conference and tasks add
// their own function here when they merge.
import type { DbOrTx } from '../../db/client';
import { calendarEventsOf, type CalendarEvent } from './events';

export async function calendarEvents(db: DbOrTx, tenantId: string, personId: string): Promise<CalendarEvent[]> {
  return calendarEventsOf(db, tenantId, personId);
}
