// The ward conference as a check-in target (kind "conference"): the ward's office shows the rotating
// code once the convocation went out; a person summoned (their convocation sent, not removed) who
// scans it is marked present, once. A hand mark of present or late counts as already checked in; one
// of excused or absent is replaced (they came after all).
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest } from '../../errors';
import { now } from '../../clock';
import { registerCheckInTarget, type CheckInTarget } from '../check-in/registry';
import { toRef } from '../units/service';
import { canMarkConferenceAttendance } from './policy';
import { notFoundConference, notSent } from './errors';
import { loadConferenceFor } from './service';

const titleOf = (title: string) => `hội nghị "${title}"`;

export const notSummonedToConference = () =>
  badRequest('check-in.not-expected', 'Đồng chí không có trong danh sách được triệu tập dự hội nghị này, nên không điểm danh được. Vui lòng báo Văn phòng Đảng ủy.');

interface Row {
  title: string | null;
  expected: number;
  written: number;
}

export const conferenceCheckIn: CheckInTarget = {
  async authoriseOrganiser(db: DbOrTx, actor: Actor, id: string) {
    const { conference, commune } = await loadConferenceFor(db, actor, id, 'manage');
    if (!canMarkConferenceAttendance(actor, conference, toRef(commune))) throw notSent();
    return { title: titleOf(conference.title) };
  },
  async checkIn(db: Db, actor: Actor, id: string) {
    // Another commune's conference is not found: the statement reads only the actor's commune.
    if (!actor.tenantId) throw notFoundConference();
    const at = now().toISOString();
    // One statement: finds the conference, decides whether the member's person was summoned, writes
    // the mark once and its audit entry (a statement is atomic: no transaction, no round trip more).
    const result = await db.execute(sql`
      WITH c AS (
        SELECT tenant_id, id, title, status FROM conferences WHERE tenant_id = ${actor.tenantId}::uuid AND id = ${id}::uuid
      ), me AS (
        SELECT p.person_id FROM members m
        JOIN conference_participants p ON p.tenant_id = m.tenant_id AND p.person_id = m.person_id
        JOIN c ON c.tenant_id = p.tenant_id AND c.id = p.conference_id
        WHERE m.tenant_id = ${actor.tenantId}::uuid AND m.id = ${actor.memberId}::uuid
          AND c.status <> 'draft' AND p.sent_at IS NOT NULL AND p.manual IS DISTINCT FROM 'removed'
        LIMIT 1
      ), written AS (
        INSERT INTO conference_attendance (tenant_id, conference_id, person_id, status, marked_by, marked_at)
        SELECT ${actor.tenantId}::uuid, ${id}::uuid, me.person_id, 'present', ${actor.userId}::uuid, ${at}::timestamptz FROM me
        ON CONFLICT (tenant_id, conference_id, person_id) DO UPDATE
          SET status = 'present', reason = NULL, marked_by = excluded.marked_by, marked_at = excluded.marked_at
          WHERE conference_attendance.status NOT IN ('present', 'late')
        RETURNING person_id
      ), audited AS (
        INSERT INTO audit_log (tenant_id, actor_id, at, action, entity, entity_id, after)
        SELECT ${actor.tenantId}::uuid, ${actor.userId}::uuid, ${at}::timestamptz, 'conference.check-in', 'conference', ${id}, jsonb_build_object('personId', person_id) FROM written
      )
      SELECT (SELECT title FROM c) AS title, (SELECT count(*) FROM me)::int AS expected, (SELECT count(*) FROM written)::int AS written`);
    const [row] = (result as unknown as { rows: Row[] }).rows;
    if (!row || row.title === null) throw notFoundConference();
    if (Number(row.expected) === 0) throw notSummonedToConference();
    return { outcome: Number(row.written) > 0 ? ('checked-in' as const) : ('already' as const), title: titleOf(row.title) };
  },
};

registerCheckInTarget('conference', conferenceCheckIn);
