// The yearly record ("lấy kết quả thực hiện làm thước đo đánh giá cán bộ, đảng viên hàng năm"): for each
// resolution of the year's issued plans that reach a member's cell, the member's attendance (their
// cell's session, the ward conference's roll call, make-ups: domain/study-record.ts), their reflection
// and its review, and their quiz result. Read for many members in a few statements (a cell's XLSX).
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden, notFound } from '../../errors';
import { isWithin } from '../../../domain/org-tree';
import { studyAttendance, type StudyAttendance, type StudyMark } from '../../../domain/study-record';
import { sortByVietnameseName } from '../../../domain/vietnamese-names';
import { members, type Member } from '../members/tables';
import { units, type Unit } from '../units/tables';
import { toRef } from '../units/service';
import { planResolutions, plans } from '../plans/tables';
import { resolutions } from '../resolutions/tables';
import { sessionAttendance, studySessions } from '../study-sessions/tables';
import { conferenceAttendance, conferences } from '../conferences/tables';
import { canExportCellRecord, canViewMemberRecord } from './policy';
import { ownMemberOf } from './service';
import { reflections, reviewResultNames, type ReviewResult } from './tables';
import { badYear } from './errors';
import { quizRecords } from '../quiz/record';
import { readTogether } from '../../db/read-together';

export interface QuizRecord {
  /** The counted score, 0–1 (best or last attempt as the ward chose); null while none is finished. */
  best: number | null;
  attempts: number;
}


export interface RecordRow {
  resolutionId: string;
  number: string;
  subject: string;
  planId: string;
  planNumber: string | null;
  issuedOn: string | null;
  attendance: StudyAttendance | null;
  reflection: { submittedAt: string; late: boolean; review: { result: ReviewResult; resultName: string; comment: string | null; reviewerName: string | null; reviewedAt: string | null } | null } | null;
  quiz: QuizRecord | null;
}

type RecordMember = Pick<Member, 'id' | 'tenantId' | 'personId' | 'fullName'> & { cellPath: string };

export function checkYear(year: number) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badYear();
}

/** The records of `list` (members of one commune) for `year`, by member id. */
export async function recordsOf(db: DbOrTx, tenantId: string, list: readonly RecordMember[], year: number): Promise<Map<string, RecordRow[]>> {
  const result = new Map<string, RecordRow[]>(list.map((m) => [m.id, []]));
  if (list.length === 0) return result;
  const yearPlans = await db
    .select({ id: plans.id, number: plans.number, symbol: plans.symbol, issuedOn: plans.issuedOn, issuerPath: units.path })
    .from(plans)
    .innerJoin(units, and(eq(units.tenantId, plans.tenantId), eq(units.id, plans.issuerUnitId)))
    .where(and(eq(plans.tenantId, tenantId), eq(plans.status, 'issued'), gte(plans.issuedOn, `${year}-01-01`), lte(plans.issuedOn, `${year}-12-31`)))
    .orderBy(asc(plans.issuedOn), asc(plans.number));
  if (yearPlans.length === 0) return result;
  const planIds = yearPlans.map((p) => p.id);
  const memberIds = list.map((m) => m.id);
  const personIds = list.map((m) => m.personId);
  const [links, sessionMarks, conferenceMarks, written] = await readTogether(db, [
    () => db
      .select({ planId: planResolutions.planId, id: resolutions.id, number: resolutions.number, subject: resolutions.subject })
      .from(planResolutions)
      .innerJoin(resolutions, and(eq(resolutions.tenantId, planResolutions.tenantId), eq(resolutions.id, planResolutions.resolutionId)))
      .where(and(eq(planResolutions.tenantId, tenantId), inArray(planResolutions.planId, planIds)))
      .orderBy(asc(resolutions.number)),
    () => db
      .select({ memberId: sessionAttendance.memberId, planId: studySessions.planId, kind: studySessions.kind, status: sessionAttendance.status })
      .from(sessionAttendance)
      .innerJoin(studySessions, and(eq(studySessions.tenantId, sessionAttendance.tenantId), eq(studySessions.id, sessionAttendance.sessionId)))
      .where(and(eq(sessionAttendance.tenantId, tenantId), inArray(studySessions.planId, planIds), inArray(sessionAttendance.memberId, memberIds))),
    () => db
      .select({ personId: conferenceAttendance.personId, planId: conferences.planId, status: conferenceAttendance.status })
      .from(conferenceAttendance)
      .innerJoin(conferences, and(eq(conferences.tenantId, conferenceAttendance.tenantId), eq(conferences.id, conferenceAttendance.conferenceId)))
      .where(and(eq(conferenceAttendance.tenantId, tenantId), inArray(conferences.planId, planIds), inArray(conferenceAttendance.personId, personIds))),
    () => db.select().from(reflections).where(and(eq(reflections.tenantId, tenantId), inArray(reflections.planId, planIds), inArray(reflections.memberId, memberIds))),
  ]);
  // The quiz's part (quiz/record.ts): the counted score and the attempts, by member and resolution.
  const quiz = await quizRecords(db, tenantId, memberIds, year);
  const marks = new Map<string, StudyMark[]>();
  const push = (key: string, mark: StudyMark) => marks.set(key, [...(marks.get(key) ?? []), mark]);
  for (const m of sessionMarks) push(`${m.memberId}:${m.planId}`, { source: m.kind === 'make-up' ? 'make-up' : 'session', status: m.status });
  const memberOfPerson = new Map(list.map((m) => [m.personId, m.id]));
  for (const m of conferenceMarks) push(`${memberOfPerson.get(m.personId)}:${m.planId}`, { source: 'conference', status: m.status });
  const reflectionOf = new Map(written.map((r) => [`${r.memberId}:${r.planId}`, r]));
  for (const member of list) {
    const rows = result.get(member.id)!;
    for (const plan of yearPlans) {
      if (!isWithin(member.cellPath, plan.issuerPath)) continue;
      const key = `${member.id}:${plan.id}`;
      const attendance = studyAttendance(marks.get(key) ?? []);
      const r = reflectionOf.get(key);
      for (const link of links.filter((l) => l.planId === plan.id)) {
        rows.push({
          resolutionId: link.id,
          number: link.number,
          subject: link.subject,
          planId: plan.id,
          planNumber: plan.number ? `${plan.number}-${plan.symbol}` : null,
          issuedOn: plan.issuedOn,
          attendance,
          reflection: r
            ? {
                submittedAt: r.submittedAt.toISOString(),
                late: r.late,
                review: r.reviewResult
                  ? { result: r.reviewResult, resultName: reviewResultNames[r.reviewResult], comment: r.reviewComment, reviewerName: r.reviewerName, reviewedAt: r.reviewedAt?.toISOString() ?? null }
                  : null,
              }
            : null,
          quiz: quiz.get(`${member.id}:${link.id}`) ?? null,
        });
      }
    }
  }
  return result;
}

async function cellOf(db: DbOrTx, member: Pick<Member, 'tenantId' | 'cellId'>) {
  const [cell] = await db.select().from(units).where(and(eq(units.tenantId, member.tenantId), eq(units.id, member.cellId)));
  return cell ?? null;
}

/** A member by id the actor may read the record of: 404 otherwise (another member's record is not theirs to know). */
export async function loadMemberRecordFor(db: DbOrTx, actor: Actor, memberId: string) {
  const [member] = await db.select().from(members).where(eq(members.id, memberId));
  if (!member) throw notFound('member');
  const cell = await cellOf(db, member);
  const own = await ownMemberOf(db, actor);
  if (!cell || !canViewMemberRecord(actor, { id: member.id, tenantId: member.tenantId }, toRef(cell), own?.id ?? null)) throw notFound('member');
  return { member, cell };
}

/** GET /api/members/:id/record?year=: the stable answer, with who the member is. */
export async function memberRecord(db: DbOrTx, actor: Actor, memberId: string, year: number) {
  checkYear(year);
  const { member, cell } = await loadMemberRecordFor(db, actor, memberId);
  const rows = (await recordsOf(db, member.tenantId, [{ ...member, cellPath: cell.path }], year)).get(member.id) ?? [];
  return { year, member: { id: member.id, tenantId: member.tenantId, fullName: member.fullName, cellId: cell.id, cellName: cell.name }, resolutions: rows };
}

/** A cell (or grassroots organisation) the actor may export the record of: 404 outside their commune, 403 inside. */
export async function loadCellForRecord(db: DbOrTx, actor: Actor, unitId: string): Promise<Unit> {
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  if (!unit || (unit.tenantId !== actor.communeId && !canExportCellRecord(actor, toRef(unit)))) throw notFound('unit');
  if (!canExportCellRecord(actor, toRef(unit))) throw forbidden('tải kết quả học tập của chi bộ này');
  return unit;
}

/** The members of the cell during the year (those who left before it began are not), by name, with their records. */
export async function cellRecord(db: DbOrTx, unit: Unit, year: number) {
  checkYear(year);
  const list = await db
    .select({ id: members.id, tenantId: members.tenantId, personId: members.personId, fullName: members.fullName, exempt: members.exempt, cellPath: units.path, cellName: units.name })
    .from(members)
    .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
    .where(and(eq(members.tenantId, unit.tenantId), eq(members.cellId, unit.id), or(isNull(members.leftOn), gte(members.leftOn, `${year}-01-01`))));
  const sorted = sortByVietnameseName(list, (m) => m.fullName);
  const records = await recordsOf(db, unit.tenantId, sorted, year);
  return sorted.map((m) => ({ member: m, rows: records.get(m.id) ?? [] }));
}
