// Học bù: a member marked excused or absent at a held session of their cell owes the plan's study
// until they attend (present or late) a make-up session of the same plan: one of their cell's, made
// up of that session, or another cell's they were sent to (a guest). The ledger is computed, never stored.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest } from '../../errors';
import { now } from '../../clock';
import { createOnce, keyTaken } from '../../idempotency';
import { sortByVietnameseName } from '../../../domain/vietnamese-names';
import type { AttendanceStatus } from '../../../domain/attendance';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { units } from '../units/tables';
import { canPlanSessions, canRunSession } from './policy';
import { expectationOf, loadSession, loadSessionFor } from './load';
import { describeSession } from './service';
import { sessionAttendance, sessionGuests, studySessions, type StudySession } from './tables';
import { conferences } from '../conferences/tables';

export interface OwedRow {
  cellId: string;
  cellName: string;
  memberId: string;
  fullName: string;
  sessionId: string;
  status: AttendanceStatus;
  madeUp: boolean;
}

/** A make-up of the plan attended (present or late) by the member: the SQL of "made up". */
const madeUpSql = (memberId: SQL, planId: SQL) => sql`(exists (select 1 from session_attendance made inner join study_sessions make_up on make_up.tenant_id = made.tenant_id and make_up.id = made.session_id
        where made.tenant_id = ${sessionAttendance.tenantId} and made.member_id = ${memberId}
        and make_up.plan_id = ${planId} and make_up.kind = 'make-up' and made.status in ('present', 'late')))`;

/** The plan's held ward conference attended (present or late) by the person. */
const conferenceAttendedSql = (personId: SQL, planId: SQL) => sql`exists (select 1 from conference_attendance ca inner join conferences c on c.tenant_id = ca.tenant_id and c.id = ca.conference_id
          where ca.tenant_id = ${sessionAttendance.tenantId} and ca.person_id = ${personId} and c.plan_id = ${planId}
          and c.status = 'held' and ca.status in ('present', 'late'))`;

/**
 * Every member owed a session of the plan, by their cell, with whether they made it up; with
 * `session`, only the rows of that session (what a report of the session counts).
 */
export async function makeUpLedger(db: DbOrTx, tenantId: string, planId: string, cellIds?: readonly string[], session?: Pick<StudySession, 'id' | 'atConference'>): Promise<OwedRow[]> {
  const sessionId = session?.id;
  const rows = await db
    .select({
      cellId: members.cellId,
      cellName: units.name,
      memberId: sessionAttendance.memberId,
      fullName: members.fullName,
      sessionId: studySessions.id,
      status: sessionAttendance.status,
      // A make-up attended, or the plan's ward conference (of another date) attended.
      madeUp: sql<boolean>`(${madeUpSql(sql`${sessionAttendance.memberId}`, sql`${studySessions.planId}`)}
        or ${conferenceAttendedSql(sql`${members.personId}`, sql`${studySessions.planId}`)})`,
    })
    .from(sessionAttendance)
    .innerJoin(studySessions, and(eq(studySessions.tenantId, sessionAttendance.tenantId), eq(studySessions.id, sessionAttendance.sessionId)))
    .innerJoin(members, and(eq(members.tenantId, sessionAttendance.tenantId), eq(members.id, sessionAttendance.memberId)))
    .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
    .where(
      and(
        eq(sessionAttendance.tenantId, tenantId),
        eq(studySessions.planId, planId),
        eq(studySessions.kind, 'regular'),
        sql`${studySessions.heldOn} is not null`,
        inArray(sessionAttendance.status, ['excused', 'absent']),
        cellIds ? inArray(members.cellId, [...cellIds]) : undefined,
        sessionId ? eq(studySessions.id, sessionId) : undefined,
      ),
    );
  // Those rows come only from sessions of cells studying at the ward conference.
  const atConference = session && !session.atConference ? [] : await atConferenceOwed(db, tenantId, planId, cellIds, sessionId);
  return [...rows.map((r) => ({ ...r, madeUp: Boolean(r.madeUp) })), ...atConference];
}

/**
 * How many of the members a held regular session owes (marked excused or absent at it, placed in its
 * cell) made it up: the ledger's rows of that one session (makeUpLedger with `session`) counted in
 * one small statement, for the report's figures. A cell studying at the ward conference also owes
 * what the conference marked: its count is the ledger's.
 */
export async function madeUpCountOfSession(db: DbOrTx, session: Pick<StudySession, 'tenantId' | 'id' | 'planId' | 'unitId' | 'kind' | 'heldOn' | 'atConference'>): Promise<number> {
  if (session.atConference) return (await makeUpLedger(db, session.tenantId, session.planId, [session.unitId], session)).filter((r) => r.madeUp).length;
  if (session.kind !== 'regular' || session.heldOn === null) return 0;
  const ids = { tenantId: sql`${session.tenantId}::uuid`, id: sql`${session.id}::uuid`, planId: sql`${session.planId}::uuid`, unitId: sql`${session.unitId}::uuid` };
  const result = await db.execute(sql`select ${madeUpCountSql(ids)} as count`);
  return Number((result as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0);
}

/**
 * The SQL of madeUpCountOfSession for a held regular session of a cell not studying at the ward
 * conference, its ids given as SQL: literals, or the columns of an outer query (the report's creation
 * reads it in the statement that reads the session).
 */
export function madeUpCountSql(session: { tenantId: SQL; id: SQL; planId: SQL; unitId: SQL }): SQL {
  return sql`(select count(*)::int from ${sessionAttendance}
    inner join ${members} on ${members.tenantId} = ${sessionAttendance.tenantId} and ${members.id} = ${sessionAttendance.memberId}
    inner join ${units} on ${units.tenantId} = ${members.tenantId} and ${units.id} = ${members.cellId}
    where ${sessionAttendance.tenantId} = ${session.tenantId} and ${sessionAttendance.sessionId} = ${session.id}
      and ${sessionAttendance.status} in ('excused', 'absent') and ${members.cellId} = ${session.unitId}
      and (${madeUpSql(sql`${sessionAttendance.memberId}`, session.planId)} or ${conferenceAttendedSql(sql`${members.personId}`, session.planId)}))`;
}

/**
 * The members of cells studying at the ward conference ("at-conference") whom the plan's held
 * conference marked excused or absent (their best mark over the plan's conferences) and whom their
 * cell did not mark itself: they owe the study like a member absent at their cell's session.
 */
async function atConferenceOwed(db: DbOrTx, tenantId: string, planId: string, cellIds?: readonly string[], sessionId?: string): Promise<OwedRow[]> {
  if (cellIds && cellIds.length === 0) return [];
  const result = await db.execute(sql`
    SELECT m.cell_id, cu.name AS cell_name, m.id AS member_id, m.full_name, ss.id AS session_id, best.status,
      exists (select 1 from session_attendance made inner join study_sessions make_up on make_up.tenant_id = made.tenant_id and make_up.id = made.session_id
        where made.tenant_id = m.tenant_id and made.member_id = m.id and make_up.plan_id = ss.plan_id and make_up.kind = 'make-up' and made.status in ('present', 'late')) AS made_up
    FROM study_sessions ss
    JOIN units su ON su.tenant_id = ss.tenant_id AND su.id = ss.unit_id
    JOIN members m ON m.tenant_id = ss.tenant_id AND NOT m.exempt
    JOIN units cu ON cu.tenant_id = m.tenant_id AND cu.id = m.cell_id AND cu.path LIKE su.path || '%'
    JOIN LATERAL (
      SELECT ca.status FROM conference_attendance ca
      JOIN conferences c ON c.tenant_id = ca.tenant_id AND c.id = ca.conference_id
      WHERE ca.tenant_id = m.tenant_id AND ca.person_id = m.person_id AND c.plan_id = ss.plan_id AND c.status = 'held'
      ORDER BY CASE ca.status WHEN 'present' THEN 0 WHEN 'late' THEN 1 WHEN 'excused' THEN 2 ELSE 3 END
      LIMIT 1
    ) best ON true
    WHERE ss.tenant_id = ${tenantId}::uuid AND ss.plan_id = ${planId}::uuid AND ss.kind = 'regular' AND ss.at_conference
      AND best.status IN ('excused', 'absent')
      AND NOT EXISTS (SELECT 1 FROM session_attendance own WHERE own.tenant_id = ss.tenant_id AND own.session_id = ss.id AND own.member_id = m.id)
      ${cellIds ? sql`AND m.cell_id IN (${sql.join(cellIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
      ${sessionId ? sql`AND ss.id = ${sessionId}::uuid` : sql``}`);
  type Row = { cell_id: string; cell_name: string; member_id: string; full_name: string; session_id: string; status: AttendanceStatus; made_up: boolean };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    cellId: r.cell_id,
    cellName: r.cell_name,
    memberId: r.member_id,
    fullName: r.full_name,
    sessionId: r.session_id,
    status: r.status,
    madeUp: Boolean(r.made_up),
  }));
}

/** The backlog per cell and in total: owed, made up, still missing. */
export function summariseLedger(rows: readonly OwedRow[]) {
  const cells = new Map<string, { unitId: string; unitName: string; members: OwedRow[] }>();
  for (const row of rows) {
    const cell = cells.get(row.cellId) ?? { unitId: row.cellId, unitName: row.cellName, members: [] };
    cell.members.push(row);
    cells.set(row.cellId, cell);
  }
  const list = [...cells.values()].map((c) => {
    const madeUp = c.members.filter((m) => m.madeUp).length;
    return {
      unitId: c.unitId,
      unitName: c.unitName,
      owed: c.members.length,
      madeUp,
      missing: c.members.length - madeUp,
      members: sortByVietnameseName(c.members, (m) => m.fullName).map(({ memberId, fullName, sessionId, status, madeUp: done }) => ({ memberId, fullName, sessionId, status, madeUp: done })),
    };
  });
  const madeUp = list.reduce((n, c) => n + c.madeUp, 0);
  return { owed: rows.length, madeUp, missing: rows.length - madeUp, cells: sortByVietnameseName(list, (c) => c.unitName) };
}

/** A make-up session of a held session, in the same unit (canRunSession on it). */
export async function createMakeUp(db: Db, actor: Actor, originalId: string, input: { scheduledAt?: string | null }, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const loaded = await loadSessionFor(tx, actor, originalId, canRunSession, 'tổ chức học bù cho chi bộ khác');
    const { session } = loaded;
    // A retried request (same Idempotency-Key) answers with the make-up session the first one created.
    const request = { tenantId: session.tenantId, actorId: actor.userId, scope: `make-up:${session.id}`, key: idempotencyKey, taken: () => keyTaken('session') };
    const { result } = await createOnce(tx, request, {
      replay: async (id) => describeSession(tx, actor, await loadSession(tx, id)),
      create: async () => {
        if (session.kind !== 'regular' || !(session.heldOn || (session.atConference && (await conferenceHeldFor(tx, session))))) {
          throw badRequest('session.make-up-needs-held', 'Chỉ tổ chức học bù cho buổi sinh hoạt đã tổ chức (hoặc khi hội nghị cấp phường mà chi bộ học tập tại đó đã tổ chức).');
        }
        const [created] = await tx
          .insert(studySessions)
          .values({ tenantId: session.tenantId, planId: session.planId, unitId: session.unitId, kind: 'make-up', makeUpOfId: session.id, reporter: session.reporter, scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null, due: null })
          .returning();
        await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.make-up', entity: 'session', entityId: created!.id, after: created });
        return { id: created!.id, result: await describeSession(tx, actor, { ...loaded, session: created! }) };
      },
    });
    return result;
  });
}

/** Whether the plan's ward conference took place (a cell studying there has then studied). */
async function conferenceHeldFor(db: DbOrTx, session: Pick<StudySession, 'tenantId' | 'planId'>): Promise<boolean> {
  const [row] = await db
    .select({ id: conferences.id })
    .from(conferences)
    .where(and(eq(conferences.tenantId, session.tenantId), eq(conferences.planId, session.planId), eq(conferences.status, 'held')))
    .limit(1);
  return row !== undefined;
}

/** The ward sends a member owed elsewhere to this make-up session (another cell's). */
export async function addGuest(db: Db, actor: Actor, makeUpId: string, memberId: string, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const loaded = await loadSessionFor(tx, actor, makeUpId, canPlanSessions, 'cử đảng viên học bù tại chi bộ khác');
    const { session } = loaded;
    // A retried request (same Idempotency-Key) answers with the session as the first one left it.
    const request = { tenantId: session.tenantId, actorId: actor.userId, scope: `guest:${session.id}:${memberId}`, key: idempotencyKey, taken: () => keyTaken('session') };
    const { result } = await createOnce(tx, request, {
      replay: async () => describeSession(tx, actor, await loadSession(tx, makeUpId)),
      create: async () => {
        if (session.kind !== 'make-up') throw badRequest('session.not-make-up', 'Chỉ cử đảng viên đến buổi học bù.');
        const owed = (await makeUpLedger(tx, session.tenantId, session.planId)).find((r) => r.memberId === memberId && !r.madeUp);
        if (!owed) throw badRequest('session.guest-not-owed', 'Đảng viên này không còn nợ buổi học tập nào của kế hoạch.');
        const expectation = await expectationOf(tx, session);
        if (expectation.expected.some((p) => p.memberId === memberId)) throw badRequest('session.guest-already-expected', `${owed.fullName} đã có trong danh sách buổi học bù này.`);
        await tx.insert(sessionGuests).values({ tenantId: session.tenantId, sessionId: session.id, memberId, createdAt: now() });
        await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.guest', entity: 'session', entityId: session.id, after: { memberId } });
        return { id: session.id, result: await describeSession(tx, actor, await loadSession(tx, makeUpId)) };
      },
    });
    return result;
  });
}
