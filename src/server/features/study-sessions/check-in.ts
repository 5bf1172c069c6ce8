// A study session as a check-in target: the secretary (or the ward office) shows the code; an
// expected member who scans it is marked present, once. A hand mark of present or late counts as
// already checked in; one of excused or absent is replaced (they came after all).
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, notFound } from '../../errors';
import { now } from '../../clock';
import { registerCheckInTarget, type CheckInTarget } from '../check-in/registry';
import { canRunSession } from './policy';
import { checkInSessionSql, expectedAtSessionSql, loadSessionFor } from './load';

const titleOf = (unitName: string, kind: string) => `${kind === 'make-up' ? 'buổi học bù' : 'buổi sinh hoạt học tập'} của ${unitName}`;

export const notExpectedAtSession = () =>
  badRequest('check-in.not-expected', 'Đồng chí không có trong danh sách phải dự buổi sinh hoạt này, nên không điểm danh được. Vui lòng báo người tổ chức.');

export const sessionCheckIn: CheckInTarget = {
  async authoriseOrganiser(db: DbOrTx, actor: Actor, id: string) {
    const { session, unit } = await loadSessionFor(db, actor, id, canRunSession, 'hiển thị mã điểm danh của buổi sinh hoạt này');
    return { title: titleOf(unit.name, session.kind) };
  },
  async checkIn(db: Db, actor: Actor, id: string) {
    // Another commune's session is not found: the statement reads only the actor's commune.
    if (!actor.tenantId) throw notFound('session');
    const at = now().toISOString();
    // One statement finds the session, decides whether the member is expected on its day, decides
    // "once" and records the audit entry with the mark (a statement is atomic: no transaction, no
    // round trip more; a hall of 300 scans at once). A present or late mark stays and writes nothing.
    const result = await db.execute(sql`
      WITH s AS (${checkInSessionSql(actor.tenantId, id, at)}),
      expected AS (${expectedAtSessionSql(actor.memberId!)}),
      written AS (
        INSERT INTO session_attendance (tenant_id, session_id, member_id, status, checked_in_at, marked_by, updated_at)
        SELECT ${actor.tenantId}::uuid, ${id}::uuid, e.member_id, 'present', ${at}::timestamptz, ${actor.userId}::uuid, ${at}::timestamptz FROM expected e
        ON CONFLICT (tenant_id, session_id, member_id) DO UPDATE
          SET status = 'present', reason = NULL, checked_in_at = excluded.checked_in_at, marked_by = excluded.marked_by, updated_at = excluded.updated_at
          WHERE session_attendance.status NOT IN ('present', 'late')
        RETURNING member_id
      ), audited AS (
        INSERT INTO audit_log (tenant_id, actor_id, at, action, entity, entity_id, after)
        SELECT ${actor.tenantId}::uuid, ${actor.userId}::uuid, ${at}::timestamptz, 'session.check-in', 'session', ${id}, jsonb_build_object('memberId', member_id) FROM written
      )
      SELECT (SELECT unit_name FROM s) AS unit_name, (SELECT kind FROM s) AS kind,
             (SELECT count(*) FROM expected)::int AS expected, (SELECT count(*) FROM written)::int AS written`);
    const [row] = (result as unknown as { rows: { unit_name: string | null; kind: string | null; expected: number; written: number }[] }).rows;
    if (!row || row.unit_name === null) throw notFound('session');
    if (Number(row.expected) === 0) throw notExpectedAtSession();
    return { outcome: Number(row.written) > 0 ? ('checked-in' as const) : ('already' as const), title: titleOf(row.unit_name, row.kind!) };
  },
};

registerCheckInTarget('session', sessionCheckIn);
