// Where a person's calendar events come from: study sessions, and the open tasks of the units the
// person answers for, and the ward conferences they are summoned to.
import type { DbOrTx } from '../../db/client';
import { calendarEventsOf, type CalendarEvent } from './events';
import { taskEventsOf } from '../task-views/ical-tasks';
import { conferenceEventsOf } from '../conferences/calendar';

export async function calendarEvents(db: DbOrTx, tenantId: string, personId: string): Promise<CalendarEvent[]> {
  const events = [...(await calendarEventsOf(db, tenantId, personId)), ...(await conferenceEventsOf(db, tenantId, personId)), ...(await taskEventsOf(db, tenantId, personId))];
  return events.sort((a, b) => a.start.getTime() - b.start.getTime());
}
