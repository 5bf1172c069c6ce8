// The calendar events of a person: what their private iCal feed lists. Study sessions are built
// here; conferences and tasks add theirs in sources.ts.
import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { members } from '../members/tables';
import { units } from '../units/tables';
import { sessionGuests, studySessions } from '../study-sessions/tables';

export interface CalendarEvent {
  /** Stable across feeds: "session-<uuid>@quantriet". */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location: string | null;
  description: string | null;
  /** A whole Vietnamese day (start and end at its midnights): a task's last day on time. */
  allDay?: boolean;
}

/** A session without an end of its own lasts two hours. */
const SESSION_HOURS = 2;

/** Every scheduled meeting the person is expected at, over all their memberships in the commune. */
export async function calendarEventsOf(tx: DbOrTx, tenantId: string, personId: string): Promise<CalendarEvent[]> {
  return [...(await studySessionEventsOf(tx, tenantId, personId))].sort((a, b) => a.start.getTime() - b.start.getTime());
}

async function studySessionEventsOf(tx: DbOrTx, tenantId: string, personId: string): Promise<CalendarEvent[]> {
  const own = await tx
    .select({ memberId: members.id, cellPath: units.path })
    .from(members)
    .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
    .where(and(eq(members.tenantId, tenantId), eq(members.personId, personId)));
  if (own.length === 0) return [];
  const memberIds = own.map((m) => m.memberId);
  const rows = await tx
    .select({ session: studySessions, unitName: units.name })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(
      and(
        eq(studySessions.tenantId, tenantId),
        isNotNull(studySessions.scheduledAt),
        or(
          // Their cell's session, or the joint session of the grassroots organisation above it.
          and(eq(studySessions.kind, 'regular'), or(...own.map((m) => sql`${m.cellPath} like ${units.path} || '%'`))),
          // A make-up of a session they missed, or one they were sent to.
          and(
            eq(studySessions.kind, 'make-up'),
            or(
              sql`exists (select 1 from session_attendance original where original.tenant_id = ${studySessions.tenantId} and original.session_id = ${studySessions.makeUpOfId}
                and original.status in ('excused', 'absent') and original.member_id in ${memberIds})`,
              sql`exists (select 1 from ${sessionGuests} where ${sessionGuests.tenantId} = ${studySessions.tenantId} and ${sessionGuests.sessionId} = ${studySessions.id}
                and ${inArray(sessionGuests.memberId, memberIds)})`,
            ),
          ),
        ),
      ),
    );
  return rows.map(({ session, unitName }) => ({
    uid: `session-${session.id}@quantriet`,
    start: session.scheduledAt!,
    end: new Date(session.scheduledAt!.getTime() + SESSION_HOURS * 3_600_000),
    summary: `${session.kind === 'make-up' ? 'Học bù' : 'Sinh hoạt học tập Nghị quyết'} — ${unitName}`,
    location: session.place,
    description: [`Báo cáo viên: ${session.reporter}`, session.onlineLink ? `Họp trực tuyến: ${session.onlineLink}` : null].filter(Boolean).join('\n'),
  }));
}
