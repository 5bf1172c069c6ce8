// The ward conferences in a person's private iCal feed: every conference whose list is frozen (its
// convocation sent to them, not removed), once its moment is fixed, with its venue and, in the
// description, the plan it carries out, the reporter, the participants the plan names and the link.
import { and, eq, isNotNull, ne, or, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { formatNumberLine } from '../../../domain/document-numbering';
import { formatDayFirst } from '../../../domain/dates';
import { plans } from '../plans/tables';
import type { CalendarEvent } from '../calendar/events';
import { conferenceParticipants, conferences } from './tables';

/** A conference lasts a morning or an afternoon: its end is not recorded. */
const CONFERENCE_HOURS = 3;

const formNames = { 'in-person': 'Trực tiếp', online: 'Trực tuyến', both: 'Trực tiếp kết hợp trực tuyến' } as const;

export async function conferenceEventsOf(tx: DbOrTx, tenantId: string, personId: string): Promise<CalendarEvent[]> {
  const rows = await tx
    .select({ conference: conferences, planTitle: plans.title, planNumber: plans.number, planSymbol: plans.symbol, planIssuedOn: plans.issuedOn, roleLabel: conferenceParticipants.roleLabel })
    .from(conferenceParticipants)
    .innerJoin(conferences, and(eq(conferences.tenantId, conferenceParticipants.tenantId), eq(conferences.id, conferenceParticipants.conferenceId)))
    .innerJoin(plans, and(eq(plans.tenantId, conferences.tenantId), eq(plans.id, conferences.planId)))
    .where(
      and(
        eq(conferenceParticipants.tenantId, tenantId),
        eq(conferenceParticipants.personId, personId),
        isNotNull(conferenceParticipants.sentAt),
        or(isNull(conferenceParticipants.manual), ne(conferenceParticipants.manual, 'removed')),
        ne(conferences.status, 'draft'),
        isNotNull(conferences.scheduledAt),
      ),
    );
  return rows.map(({ conference: c, planTitle, planNumber, planSymbol, planIssuedOn, roleLabel }) => {
    const number = planNumber === null ? '' : ` ${formatNumberLine(String(planNumber), planSymbol).replace(/^Số /u, 'số ')}`;
    const issued = planIssuedOn ? ` ngày ${formatDayFirst(planIssuedOn)}` : '';
    return {
      uid: `conference-${c.id}@quantriet`,
      start: c.scheduledAt!,
      end: new Date(c.scheduledAt!.getTime() + CONFERENCE_HOURS * 3_600_000),
      summary: c.title,
      location: c.form === 'online' ? c.onlineLink : c.venue || null,
      description: [
        `Thực hiện Kế hoạch${number}${issued}: ${planTitle}`,
        `Hình thức: ${formNames[c.form]}`,
        c.onlineLink ? `Họp trực tuyến: ${c.onlineLink}` : null,
        c.reporterText ? `Báo cáo viên: ${c.reporterText}` : null,
        c.participantsText ? `Thành phần: ${c.participantsText}` : null,
        roleLabel ? `Đồng chí được triệu tập với tư cách: ${roleLabel}` : null,
      ]
        .filter(Boolean)
        .join('\n'),
    };
  });
}
