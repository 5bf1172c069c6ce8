// A person's events as an RFC 5545 calendar in Asia/Ho_Chi_Minh (ical-generator). Vietnam keeps
// UTC+7 all year, so its VTIMEZONE is one STANDARD component.
import ical from 'ical-generator';
import { VIETNAM_TIME_ZONE } from '../../../domain/dates';
import type { CalendarEvent } from './events';

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${VIETNAM_TIME_ZONE}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:+07',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * ical-generator prints a native Date in a named zone from its local fields (getHours()), so the
 * instant is handed over as a Date whose local fields are Hà Nội's wall clock, whatever the server's zone.
 */
function wallClock(instant: Date): Date {
  const v = new Date(instant.getTime() + 7 * 3_600_000);
  return new Date(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate(), v.getUTCHours(), v.getUTCMinutes(), v.getUTCSeconds());
}

export function renderCalendar(name: string, events: readonly CalendarEvent[], stamp: Date): string {
  const calendar = ical({
    name,
    prodId: { company: 'QuanTriet', product: 'lich-ca-nhan', language: 'VI' },
    timezone: { name: VIETNAM_TIME_ZONE, generator: (zone) => (zone === VIETNAM_TIME_ZONE ? VTIMEZONE : null) },
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      start: wallClock(e.start),
      end: wallClock(e.end),
      timezone: VIETNAM_TIME_ZONE,
      allDay: e.allDay ?? false,
      stamp,
      summary: e.summary,
      location: e.location ?? undefined,
      description: e.description ?? undefined,
    });
  }
  return calendar.toString();
}
