// A study session as a check-in target: the secretary (or the ward office) shows the code; an
// expected member who scans it is marked present, once. A hand mark of present or late counts as
// already checked in; one of excused or absent is replaced (they came after all).
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, notFound } from '../../errors';
import { now } from '../../clock';
import { canKnowUnit } from '../units/policy';
import { toRef } from '../units/service';
import { recordAudit } from '../audit/service';
import { registerCheckInTarget, type CheckInTarget } from '../check-in/registry';
import { canRunSession } from './policy';
import { expectationOf, loadSession, loadSessionFor } from './load';
import { sessionAttendance } from './tables';

const titleOf = (unitName: string, kind: string) => `${kind === 'make-up' ? 'buổi học bù' : 'buổi sinh hoạt học tập'} của ${unitName}`;

export const notExpectedAtSession = () =>
  badRequest('check-in.not-expected', 'Đồng chí không có trong danh sách phải dự buổi sinh hoạt này, nên không điểm danh được. Vui lòng báo người tổ chức.');

export const sessionCheckIn: CheckInTarget = {
  async authoriseOrganiser(db: DbOrTx, actor: Actor, id: string) {
    const { session, unit } = await loadSessionFor(db, actor, id, canRunSession, 'hiển thị mã điểm danh của buổi sinh hoạt này');
    return { title: titleOf(unit.name, session.kind) };
  },
  async checkIn(db: Db, actor: Actor, id: string) {
    const { session, unit } = await loadSession(db, id);
    if (!canKnowUnit(actor, toRef(unit))) throw notFound('session');
    const title = titleOf(unit.name, session.kind);
    const { expected } = await expectationOf(db, session);
    if (!expected.some((p) => p.memberId === actor.memberId)) throw notExpectedAtSession();
    const at = now();
    // One statement decides "once": a present or late mark stays as it is and returns no row.
    return db.transaction(async (tx) => {
    const written = await tx
      .insert(sessionAttendance)
      .values({ tenantId: session.tenantId, sessionId: id, memberId: actor.memberId!, status: 'present', checkedInAt: at, markedBy: actor.userId, updatedAt: at })
      .onConflictDoUpdate({
        target: [sessionAttendance.tenantId, sessionAttendance.sessionId, sessionAttendance.memberId],
        set: { status: 'present', reason: null, checkedInAt: at, markedBy: actor.userId, updatedAt: at },
        setWhere: sql`${sessionAttendance.status} not in ('present', 'late')`,
      })
      .returning({ memberId: sessionAttendance.memberId });
    if (written.length > 0) {
      await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.check-in', entity: 'session', entityId: id, after: { memberId: actor.memberId } });
    }
    return { outcome: written.length > 0 ? ('checked-in' as const) : ('already' as const), title };
    });
  },
};

registerCheckInTarget('session', sessionCheckIn);
