// A study session's page and its writes: scheduling and the minutes' content, attendance, held, the
// ward's "studies at the conference" flag. Every write is version-conditional, transactional and audited.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { countAttendance, marksMissingReason, unexpectedMarks, type AttendanceMark } from '../../../domain/attendance';
import { studySessionStatus } from '../../../domain/study-sessions';
import { isWithinWindow, sessionWindow } from '../../../domain/session-window';
import { updateVersioned } from '../../db/versioned';
import { createOnce, keyTaken } from '../../idempotency';
import { recordAudit } from '../audit/service';
import { toRef } from '../units/service';
import { canPlanSessions, canRunSession, canViewSession } from './policy';
import { assertReportNotAccepted, expectationOf, loadSessionFor, marksOf, namesOf, type Expectation, type LoadedSession, type SessionMark } from './load';
import { sessionAttendance, studySessions, type StudySession } from './tables';
import { completeFollowingTasks } from '../tasks/follow';
import { conferences } from '../conferences/tables';
import type { AttendanceInput, ScheduleInput, SessionDetail } from './schema';

export function statusOf(session: Pick<StudySession, 'scheduledAt' | 'heldOn' | 'atConference' | 'due'>, at = now()) {
  return studySessionStatus({ scheduledAt: session.scheduledAt, heldOn: session.heldOn, atConference: session.atConference, deadline: session.due }, at);
}

export async function describeSession(db: DbOrTx, actor: Actor, loaded: LoadedSession, known?: Expectation, knownMarks?: SessionMark[]): Promise<SessionDetail> {
  const { session, unit, planIssuedOn } = loaded;
  const expectation = known ?? (await expectationOf(db, session));
  const marks = knownMarks ?? (await marksOf(db, session, expectation));
  const { tenantId: _t, createdAt: _c, updatedAt: _u, due: _d, ...fields } = session;
  return {
    ...fields,
    unitName: unit.name,
    status: statusOf(session),
    window: sessionWindow(session.due, planIssuedOn),
    ...expectation,
    marks,
    counts: countAttendance(expectation.expected.map((p) => p.memberId), expectation.exempt.length, marks as AttendanceMark[]),
    abilities: { run: canRunSession(actor, toRef(unit)), plan: canPlanSessions(actor, toRef(unit)) },
  };
}

/** GET /api/sessions/:id. */
export async function sessionFor(db: DbOrTx, actor: Actor, id: string) {
  return describeSession(db, actor, await loadSessionFor(db, actor, id, canViewSession, 'xem buổi sinh hoạt này'));
}

const vietnamDay = (instant: string) => todayInVietnam(new Date(instant));

/** Date, time, place, form, reporter, people reached, notes and opinions (canRunSession). */
export async function updateSchedule(db: Db, actor: Actor, id: string, input: ScheduleInput, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const loaded = await loadSessionFor(tx, actor, id, canRunSession, 'sửa buổi sinh hoạt của chi bộ khác');
    return once(tx, actor, loaded, 'session-record', idempotencyKey, () => writeSchedule(tx, actor, loaded, input));
  });
}

/**
 * A versioned write of the session a phone may send twice (its queued entry, the answer lost on the
 * way back): the same Idempotency-Key again answers with the session as it is, writing nothing.
 */
async function once(tx: Tx, actor: Actor, loaded: LoadedSession, what: string, key: string | undefined, write: () => Promise<SessionDetail>) {
  const { session } = loaded;
  const request = { tenantId: session.tenantId, actorId: actor.userId, scope: `${what}:${session.id}`, key, taken: () => keyTaken('session') };
  const { result } = await createOnce(tx, request, { replay: () => describeSession(tx, actor, loaded), create: async () => ({ id: session.id, result: await write() }) });
  return result;
}

async function writeSchedule(tx: Tx, actor: Actor, loaded: LoadedSession, input: ScheduleInput) {
  const { session } = loaded;
  const id = session.id;
  if (input.version !== session.version) throw conflict('session', await describeSession(tx, actor, loaded));
  const { version, confirmOutsideWindow, scheduledAt, ...rest } = input;
  if (scheduledAt && session.kind === 'regular') {
    const window = sessionWindow(session.due, loaded.planIssuedOn);
    const day = vietnamDay(scheduledAt);
    if (!isWithinWindow(day, window) && !confirmOutsideWindow) {
      const range = window.to ? `từ ${fmt(window.from)} đến ${fmt(window.to)}` : `từ ${fmt(window.from)}`;
      throw badRequest('session.outside-window', `Ngày ${fmt(day)} nằm ngoài thời gian kế hoạch đề ra (${range}). Nếu vẫn giữ ngày này, hãy xác nhận.`, { window });
    }
  }
  const changes = { ...rest, ...(scheduledAt !== undefined ? { scheduledAt: scheduledAt === null ? null : new Date(scheduledAt) } : {}) };
  const updated = await updateVersioned(tx, studySessions, keyOf(session), version, { ...changes, updatedAt: now() }, { entity: 'session' });
  await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.update', entity: 'session', entityId: id, before: session, after: updated });
  return describeSession(tx, actor, { ...loaded, session: updated });
}

const fmt = (iso: string) => iso.split('-').reverse().join('/');
export const keyOf = (s: Pick<StudySession, 'tenantId' | 'id'>) => and(eq(studySessions.tenantId, s.tenantId), eq(studySessions.id, s.id));

/**
 * PUT /api/sessions/:id/attendance: sets the marks of the members given (others keep theirs, so a QR
 * check-in made meanwhile is not lost). Someone not expected is refused by name; excused and absent
 * need a reason.
 */
export async function saveAttendance(db: Db, actor: Actor, id: string, input: AttendanceInput, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const loaded = await loadSessionFor(tx, actor, id, canRunSession, 'điểm danh buổi sinh hoạt của chi bộ khác');
    const { session } = loaded;
    // A phone that sends its queued save again (the answer was lost) gets the session as it is: stored once.
    if (idempotencyKey && session.attendanceKey === idempotencyKey) return describeSession(tx, actor, loaded);
    if (input.version !== session.version) throw conflict('session', await describeSession(tx, actor, loaded));
    assertReportNotAccepted(loaded);
    const expectation = await expectationOf(tx, session);
    const marks = [...new Map(input.marks.map((m) => [m.memberId, m])).values()];
    const unexpected = unexpectedMarks(expectation.expected.map((p) => p.memberId), marks);
    if (unexpected.length > 0) {
      const named = await namesOf(tx, session.tenantId, unexpected);
      const names = unexpected.map((mid) => named.find((n) => n.memberId === mid)?.fullName ?? mid);
      throw badRequest('session.not-expected', `Không thuộc danh sách phải dự buổi sinh hoạt này: ${names.join(', ')}.`, { memberIds: unexpected });
    }
    const missing = marksMissingReason(marks);
    if (missing.length > 0) {
      const names = missing.map((mid) => expectation.expected.find((p) => p.memberId === mid)!.fullName);
      throw badRequest('session.reason-required', `Hãy ghi lý do vắng của: ${names.join(', ')}.`, { memberIds: missing });
    }
    if (marks.length === 0) {
      const updated = await updateVersioned(tx, studySessions, keyOf(session), input.version, { updatedAt: now(), attendanceKey: idempotencyKey ?? null }, { entity: 'session' });
      await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.attendance', entity: 'session', entityId: id, before: { version: session.version }, after: { version: updated.version, marks } });
      return describeSession(tx, actor, { ...loaded, session: updated }, expectation);
    }
    // One statement bumps the version (only if still the one sent: a save that came first leaves no
    // row, and nothing below is written), writes the marks (one JSON parameter: a hundred members are
    // one value to bind, not seven hundred), records the audit entry and reads back the session's
    // marks: those written, and the others as they were.
    const at = now();
    const iso = at.toISOString();
    const rows = JSON.stringify(marks.map((m) => ({ member_id: m.memberId, status: m.status, reason: m.reason?.trim() || null })));
    const audit = JSON.stringify({ version: input.version + 1, marks });
    const result = await tx.execute(sql`
      WITH v AS (
        UPDATE study_sessions SET version = version + 1, updated_at = ${iso}::timestamptz, attendance_key = ${idempotencyKey ?? null}
        WHERE tenant_id = ${session.tenantId}::uuid AND id = ${id}::uuid AND version = ${input.version}::int
        RETURNING version
      ), r AS (SELECT * FROM json_to_recordset(${rows}::json) AS r(member_id uuid, status text, reason text)),
      up AS (
        INSERT INTO session_attendance (tenant_id, session_id, member_id, status, reason, marked_by, updated_at)
        SELECT ${session.tenantId}::uuid, ${id}::uuid, r.member_id, r.status, r.reason, ${actor.userId}::uuid, ${iso}::timestamptz FROM r
        WHERE EXISTS (SELECT 1 FROM v)
        ON CONFLICT (tenant_id, session_id, member_id) DO UPDATE
          SET status = excluded.status, reason = excluded.reason, marked_by = excluded.marked_by, updated_at = excluded.updated_at
        RETURNING member_id, status, reason, checked_in_at
      ), audited AS (
        INSERT INTO audit_log (tenant_id, actor_id, at, action, entity, entity_id, before, after)
        SELECT ${session.tenantId}::uuid, ${actor.userId}::uuid, ${iso}::timestamptz, 'session.attendance', 'session', ${id}, ${JSON.stringify({ version: session.version })}::jsonb, ${audit}::jsonb
        WHERE EXISTS (SELECT 1 FROM v)
      )
      SELECT member_id, status, reason, checked_in_at, EXISTS (SELECT 1 FROM v) AS bumped FROM up
      UNION ALL
      SELECT a.member_id, a.status, a.reason, a.checked_in_at, EXISTS (SELECT 1 FROM v) FROM session_attendance a
      WHERE a.tenant_id = ${session.tenantId}::uuid AND a.session_id = ${id}::uuid AND NOT EXISTS (SELECT 1 FROM r WHERE r.member_id = a.member_id)`);
    const written = (result as unknown as { rows: { bumped: boolean }[] }).rows;
    // Another save came first (READ COMMITTED: both read version N): 409, and this one wrote nothing.
    if (!written[0]?.bumped) throw conflict('session');
    const updated: StudySession = { ...session, version: input.version + 1, updatedAt: at, attendanceKey: idempotencyKey ?? null };
    type Row = { member_id: string; status: SessionMark['status']; reason: string | null; checked_in_at: Date | string | null };
    const own = (result as unknown as { rows: Row[] }).rows.map((r) => ({
      memberId: r.member_id,
      status: r.status,
      reason: r.reason,
      checkedInAt: r.checked_in_at === null ? null : new Date(r.checked_in_at),
    }));
    // A cell studying at the ward conference also shows the conference's marks: read them as usual.
    const known = session.kind === 'regular' && session.atConference ? undefined : own;
    return describeSession(tx, actor, { ...loaded, session: updated }, expectation, known);
  });
}

/** POST /api/sessions/:id/held: only with attendance recorded, on a day that has come. */
export async function markHeld(db: Db, actor: Actor, id: string, input: { version: number; heldOn: string }, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const loaded = await loadSessionFor(tx, actor, id, canRunSession, 'ghi nhận buổi sinh hoạt của chi bộ khác');
    return once(tx, actor, loaded, 'session-held', idempotencyKey, () => writeHeld(tx, actor, loaded, input));
  });
}

async function writeHeld(tx: Tx, actor: Actor, loaded: LoadedSession, input: { version: number; heldOn: string }) {
  const { session } = loaded;
  const id = session.id;
  if (input.version !== session.version) throw conflict('session', await describeSession(tx, actor, loaded));
  if (input.heldOn > todayInVietnam(now())) throw badRequest('session.held-in-future', 'Ngày tổ chức không thể sau hôm nay.');
  assertReportNotAccepted(loaded);
  if (input.heldOn < loaded.planIssuedOn) throw badRequest('session.held-before-plan', `Ngày tổ chức không thể trước ngày ban hành kế hoạch (${fmt(loaded.planIssuedOn)}).`);
  const [marked] = await tx.select({ n: sql<number>`count(*)::int` }).from(sessionAttendance).where(and(eq(sessionAttendance.tenantId, session.tenantId), eq(sessionAttendance.sessionId, id)));
  if (!marked || marked.n === 0) throw badRequest('session.no-attendance', 'Chưa điểm danh: hãy ghi nhận người dự trước khi xác nhận đã tổ chức buổi sinh hoạt.');
  const updated = await updateVersioned(tx, studySessions, keyOf(session), input.version, { heldOn: input.heldOn, updatedAt: now() }, { entity: 'session' });
  await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.held', entity: 'session', entityId: id, before: session, after: updated });
  // The cell's "tổ chức học tập" task of the plan follows its session: done the day it was held.
  if (session.kind === 'regular') {
    await completeFollowingTasks(tx, { tenantId: session.tenantId, planId: session.planId, unitId: session.unitId, follows: 'study-session', on: input.heldOn, actorId: actor.userId });
  }
  return describeSession(tx, actor, { ...loaded, session: updated });
}

/** The ward marks a cell as studying at the ward conference (canPlanSessions). */
export async function setAtConference(db: Db, actor: Actor, id: string, input: { version: number; atConference: boolean }) {
  return db.transaction(async (tx) => {
    const loaded = await loadSessionFor(tx, actor, id, canPlanSessions, 'đánh dấu học tập tại hội nghị cấp phường');
    const { session } = loaded;
    if (input.version !== session.version) throw conflict('session', await describeSession(tx, actor, loaded));
    const updated = await updateVersioned(tx, studySessions, keyOf(session), input.version, { atConference: input.atConference, updatedAt: now() }, { entity: 'session' });
    await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.at-conference', entity: 'session', entityId: id, before: session, after: updated });
    // Marked after the ward conference was held: the cell has studied there, its study task is done on that day
    // (marked before, the conference's "held" completes it: conferences/attendance.ts).
    if (input.atConference) {
      const [held] = await tx
        .select({ heldOn: conferences.heldOn })
        .from(conferences)
        .where(and(eq(conferences.tenantId, session.tenantId), eq(conferences.planId, session.planId), eq(conferences.status, 'held')))
        .limit(1);
      if (held?.heldOn) await completeFollowingTasks(tx, { tenantId: session.tenantId, planId: session.planId, unitId: session.unitId, follows: 'study-session', on: held.heldOn, actorId: actor.userId });
    }
    return describeSession(tx, actor, { ...loaded, session: updated });
  });
}
