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
import { checkInRefused } from '../check-in/service';
import { isReplay } from '../../../domain/check-in-token';
import { scanTogether, type Scan, type ScanResult } from '../check-in/batch';
import { toRef } from '../units/service';
import { canMarkConferenceAttendance } from './policy';
import { notFoundConference, notSent } from './errors';
import { loadConferenceFor } from './service';

const titleOf = (title: string) => `hội nghị "${title}"`;

export const notSummonedToConference = () =>
  badRequest('check-in.not-expected', 'Đồng chí không có trong danh sách được triệu tập dự hội nghị này, nên không điểm danh được. Vui lòng báo Văn phòng Đảng ủy.');

export const conferenceCheckIn: CheckInTarget = {
  async authoriseOrganiser(db: DbOrTx, actor: Actor, id: string) {
    const { conference, commune } = await loadConferenceFor(db, actor, id, 'manage');
    if (!canMarkConferenceAttendance(actor, conference, toRef(commune))) throw notSent();
    return { title: titleOf(conference.title) };
  },
  async checkIn(db: Db, actor: Actor, id: string, step: number) {
    // Another commune's conference is not found: the statement reads only the actor's commune.
    if (!actor.tenantId) throw notFoundConference();
    const tenantId = actor.tenantId;
    const result = await scanTogether(`conference/${tenantId}/${id}`, { memberId: actor.memberId!, userId: actor.userId, step }, (scans) => writeScans(db, tenantId, id, scans));
    if (result.title === null) throw notFoundConference();
    if (!result.expected) throw notSummonedToConference();
    if (result.replayed) throw checkInRefused('replayed');
    return { outcome: result.written ? ('checked-in' as const) : ('already' as const), title: result.title };
  },
};

/**
 * One statement for the scans arriving together: finds the conference, decides who of them was
 * summoned, writes each mark once with its audit entry (a statement is atomic: no transaction).
 */
async function writeScans(db: Db, tenantId: string, id: string, scans: Scan[]): Promise<Map<string, ScanResult>> {
  const at = now().toISOString();
  const input = JSON.stringify(scans.map((s) => ({ member_id: s.memberId, user_id: s.userId, step: s.step })));
  const result = await db.execute(sql`
    WITH c AS (
      SELECT tenant_id, id, title, status FROM conferences WHERE tenant_id = ${tenantId}::uuid AND id = ${id}::uuid
    ), input AS (
      SELECT * FROM json_to_recordset(${input}::json) AS r(member_id uuid, user_id uuid, step bigint)
    ), summoned AS (
      SELECT DISTINCT ON (p.person_id) i.member_id, i.user_id, p.person_id FROM input i
      JOIN members m ON m.tenant_id = ${tenantId}::uuid AND m.id = i.member_id
      JOIN conference_participants p ON p.tenant_id = m.tenant_id AND p.person_id = m.person_id
      JOIN c ON c.tenant_id = p.tenant_id AND c.id = p.conference_id
      WHERE c.status <> 'draft' AND p.sent_at IS NOT NULL AND p.manual IS DISTINCT FROM 'removed'
    ), written AS (
      INSERT INTO conference_attendance (tenant_id, conference_id, person_id, status, marked_by, marked_at)
      SELECT ${tenantId}::uuid, ${id}::uuid, e.person_id, 'present', e.user_id, ${at}::timestamptz FROM summoned e
      ON CONFLICT (tenant_id, conference_id, person_id) DO UPDATE
        SET status = 'present', reason = NULL, marked_by = excluded.marked_by, marked_at = excluded.marked_at
        WHERE conference_attendance.status NOT IN ('present', 'late')
      RETURNING person_id, marked_by
    ), audited AS (
      INSERT INTO audit_log (tenant_id, actor_id, at, action, entity, entity_id, after)
      SELECT ${tenantId}::uuid, w.marked_by, ${at}::timestamptz, 'conference.check-in', 'conference', ${id}, jsonb_build_object('personId', w.person_id) FROM written w
    )
    SELECT i.member_id, (SELECT title FROM c) AS title,
           EXISTS (SELECT 1 FROM summoned e WHERE e.member_id = i.member_id) AS expected,
           EXISTS (SELECT 1 FROM summoned e JOIN written w ON w.person_id = e.person_id WHERE e.member_id = i.member_id) AS written,
           -- Their own QR check-in (marked by themselves) as it was before this statement: the code's step decides a replay.
           (SELECT a.marked_at FROM summoned e JOIN conference_attendance a
              ON a.tenant_id = ${tenantId}::uuid AND a.conference_id = ${id}::uuid AND a.person_id = e.person_id
            WHERE e.member_id = i.member_id AND a.marked_by = i.user_id AND a.status IN ('present', 'late')) AS checked_in_at
    FROM input i`);
  const rows = (result as unknown as { rows: { member_id: string; title: string | null; expected: boolean; written: boolean; checked_in_at: Date | string | null }[] }).rows;
  const step = new Map(scans.map((s) => [s.memberId, s.step]));
  return new Map(
    rows.map((r) => [
      r.member_id,
      {
        title: r.title === null ? null : titleOf(r.title),
        expected: Boolean(r.expected),
        written: Boolean(r.written),
        replayed: !r.written && isReplay(step.get(r.member_id)!, r.checked_in_at === null ? null : new Date(r.checked_in_at)),
      },
    ]),
  );
}

registerCheckInTarget('conference', conferenceCheckIn);
