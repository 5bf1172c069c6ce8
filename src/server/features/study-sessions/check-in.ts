// A study session as a check-in target: the secretary (or the ward office) shows the code; an
// expected member who scans it is marked present, once. A hand mark of present or late counts as
// already checked in; one of excused or absent is replaced (they came after all).
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, notFound } from '../../errors';
import { checkInRefused } from '../check-in/service';
import { now } from '../../clock';
import { registerCheckInTarget, type CheckInTarget } from '../check-in/registry';
import { isReplay } from '../../../domain/check-in-token';
import { scanTogether, type Scan, type ScanResult } from '../check-in/batch';
import { canRunSession } from './policy';
import { checkInBranchOf, checkInSessionSql, expectedAtSessionSql, loadSessionFor } from './load';

const titleOf = (unitName: string, kind: string) => `${kind === 'make-up' ? 'buổi học bù' : 'buổi sinh hoạt học tập'} của ${unitName}`;

export const notExpectedAtSession = () =>
  badRequest('check-in.not-expected', 'Đồng chí không có trong danh sách phải dự buổi sinh hoạt này, nên không điểm danh được. Vui lòng báo người tổ chức.');

export const sessionCheckIn: CheckInTarget = {
  async authoriseOrganiser(db: DbOrTx, actor: Actor, id: string) {
    const { session, unit } = await loadSessionFor(db, actor, id, canRunSession, 'hiển thị mã điểm danh của buổi sinh hoạt này');
    return { title: titleOf(unit.name, session.kind) };
  },
  async checkIn(db: Db, actor: Actor, id: string, step: number) {
    // Another commune's session is not found: the statement reads only the actor's commune.
    if (!actor.tenantId) throw notFound('session');
    const tenantId = actor.tenantId;
    const branch = await checkInBranchOf(db, tenantId, id);
    if (!branch) throw notFound('session');
    const result = await scanTogether(`session/${tenantId}/${id}`, { memberId: actor.memberId!, userId: actor.userId, step }, (scans) => writeScans(db, tenantId, id, branch, scans));
    if (result.title === null) throw notFound('session');
    if (!result.expected) throw notExpectedAtSession();
    if (result.replayed) throw checkInRefused('replayed');
    return { outcome: result.written ? ('checked-in' as const) : ('already' as const), title: result.title };
  },
};

/**
 * One statement for the scans of a session arriving together: finds the session, decides who is
 * expected on its day, decides "once" and records each mark with its audit entry (a statement is
 * atomic: no transaction, no round trip more). A present or late mark stays and writes nothing.
 */
async function writeScans(db: Db, tenantId: string, id: string, branch: 'regular' | 'make-up', scans: Scan[]): Promise<Map<string, ScanResult>> {
  const at = now().toISOString();
  const input = JSON.stringify(scans.map((s) => ({ member_id: s.memberId, user_id: s.userId, step: s.step })));
  const result = await db.execute(sql`
    WITH s AS (${checkInSessionSql(tenantId, id, at)}),
    input AS (SELECT * FROM json_to_recordset(${input}::json) AS r(member_id uuid, user_id uuid, step bigint)),
    expected AS (SELECT i.member_id, i.user_id FROM input i WHERE EXISTS (${expectedAtSessionSql(sql`i.member_id`, branch)})),
    written AS (
      INSERT INTO session_attendance (tenant_id, session_id, member_id, status, checked_in_at, marked_by, updated_at)
      SELECT ${tenantId}::uuid, ${id}::uuid, e.member_id, 'present', ${at}::timestamptz, e.user_id, ${at}::timestamptz FROM expected e
      ON CONFLICT (tenant_id, session_id, member_id) DO UPDATE
        SET status = 'present', reason = NULL, checked_in_at = excluded.checked_in_at, marked_by = excluded.marked_by, updated_at = excluded.updated_at
        WHERE session_attendance.status NOT IN ('present', 'late')
      RETURNING member_id, marked_by
    ), audited AS (
      INSERT INTO audit_log (tenant_id, actor_id, at, action, entity, entity_id, after)
      SELECT ${tenantId}::uuid, w.marked_by, ${at}::timestamptz, 'session.check-in', 'session', ${id}, jsonb_build_object('memberId', w.member_id) FROM written w
    )
    SELECT i.member_id, (SELECT unit_name FROM s) AS unit_name, (SELECT kind FROM s) AS kind,
           EXISTS (SELECT 1 FROM expected e WHERE e.member_id = i.member_id) AS expected,
           EXISTS (SELECT 1 FROM written w WHERE w.member_id = i.member_id) AS written,
           -- Their QR check-in as it was before this statement (the statement's snapshot): the code's step decides a replay.
           (SELECT a.checked_in_at FROM session_attendance a
            WHERE a.tenant_id = ${tenantId}::uuid AND a.session_id = ${id}::uuid AND a.member_id = i.member_id AND a.status IN ('present', 'late')) AS checked_in_at
    FROM input i`);
  const rows = (result as unknown as { rows: { member_id: string; unit_name: string | null; kind: string | null; expected: boolean; written: boolean; checked_in_at: Date | string | null }[] }).rows;
  const step = new Map(scans.map((s) => [s.memberId, s.step]));
  return new Map(
    rows.map((r) => [
      r.member_id,
      {
        title: r.unit_name === null ? null : titleOf(r.unit_name, r.kind!),
        expected: Boolean(r.expected),
        written: Boolean(r.written),
        replayed: !r.written && isReplay(step.get(r.member_id)!, r.checked_in_at === null ? null : new Date(r.checked_in_at)),
      },
    ]),
  );
}

registerCheckInTarget('session', sessionCheckIn);
