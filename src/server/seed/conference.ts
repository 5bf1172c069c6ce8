// The demo's ward conference (PRODUCT.md §6): created from the issued plan, the cell secretary of
// Tràng Đà 1 added by hand, the convocation sent (everyone notified), held on 20/05/2026 with its
// roll call: all present but a few, excused or absent with their reasons.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { atMoment } from '../clock';
import type { Actor } from '../auth/actor';
import { users } from '../auth/tables';
import { createMailer } from '../features/notifications/mailer';
import { createConference } from '../features/conferences/service';
import { addParticipant, participantsOf, sendConvocation } from '../features/conferences/participants';
import { markHeld, saveAttendance, type PersonMark } from '../features/conferences/attendance';
import { conferences } from '../features/conferences/tables';

export const conferenceMoments = {
  created: '2026-05-16T08:30:00+07:00',
  secretaryAdded: '2026-05-16T08:45:00+07:00',
  convened: '2026-05-16T09:00:00+07:00',
  scheduledAt: '2026-05-20T07:30:00+07:00',
  rollCall: '2026-05-20T08:00:00+07:00',
  held: '2026-05-20T11:00:00+07:00',
} as const;

const away: [PersonMark['status'], string | null][] = [
  ['excused', 'Đi công tác tỉnh'],
  ['excused', 'Ốm, có giấy của trạm y tế'],
  ['absent', 'Không báo trước'],
  ['late', null],
];

export async function seedDemoConference(db: Db, staff: Actor, planId: string): Promise<string> {
  const m = conferenceMoments;
  const mailer = createMailer({ SMTP_URL: undefined, SMTP_FROM: '' }, { warn: () => undefined });
  const id = await atMoment(m.created, () => createConference(db, staff, planId, { scheduledAt: m.scheduledAt }));
  const [bithu] = await db.select().from(users).where(eq(users.username, 'bithu'));
  let version = 1;
  if (bithu?.memberId) {
    await atMoment(m.secretaryAdded, () => addParticipant(db, staff, id, { version, memberId: bithu.memberId!, roleLabel: 'Bí thư Chi bộ Tràng Đà 1' }));
    version += 1;
  }
  await atMoment(m.convened, () => sendConvocation(db, staff, id, version, mailer));
  version += 1;
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, id));
  const { participants } = await participantsOf(db, conference!);
  // Every seventh person is among the exceptions, in turn; the rest came.
  const marks: PersonMark[] = participants.map((p, i) => {
    const exception = i % 7 === 3 ? away[Math.floor(i / 7) % away.length]! : null;
    return exception ? { personId: p.personId, status: exception[0], reason: exception[1] } : { personId: p.personId, status: 'present' };
  });
  await atMoment(m.rollCall, () => saveAttendance(db, staff, id, version, marks));
  version += 1;
  await atMoment(m.held, () => markHeld(db, staff, id, version, '2026-05-20'));
  await mailer.idle();
  return id;
}
