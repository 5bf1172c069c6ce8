// The conference's own attendance, per person summoned, with the pure rules of domain/attendance.ts:
// only people summoned may be marked (400 naming the others), excused and absent need a reason.
import { and, eq, inArray, isNotNull, ne, or, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { now } from '../../clock';
import { type AttendanceStatus, countAttendance, marksMissingReason, unexpectedMarks } from '../../../domain/attendance';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { persons } from '../people/tables';
import { toRef } from '../units/service';
import { canMarkConferenceAttendance } from './policy';
import { conferenceHeld, heldWithoutAttendance, notSent, notSummoned, reasonRequired } from './errors';
import { bumpVersion, loadConferenceFor } from './service';
import { conferenceAttendance, conferenceParticipants, conferences, type Conference } from './tables';
import { updateVersioned } from '../../db/versioned';
import { keyOf } from './service';
import { studySessions } from '../study-sessions/tables';
import { completeFollowingTasks } from '../tasks/follow';

export interface PersonMark {
  personId: string;
  status: AttendanceStatus;
  reason?: string | null;
}

/**
 * Who was summoned to a conference (their convocation sent, not removed) and their marks: what the
 * cells' sessions read to take attendance from the conference. Exported for other features.
 */
export async function conferenceAttendanceOf(db: DbOrTx, tenantId: string, conferenceId: string) {
  const c = { tenantId, id: conferenceId };
  const summoned = await db
    .select({ personId: conferenceParticipants.personId, fullName: persons.fullName, roleLabel: conferenceParticipants.roleLabel, memberId: members.id, cellId: members.cellId })
    .from(conferenceParticipants)
    .innerJoin(persons, and(eq(persons.tenantId, conferenceParticipants.tenantId), eq(persons.id, conferenceParticipants.personId)))
    .leftJoin(members, and(eq(members.tenantId, conferenceParticipants.tenantId), eq(members.personId, conferenceParticipants.personId)))
    .where(
      and(
        eq(conferenceParticipants.tenantId, tenantId),
        eq(conferenceParticipants.conferenceId, conferenceId),
        isNotNull(conferenceParticipants.sentAt),
        or(isNull(conferenceParticipants.manual), ne(conferenceParticipants.manual, 'removed')),
      ),
    );
  const marks = await db
    .select({ personId: conferenceAttendance.personId, status: conferenceAttendance.status, reason: conferenceAttendance.reason })
    .from(conferenceAttendance)
    .where(and(eq(conferenceAttendance.tenantId, c.tenantId), eq(conferenceAttendance.conferenceId, c.id)));
  const collator = new Intl.Collator('vi');
  summoned.sort((a, b) => collator.compare(a.roleLabel, b.roleLabel) || collator.compare(a.fullName, b.fullName));
  return { summoned, marks, counts: countAttendance(summoned.map((s) => s.personId), 0, marks.map(asMark)) };
}

const asMark = (m: PersonMark) => ({ memberId: m.personId, status: m.status, reason: m.reason });

export async function attendanceFor(db: Db, actor: Actor, id: string) {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  return { id, version: conference.version, status: conference.status, ...(await conferenceAttendanceOf(db, conference.tenantId, conference.id)) };
}

/** Sets the marks of the people given (others keep theirs, like a study session's roll call). */
export async function saveAttendance(db: Db, actor: Actor, id: string, version: number, marks: PersonMark[]) {
  const { conference, commune } = await loadConferenceFor(db, actor, id, 'manage');
  if (!canMarkConferenceAttendance(actor, conference, toRef(commune))) throw notSent();
  const { summoned } = await conferenceAttendanceOf(db, conference.tenantId, conference.id);
  const domainMarks = marks.map(asMark);
  const strangers = unexpectedMarks(summoned.map((s) => s.personId), domainMarks);
  if (strangers.length) throw notSummoned(await namesOf(db, conference, strangers));
  const missing = marksMissingReason(domainMarks);
  if (missing.length) throw reasonRequired(summoned.filter((s) => missing.includes(s.personId)).map((s) => s.fullName));
  await db.transaction(async (tx) => {
    await bumpVersion(tx, conference, version);
    // The marks given replace those people's marks; others keep theirs, so a QR check-in made while
    // the office held the list is not lost.
    const unique = [...new Map(marks.map((m) => [m.personId, m])).values()];
    for (let i = 0; i < unique.length; i += 500) {
      await tx
        .insert(conferenceAttendance)
        .values(
          unique.slice(i, i + 500).map((m) => ({
            tenantId: conference.tenantId,
            conferenceId: conference.id,
            personId: m.personId,
            status: m.status,
            reason: m.status === 'excused' || m.status === 'absent' ? m.reason!.trim() : (m.reason?.trim() || null),
            markedBy: actor.userId,
            markedAt: now(),
          })),
        )
        .onConflictDoUpdate({
          target: [conferenceAttendance.tenantId, conferenceAttendance.conferenceId, conferenceAttendance.personId],
          set: { status: sql`excluded.status`, reason: sql`excluded.reason`, markedBy: sql`excluded.marked_by`, markedAt: sql`excluded.marked_at` },
        });
    }
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.attendance', entity: 'conference', entityId: id, after: { marks: unique.length } });
  });
}

/** The names of people marked though not summoned: their person's name when of this commune, else their id. */
async function namesOf(db: DbOrTx, conference: Conference, ids: string[]): Promise<string[]> {
  const found = await db.select({ id: persons.id, fullName: persons.fullName }).from(persons).where(and(eq(persons.tenantId, conference.tenantId), inArray(persons.id, ids)));
  const byId = new Map(found.map((p) => [p.id, p.fullName]));
  return ids.map((id) => byId.get(id) ?? `mã ${id}`);
}

/** The conference took place: only once convened and with its roll call taken. */
export async function markHeld(db: Db, actor: Actor, id: string, version: number, heldOn: string) {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  if (conference.status !== 'convened') throw conference.status === 'held' ? conferenceHeld() : notSent();
  const [mark] = await db.select({ p: conferenceAttendance.personId }).from(conferenceAttendance).where(and(eq(conferenceAttendance.tenantId, conference.tenantId), eq(conferenceAttendance.conferenceId, conference.id))).limit(1);
  if (!mark) throw heldWithoutAttendance();
  await db.transaction(async (tx) => {
    const after = await updateVersioned(tx, conferences, keyOf(conference), version, { status: 'held', heldOn, updatedAt: now() }, { entity: 'conference' });
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.held', entity: 'conference', entityId: id, before: { status: conference.status }, after: { status: after.status, heldOn } });
    // The cells that study at the ward conference have studied: their study task is done on its day.
    const atConference = await tx
      .select({ unitId: studySessions.unitId })
      .from(studySessions)
      .where(and(eq(studySessions.tenantId, conference.tenantId), eq(studySessions.planId, conference.planId), eq(studySessions.atConference, true)));
    for (const { unitId } of atConference) {
      await completeFollowingTasks(tx, { tenantId: conference.tenantId, planId: conference.planId, unitId, follows: 'study-session', on: heldOn, actorId: actor.userId });
    }
  });
}
