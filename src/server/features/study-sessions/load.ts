// Loading a session with its unit and plan, asking a policy of it, and who is expected at it.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor, UnitRef } from '../../auth/actor';
import { forbidden, notFound, stateConflict } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { sortByVietnameseName } from '../../../domain/vietnamese-names';
import { needsMakeUp, type AttendanceMark, type AttendanceStatus } from '../../../domain/attendance';
import { canKnowUnit } from '../units/policy';
import { units, type Unit } from '../units/tables';
import { toRef } from '../units/service';
import { plans } from '../plans/tables';
import { members } from '../members/tables';
import { membersAsOf } from '../members/as-of';
import { sessionAttendance, sessionGuests, studySessions, type StudySession } from './tables';
import { cellReports } from '../reports/tables';

export interface LoadedSession {
  session: StudySession;
  unit: Unit;
  planIssuedOn: string;
  /** The cell's report on this session, if any: an accepted one locks the figures (assertReportNotAccepted). */
  reportStatus: string | null;
}

export async function loadSession(db: DbOrTx, id: string): Promise<LoadedSession> {
  // The plan's day as a scalar subquery: with a third table joined, a planner without statistics
  // (PGlite runs no autovacuum) matched the unit on the tenant alone and scanned every unit of it.
  const [row] = await db
    .select({
      session: studySessions,
      unit: units,
      planIssuedOn: sql<string | null>`(select ${plans.issuedOn}::text from ${plans} where ${plans.tenantId} = ${studySessions.tenantId} and ${plans.id} = ${studySessions.planId})`,
      reportStatus: sql<string | null>`(select ${cellReports.status} from ${cellReports} where ${cellReports.tenantId} = ${studySessions.tenantId} and ${cellReports.sessionId} = ${studySessions.id})`,
    })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(eq(studySessions.id, id));
  if (!row) throw notFound('session');
  return { session: row.session, unit: row.unit, planIssuedOn: row.planIssuedOn ?? todayInVietnam(now()), reportStatus: row.reportStatus };
}

/** Another commune's session is not found; one the actor knows of but may not act on is forbidden. */
export async function loadSessionFor(db: DbOrTx, actor: Actor, id: string, allowed: (actor: Actor, unit: UnitRef) => boolean, action: string) {
  const loaded = await loadSession(db, id);
  checkSessionAccess(actor, loaded, allowed, action);
  return loaded;
}

/** loadSessionFor's checks of a session already read (with its unit). */
export function checkSessionAccess(actor: Actor, loaded: Pick<LoadedSession, 'unit'>, allowed: (actor: Actor, unit: UnitRef) => boolean, action: string) {
  const ref = toRef(loaded.unit);
  if (!canKnowUnit(actor, ref)) throw notFound('session');
  if (!allowed(actor, ref)) throw forbidden(action);
}

/** The day membership is read for: the day it was held, else the day it is scheduled, else today. */
export function sessionDate(session: Pick<StudySession, 'heldOn' | 'scheduledAt'>): string {
  if (session.heldOn) return session.heldOn;
  return todayInVietnam(session.scheduledAt ?? now());
}

export interface Person {
  memberId: string;
  fullName: string;
}

export interface Expectation {
  expected: Person[];
  exempt: Person[];
  /** Members sent from other cells to a make-up session (included in `expected`). */
  guests: Person[];
}

export interface SessionMark {
  memberId: string;
  status: AttendanceStatus;
  reason: string | null;
  checkedInAt: Date | null;
  /** Taken from the ward conference's roll call (a cell studying at the conference), not marked at the session. */
  fromConference?: boolean;
}

/** The marks recorded at the session itself. */
export async function ownMarksOf(db: DbOrTx, session: Pick<StudySession, 'tenantId' | 'id'>): Promise<SessionMark[]> {
  return db
    .select({ memberId: sessionAttendance.memberId, status: sessionAttendance.status, reason: sessionAttendance.reason, checkedInAt: sessionAttendance.checkedInAt })
    .from(sessionAttendance)
    .where(and(eq(sessionAttendance.tenantId, session.tenantId), eq(sessionAttendance.sessionId, session.id)));
}

/**
 * The session's marks: its own, and for a cell studying at the ward conference ("at-conference")
 * the conference's roll call for its expected members who have no mark of their own (the cell may
 * still hold a session: its own marks win). Read by the session's page, the report's figures and
 * the make-ups.
 */
export async function marksOf(db: DbOrTx, session: Pick<StudySession, 'tenantId' | 'id' | 'kind' | 'atConference' | 'planId' | 'unitId'>, expectation?: Pick<Expectation, 'expected'>): Promise<SessionMark[]> {
  const own = await ownMarksOf(db, session);
  if (session.kind !== 'regular' || !session.atConference) return own;
  const expected = new Set((expectation ?? (await expectationOf(db, session as StudySession))).expected.map((p) => p.memberId));
  const marked = new Set(own.map((m) => m.memberId));
  const fromConference = (await conferenceMarksOfUnit(db, session)).filter((m) => expected.has(m.memberId) && !marked.has(m.memberId));
  return [...own, ...fromConference];
}

const rank: Record<AttendanceStatus, number> = { present: 0, late: 1, excused: 2, absent: 3 };

/**
 * The marks the plan's ward conferences (convocation sent, or held) gave the members placed in the
 * unit's subtree, one per member: their best one when the plan held more than one conference.
 */
export async function conferenceMarksOfUnit(db: DbOrTx, session: Pick<StudySession, 'tenantId' | 'planId' | 'unitId'>): Promise<SessionMark[]> {
  const result = await db.execute(sql`
    SELECT m.id AS member_id, ca.status, ca.reason, ca.marked_at
    FROM conference_attendance ca
    JOIN conferences c ON c.tenant_id = ca.tenant_id AND c.id = ca.conference_id
    JOIN members m ON m.tenant_id = ca.tenant_id AND m.person_id = ca.person_id
    JOIN units u ON u.tenant_id = m.tenant_id AND u.id = m.cell_id
    JOIN units s ON s.tenant_id = ${session.tenantId}::uuid AND s.id = ${session.unitId}::uuid
    WHERE ca.tenant_id = ${session.tenantId}::uuid AND c.plan_id = ${session.planId}::uuid AND c.status <> 'draft'
      AND u.path LIKE s.path || '%'`);
  const best = new Map<string, SessionMark>();
  for (const row of (result as unknown as { rows: { member_id: string; status: AttendanceStatus; reason: string | null }[] }).rows) {
    const seen = best.get(row.member_id);
    if (!seen || rank[row.status] < rank[seen.status]) best.set(row.member_id, { memberId: row.member_id, status: row.status, reason: row.reason, checkedInAt: null, fromConference: true });
  }
  return [...best.values()];
}

async function namesOf(db: DbOrTx, tenantId: string, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return db.select({ memberId: members.id, fullName: members.fullName }).from(members).where(and(eq(members.tenantId, tenantId), inArray(members.id, [...ids])));
}

/**
 * Expected at a regular session: the unit's members as of the session's day, exempt ones apart.
 * At a make-up session: those the original session left owing (excused or absent), and the guests.
 */
export async function expectationOf(db: DbOrTx, session: StudySession): Promise<Expectation> {
  const byName = (list: Person[]) => sortByVietnameseName(list, (p) => p.fullName);
  if (session.kind === 'regular' || !session.makeUpOfId) {
    const list = await membersAsOf(db, session.tenantId, [session.unitId], sessionDate(session));
    const pick = (exempt: boolean) => byName(list.filter((m) => m.exempt === exempt).map(({ memberId, fullName }) => ({ memberId, fullName })));
    return { expected: pick(false), exempt: pick(true), guests: [] };
  }
  const [original] = await db.select().from(studySessions).where(and(eq(studySessions.tenantId, session.tenantId), eq(studySessions.id, session.makeUpOfId)));
  const originalMarks = (original ? await marksOf(db, original) : []) as AttendanceMark[];
  const guestIds = (
    await db.select({ memberId: sessionGuests.memberId }).from(sessionGuests).where(and(eq(sessionGuests.tenantId, session.tenantId), eq(sessionGuests.sessionId, session.id)))
  ).map((g) => g.memberId);
  const owed = await namesOf(db, session.tenantId, needsMakeUp(originalMarks));
  const guests = await namesOf(db, session.tenantId, guestIds.filter((id) => !owed.some((o) => o.memberId === id)));
  return { expected: byName([...owed, ...guests]), exempt: [], guests: byName(guests) };
}

/**
 * The session a QR check-in names, as a one-row CTE "s" (none when it is not of the commune): what
 * the decision needs and the day membership is read for (held, else scheduled, else today; in Hà Nội).
 */
export function checkInSessionSql(tenantId: string, id: string, at: string): SQL {
  return sql`
    SELECT ss.tenant_id, ss.id, ss.kind, ss.make_up_of_id, ss.plan_id, u.path AS unit_path, u.name AS unit_name,
           coalesce(ss.held_on, (coalesce(ss.scheduled_at, ${at}::timestamptz) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS day
    FROM study_sessions ss JOIN units u ON u.tenant_id = ss.tenant_id AND u.id = ss.unit_id
    WHERE ss.tenant_id = ${tenantId}::uuid AND ss.id = ${id}::uuid`;
}

/**
 * One row (the member's id) when the member is expected at the session "s", none otherwise, as SQL
 * the check-in's single statement builds on: a regular session expects a member placed in its unit's
 * subtree on its day and not exempt; a make-up session, one the original left owing (excused or
 * absent, at the session or, for a cell studying at the ward conference, at the held conference) or
 * a guest sent to it. Reads one member, not the cell.
 */
export function expectedAtSessionSql(memberId: SQL, branch: 'regular' | 'make-up'): SQL {
  // One branch per statement: the planner plans what the session needs (a make-up's is four times larger).
  if (branch === 'regular') {
    return sql`
    SELECT p.member_id FROM s
    JOIN membership_events p ON p.tenant_id = s.tenant_id AND p.member_id = ${memberId}
    JOIN units cu ON cu.tenant_id = p.tenant_id AND cu.id = p.cell_id
    WHERE p.kind IN ('joined', 'transferIn', 'transferWithin') AND p.effective_on <= s.day AND (p.to_on IS NULL OR p.to_on >= s.day)
      AND cu.path LIKE s.unit_path || '%'
      AND NOT EXISTS (SELECT 1 FROM membership_events x
                      WHERE x.tenant_id = s.tenant_id AND x.member_id = ${memberId} AND x.kind = 'exemption'
                        AND x.effective_on <= s.day AND (x.to_on IS NULL OR x.to_on >= s.day))
    LIMIT 1`;
  }
  return sql`
    SELECT ${memberId} AS member_id FROM s
    WHERE s.kind = 'make-up' AND s.make_up_of_id IS NOT NULL AND (
          EXISTS (SELECT 1 FROM session_attendance o
                  WHERE o.tenant_id = s.tenant_id AND o.session_id = s.make_up_of_id
                    AND o.member_id = ${memberId} AND o.status IN ('excused', 'absent'))
       OR EXISTS (SELECT 1 FROM session_guests g
                  WHERE g.tenant_id = s.tenant_id AND g.session_id = s.id AND g.member_id = ${memberId})
       -- A cell studying at the ward conference: owed by those its held conference marked excused or absent.
       OR EXISTS (SELECT 1 FROM study_sessions o
                  JOIN members m ON m.tenant_id = o.tenant_id AND m.id = ${memberId}
                  JOIN units su ON su.tenant_id = o.tenant_id AND su.id = o.unit_id
                  JOIN units cu ON cu.tenant_id = m.tenant_id AND cu.id = m.cell_id AND cu.path LIKE su.path || '%'
                  WHERE o.tenant_id = s.tenant_id AND o.id = s.make_up_of_id AND o.at_conference
                    AND NOT EXISTS (SELECT 1 FROM session_attendance own WHERE own.tenant_id = o.tenant_id AND own.session_id = o.id AND own.member_id = m.id)
                    AND EXISTS (SELECT 1 FROM conference_attendance ca JOIN conferences c ON c.tenant_id = ca.tenant_id AND c.id = ca.conference_id
                                WHERE ca.tenant_id = m.tenant_id AND ca.person_id = m.person_id AND c.plan_id = o.plan_id AND c.status = 'held' AND ca.status IN ('excused', 'absent'))
                    AND NOT EXISTS (SELECT 1 FROM conference_attendance ca JOIN conferences c ON c.tenant_id = ca.tenant_id AND c.id = ca.conference_id
                                WHERE ca.tenant_id = m.tenant_id AND ca.person_id = m.person_id AND c.plan_id = o.plan_id AND c.status <> 'draft' AND ca.status IN ('present', 'late'))))`;
}

/** A session's kind and what it makes up never change: read once per process (bounded). */
const branches = new Map<string, 'regular' | 'make-up'>();

/** Which branch of expectedAtSessionSql the session needs; null when the commune has no such session. */
export async function checkInBranchOf(db: DbOrTx, tenantId: string, id: string): Promise<'regular' | 'make-up' | null> {
  const key = `${tenantId}/${id}`;
  const known = branches.get(key);
  if (known) return known;
  const [row] = await db
    .select({ kind: studySessions.kind, makeUpOfId: studySessions.makeUpOfId })
    .from(studySessions)
    .where(and(eq(studySessions.tenantId, tenantId), eq(studySessions.id, id)));
  if (!row) return null;
  const branch = row.kind === 'make-up' && row.makeUpOfId ? 'make-up' : 'regular';
  if (branches.size >= 10_000) branches.clear();
  branches.set(key, branch);
  return branch;
}

export { namesOf };

/**
 * Once the ward has accepted the cell's report on a session, its figures are the ward's: attendance
 * and the held date no longer change (409). An accepted report is final (domain/report-figures: the
 * ward re-scores it, never returns it), so the message sends the secretary to the ward office.
 */
export function assertReportNotAccepted(loaded: Pick<LoadedSession, 'reportStatus'>) {
  if (loaded.reportStatus === 'accepted') {
    throw stateConflict(
      'session.report-accepted',
      'Đảng ủy đã tiếp nhận báo cáo của chi bộ về buổi sinh hoạt này nên điểm danh và ngày tổ chức đã khóa theo số liệu đã báo cáo. Nếu số liệu có sai sót, hãy báo Văn phòng Đảng ủy để ghi nhận khi kiểm tra, chấm lại báo cáo.',
    );
  }
}
