// A cell's report on its study session: prefilled from the session and its attendance, scored with
// the commune's rubric, then draft → submitted → returned (with a comment) → submitted → accepted;
// the ward may re-score (both scores kept). Every write is version-conditional, transactional,
// audited, and keeps the whole row as a version (cell_report_versions).
import { and, desc, eq, sql } from 'drizzle-orm';
import { prepared } from '../../db/prepared';
import { completeFollowingTasks } from '../tasks/follow';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, forbidden, notFound, stateConflict } from '../../errors';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { createOnce, keyTaken } from '../../idempotency';
import { todayInVietnam } from '../../../domain/dates';
import { countAttendance, type AttendanceCounts, type AttendanceMark } from '../../../domain/attendance';
import { describeScoreProblem, rubricItems, scoreProblems, scoreReport, type RubricContent, type Score } from '../../../domain/rubrics';
import { canTransition, reportFigures, type ReportAction, type ReportFigures } from '../../../domain/report-figures';
import { recordAudit } from '../audit/service';
import { users } from '../../auth/tables';
import { canKnowUnit } from '../units/policy';
import { toRef } from '../units/service';
import { units, type Unit } from '../units/tables';
import { plans, type Plan } from '../plans/tables';
import { expectationOf, loadSessionFor, marksOf } from '../study-sessions/load';
import { madeUpCountOfSession } from '../study-sessions/make-up';
import type { StudySession } from '../study-sessions/tables';
import { canInspectSession, canReviewReport, canViewReport, canWriteReport } from './policy';
import { describeRubric, ensureCurrentRubric, loadRubric } from './rubric';
import { describeReport, detailOf, inspectionsOf, reportingSessionsWithFigures, type FigureInputs, type ReportingSession } from './detail';
import { cellReports, cellReportVersions, sessionInspections, type CellReport, type ReportVersionAction, type Rubric, type WardScoring } from './tables';
import type { ReportInput } from './schema';
import { isLocked, lockedConflict } from './consolidated-report';
import { refreshPlanFigures } from './consolidation';
import { propagandaTotals } from '../propaganda/service';

/** A session's figures from its attendance counts and make-ups done, with the people it reached. */
export function sessionFigures(session: StudySession, counts: AttendanceCounts, madeUp: number): ReportFigures {
  return reportFigures(counts, madeUp, { youth: session.reachedYouth, association: session.reachedAssociation, public: session.reachedPublic });
}

/** figuresOfSession's figures, from what the session's statement read (the same domain rules). */
export function figuresFromInputs(session: StudySession, counted: FigureInputs): ReportFigures {
  const marks = counted.marks.map(([memberId, status]) => ({ memberId, status }));
  return sessionFigures(session, countAttendance(counted.expected, Number(counted.exempt), marks), Number(counted.madeUp));
}

/** The figures of a session as they stand: its attendance counts, make-ups done, people reached. */
export async function figuresOfSession(db: DbOrTx, session: StudySession): Promise<ReportFigures> {
  const expectation = await expectationOf(db, session);
  const marks = (await marksOf(db, session, expectation)) as AttendanceMark[];
  const counts = countAttendance(expectation.expected.map((p) => p.memberId), expectation.exempt.length, marks);
  // Only members marked excused or absent owe a make-up: with none (at a cell not studying at the ward conference), none made one up.
  const owes = session.atConference || marks.some((m) => m.status === 'excused' || m.status === 'absent');
  const madeUp = owes ? await madeUpCountOfSession(db, session) : 0;
  return sessionFigures(session, counts, madeUp);
}

export function checkScores(rubric: Pick<RubricContent, 'groups'>, scores: readonly Score[]) {
  const problems = scoreProblems(rubric, scores);
  if (problems.length > 0) {
    throw badRequest('report.score-invalid', problems.map(describeScoreProblem).join(' '), { items: problems.map((p) => ({ itemId: p.itemId, problem: p.problem })) });
  }
}

interface LoadedReport {
  report: CellReport;
  unit: Unit;
  plan: Plan;
}

/**
 * The report by id with its unit and plan: every report route's first read, one prepared statement
 * whose plan PGlite keeps, in transactions too (decision 047): planned afresh, this join cost ~2 ms
 * of a submit's ~20.
 */
async function loadReport(db: DbOrTx, id: string): Promise<LoadedReport> {
  const statement = prepared(
    db,
    'report_with_unit_and_plan',
    (d) =>
      d
        .select({ report: cellReports, unit: units, plan: plans })
        .from(cellReports)
        .innerJoin(units, and(eq(units.tenantId, cellReports.tenantId), eq(units.id, cellReports.unitId)))
        .innerJoin(plans, and(eq(plans.tenantId, cellReports.tenantId), eq(plans.id, cellReports.planId)))
        .where(eq(cellReports.id, sql.placeholder('id'))),
    { keepPlanOnPglite: true },
  );
  const [row] = await statement.execute({ id });
  if (!row) throw notFound('report');
  return row;
}

/** Another commune's report is not found; one the actor knows of but may not act on is forbidden. */
async function loadReportFor(db: DbOrTx, actor: Actor, id: string, allowed: (actor: Actor, unit: ReturnType<typeof toRef>) => boolean, action: string) {
  const loaded = await loadReport(db, id);
  const ref = toRef(loaded.unit);
  if (!canKnowUnit(actor, ref)) throw notFound('report');
  if (!allowed(actor, ref)) throw forbidden(action);
  return loaded;
}

/** The row as it was written, for the versions table and the audit log. */
export function snapshotOf(report: CellReport): Record<string, unknown> {
  return JSON.parse(JSON.stringify(report)) as Record<string, unknown>;
}

/** The report's version row and its audit entry as the action leaves the report. */
export function versionRows(actor: Actor, report: CellReport, action: ReportVersionAction, before: CellReport | null, comment: string | null = null) {
  return {
    version: { tenantId: report.tenantId, reportId: report.id, version: report.version, action, comment, snapshot: snapshotOf(report), actorId: actor.userId, at: now() },
    audit: { tenantId: report.tenantId, actorId: actor.userId, action: `report.${action}`, entity: 'report', entityId: report.id, before: before ?? undefined, after: report },
  };
}

export async function recordVersion(tx: Tx, actor: Actor, report: CellReport, action: ReportVersionAction, before: CellReport | null, comment: string | null = null) {
  const rows = versionRows(actor, report, action, before, comment);
  await tx.insert(cellReportVersions).values(rows.version);
  await recordAudit(tx, rows.audit);
}

/** What a new report of the session starts from. */
export function prefillOf(session: StudySession, figures: ReportFigures) {
  return {
    figures,
    form: session.form,
    reporter: session.reporter,
    reportDate: todayInVietnam(now()),
    summary: session.notes,
    opinions: session.opinions,
  };
}

const keyOf = (r: Pick<CellReport, 'tenantId' | 'id'>) => and(eq(cellReports.tenantId, r.tenantId), eq(cellReports.id, r.id));

export async function reportOfSession(db: DbOrTx, session: Pick<StudySession, 'tenantId' | 'id'>) {
  const [row] = await db.select().from(cellReports).where(and(eq(cellReports.tenantId, session.tenantId), eq(cellReports.sessionId, session.id)));
  return row ?? null;
}

export async function planOf(db: DbOrTx, session: StudySession): Promise<Plan> {
  const [plan] = await db.select().from(plans).where(and(eq(plans.tenantId, session.tenantId), eq(plans.id, session.planId)));
  return plan!;
}

/** GET /api/sessions/:id/report: the report if written, else what it would start from. */
export async function sessionReport(db: Db, actor: Actor, sessionId: string) {
  return db.transaction(async (tx) => {
    const loaded = await loadSessionFor(tx, actor, sessionId, canViewReport, 'xem báo cáo của chi bộ khác');
    const { session, unit } = loaded;
    const existing = await reportOfSession(tx, session);
    const rubric = existing ? await loadRubric(tx, session.tenantId, existing.rubricId) : await ensureCurrentRubric(tx, session.tenantId);
    return {
      report: existing ? await describeReport(tx, actor, { report: existing, unit, plan: await planOf(tx, session) }) : null,
      prefill: prefillOf(session, await figuresOfSession(tx, session)),
      rubric: describeRubric(rubric),
      unitName: unit.name,
      sessionHeldOn: session.heldOn,
      inspections: await inspectionsOf(tx, session.tenantId, session.id),
      propaganda: await propagandaTotals(tx, session.tenantId, session.planId, session.unitId),
      abilities: { write: canWriteReport(actor, toRef(unit)) && session.kind === 'regular', inspect: canInspectSession(actor, toRef(unit)) },
    };
  });
}

/** GET /api/reports/:id. */
export async function reportFor(db: DbOrTx, actor: Actor, id: string) {
  return describeReport(db, actor, await loadReportFor(db, actor, id, canViewReport, 'xem báo cáo của chi bộ khác'));
}

/**
 * The report's session read as a creation reads it (reportingSessionsWithFigures, decision 047): with
 * the plan's lock, whether it was inspected and what its figures are counted from, in one statement.
 */
async function reportingSessionOf(tx: Tx, report: CellReport): Promise<ReportingSession> {
  return (await reportingSessionsWithFigures(tx, [report.sessionId])).get(report.sessionId)!;
}

/** The session's figures as they stand: from what its statement read, else counted apart (a cell studying at the ward conference). */
async function figuresOfReporting(tx: Tx, { session, figureInputs }: ReportingSession): Promise<ReportFigures> {
  return figureInputs ? figuresFromInputs(session, figureInputs) : figuresOfSession(tx, session);
}

/**
 * The answer after a change the guard let through (so not locked), built from what was read: only the
 * inspections are read, and only when there are some.
 */
async function answerAfterChange(tx: Tx, actor: Actor, loaded: LoadedReport, updated: CellReport, reporting: ReportingSession, rubric: Rubric) {
  const inspections = reporting.inspected ? await inspectionsOf(tx, updated.tenantId, updated.sessionId) : [];
  return detailOf(actor, updated, loaded.unit, loaded.plan.body.tasks, { rubric, locked: false, sessionHeldOn: reporting.session.heldOn, inspections });
}

/**
 * Refuses a locked report (once the ward's consolidated report is submitted upward, the cells' figures
 * are locked until the ward reopens it), an action the state does not allow (409, with the report as
 * it is) and a stale version (409). `locked`: the lock as the caller already read it in this
 * transaction; read here otherwise.
 */
async function guard(tx: Tx, actor: Actor, loaded: LoadedReport, version: number, action: ReportAction, locked?: boolean) {
  const { report } = loaded;
  if (locked ?? (await isLocked(tx, report.tenantId, report.planId))) throw lockedConflict(await describeReport(tx, actor, loaded));
  if (!canTransition(report.status, action)) {
    const messages: Record<ReportAction, string> = {
      edit: 'Báo cáo đã gửi hoặc đã được tiếp nhận nên không sửa được nữa.',
      submit: 'Báo cáo đã được gửi.',
      return: 'Chỉ trả lại báo cáo đang chờ tiếp nhận.',
      accept: 'Chỉ tiếp nhận báo cáo đang chờ tiếp nhận.',
      rescore: 'Chỉ chấm lại báo cáo đã gửi.',
    };
    throw stateConflict(`report.not-${action === 'edit' ? 'editable' : action === 'rescore' ? 'rescorable' : `${action}able`}`, messages[action], await describeReport(tx, actor, loaded));
  }
  if (version !== report.version) throw conflict('report', await describeReport(tx, actor, loaded));
}

/** PATCH /api/reports/:id: the cell edits its draft (or a returned report); the figures are refreshed from the session. */
export async function updateReport(db: Db, actor: Actor, id: string, input: ReportInput & { version: number }) {
  return db.transaction(async (tx) => {
    const loaded = await loadReportFor(tx, actor, id, canWriteReport, 'sửa báo cáo của chi bộ khác');
    const { report } = loaded;
    const reporting = await reportingSessionOf(tx, report);
    await guard(tx, actor, loaded, input.version, 'edit', reporting.locked);
    const { version, scores: newScores, ...fields } = input;
    const rubric = await loadRubric(tx, report.tenantId, report.rubricId);
    const scores = newScores ?? report.scores;
    checkScores(rubric, scores);
    const { total, band } = scoreReport(rubric, scores);
    const figures = await figuresOfReporting(tx, reporting);
    const updated = await updateVersioned(tx, cellReports, keyOf(report), version, { ...fields, scores, total, band, figures, updatedAt: now() }, { entity: 'report' });
    await recordVersion(tx, actor, updated, 'edit', report);
    return answerAfterChange(tx, actor, loaded, updated, reporting, rubric);
  });
}

/** POST /api/reports/:id/submit: only for a held session, with every item scored; the figures are frozen as they are. */
export async function submitReport(db: Db, actor: Actor, id: string, input: { version: number; comment?: string }) {
  return db.transaction(async (tx) => {
    const loaded = await loadReportFor(tx, actor, id, canWriteReport, 'gửi báo cáo của chi bộ khác');
    const { report } = loaded;
    const reporting = await reportingSessionOf(tx, report);
    await guard(tx, actor, loaded, input.version, 'submit', reporting.locked);
    const { session } = reporting;
    if (!session.heldOn) throw badRequest('report.session-not-held', 'Buổi sinh hoạt chưa được xác nhận đã tổ chức: hãy điểm danh và xác nhận trước khi gửi báo cáo.');
    const rubric = await loadRubric(tx, report.tenantId, report.rubricId);
    const { unscored } = scoreReport(rubric, report.scores);
    if (unscored.length > 0) {
      const names = rubricItems(rubric).filter((i) => unscored.includes(i.id)).map((i) => `"${i.name}"`);
      throw badRequest('report.unscored', `Chưa chấm điểm tiêu chí: ${names.join(', ')}.`, { itemIds: unscored });
    }
    const at = now();
    const updated = await updateVersioned(
      tx,
      cellReports,
      keyOf(report),
      input.version,
      { status: 'submitted', figures: await figuresOfReporting(tx, reporting), submittedAt: at, firstSubmittedAt: report.firstSubmittedAt ?? at, updatedAt: at },
      { entity: 'report' },
    );
    await recordVersion(tx, actor, updated, 'submit', report, input.comment?.trim() || null);
    await refreshPlanFigures(tx, loaded.plan);
    return answerAfterChange(tx, actor, loaded, updated, reporting, rubric);
  });
}

/** POST /api/reports/:id/return: the ward sends it back with a comment (required). */
export async function returnReport(db: Db, actor: Actor, id: string, input: { version: number; comment?: string }) {
  return db.transaction(async (tx) => {
    const loaded = await loadReportFor(tx, actor, id, canReviewReport, 'trả lại báo cáo');
    const comment = input.comment?.trim() ?? '';
    if (!comment) throw badRequest('report.comment-required', 'Hãy ghi lý do trả lại để chi bộ biết cần sửa gì.');
    await guard(tx, actor, loaded, input.version, 'return');
    const { report } = loaded;
    const updated = await updateVersioned(tx, cellReports, keyOf(report), input.version, { status: 'returned', returnComment: comment, updatedAt: now() }, { entity: 'report' });
    await recordVersion(tx, actor, updated, 'return', report, comment);
    await refreshPlanFigures(tx, loaded.plan);
    return describeReport(tx, actor, { ...loaded, report: updated });
  });
}

/**
 * The one place where the work that follows an accepted report goes: the plan's task that follows
 * 'cell-report' for this unit becomes done, in the same transaction (the task follows the real work).
 * Returns how many tasks it marked.
 */
export async function onReportAccepted(tx: Tx, report: CellReport, actorId: string | null = null) {
  return completeFollowingTasks(tx, { tenantId: report.tenantId, planId: report.planId, unitId: report.unitId, follows: 'cell-report', on: todayInVietnam(report.acceptedAt ?? now()), actorId });
}

/** POST /api/reports/:id/accept. */
export async function acceptReport(db: Db, actor: Actor, id: string, input: { version: number; comment?: string }) {
  return db.transaction(async (tx) => {
    const loaded = await loadReportFor(tx, actor, id, canReviewReport, 'tiếp nhận báo cáo');
    await guard(tx, actor, loaded, input.version, 'accept');
    const { report } = loaded;
    const at = now();
    const updated = await updateVersioned(tx, cellReports, keyOf(report), input.version, { status: 'accepted', acceptedAt: at, acceptedBy: actor.userId, returnComment: null, updatedAt: at }, { entity: 'report' });
    await recordVersion(tx, actor, updated, 'accept', report, input.comment?.trim() || null);
    await refreshPlanFigures(tx, loaded.plan);
    await onReportAccepted(tx, updated, actor.userId);
    return describeReport(tx, actor, { ...loaded, report: updated });
  });
}

/** POST /api/reports/:id/rescore: the ward's own scores, kept beside the cell's (which stay as they were). */
export async function rescoreReport(db: Db, actor: Actor, id: string, input: { version: number; scores: Score[]; comment?: string }) {
  return db.transaction(async (tx) => {
    const loaded = await loadReportFor(tx, actor, id, canReviewReport, 'chấm lại báo cáo');
    const { report } = loaded;
    const rubric = await loadRubric(tx, report.tenantId, report.rubricId);
    checkScores(rubric, input.scores);
    await guard(tx, actor, loaded, input.version, 'rescore');
    const scored = scoreReport(rubric, input.scores);
    if (scored.unscored.length > 0) {
      const names = rubricItems(rubric).filter((i) => scored.unscored.includes(i.id)).map((i) => `"${i.name}"`);
      throw badRequest('report.unscored', `Chưa chấm điểm tiêu chí: ${names.join(', ')}.`, { itemIds: scored.unscored });
    }
    const wardScoring: WardScoring = { scores: input.scores, total: scored.total, band: scored.band, comment: input.comment?.trim() ?? '', by: actor.displayName || actor.username, at: now().toISOString() };
    const updated = await updateVersioned(tx, cellReports, keyOf(report), input.version, { wardScoring, updatedAt: now() }, { entity: 'report' });
    await recordVersion(tx, actor, updated, 'rescore', report, wardScoring.comment || null);
    await refreshPlanFigures(tx, loaded.plan);
    return describeReport(tx, actor, { ...loaded, report: updated });
  });
}

/** GET /api/reports/:id/versions: every version, newest first, with who wrote it. */
export async function reportVersions(db: DbOrTx, actor: Actor, id: string) {
  const { report } = await loadReportFor(db, actor, id, canViewReport, 'xem báo cáo của chi bộ khác');
  const rows = await db
    .select({ version: cellReportVersions.version, action: cellReportVersions.action, comment: cellReportVersions.comment, snapshot: cellReportVersions.snapshot, at: cellReportVersions.at, actorName: users.displayName, username: users.username })
    .from(cellReportVersions)
    .leftJoin(users, and(eq(users.tenantId, cellReportVersions.tenantId), eq(users.id, cellReportVersions.actorId)))
    .where(and(eq(cellReportVersions.tenantId, report.tenantId), eq(cellReportVersions.reportId, report.id)))
    .orderBy(desc(cellReportVersions.version));
  return { versions: rows.map(({ username, actorName, ...r }) => ({ ...r, actorName: actorName || username || null })) };
}

/** POST /api/sessions/:id/inspections: ward staff record an inspection; adjustments name items of the rubric the report uses. */
export async function recordInspection(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { inspectedOn: string; inspectors: string; findings: string; adjustments: { itemId: string; points: number; reason: string }[] },
  idempotencyKey?: string,
) {
  return db.transaction(async (tx) => {
    const { session } = await loadSessionFor(tx, actor, sessionId, canInspectSession, 'kiểm tra chi bộ này');
    const shown = ({ tenantId: _t, sessionId: _s, createdBy: _c, ...rest }: typeof sessionInspections.$inferSelect) => rest;
    // A retried request (same Idempotency-Key) answers with the inspection the first one recorded.
    const request = { tenantId: session.tenantId, actorId: actor.userId, scope: `inspection:${session.id}`, key: idempotencyKey, taken: () => keyTaken('inspection') };
    const { result } = await createOnce(tx, request, {
      replay: async (id) => shown((await tx.select().from(sessionInspections).where(and(eq(sessionInspections.tenantId, session.tenantId), eq(sessionInspections.id, id))))[0]!),
      create: async () => {
        if (input.inspectedOn > todayInVietnam(now())) throw badRequest('inspection.in-future', 'Ngày kiểm tra không thể sau hôm nay.');
        const existing = await reportOfSession(tx, session);
        const rubric = existing ? await loadRubric(tx, session.tenantId, existing.rubricId) : await ensureCurrentRubric(tx, session.tenantId);
        checkScores(rubric, input.adjustments);
        const [created] = await tx
          .insert(sessionInspections)
          .values({ tenantId: session.tenantId, sessionId: session.id, inspectedOn: input.inspectedOn, inspectors: input.inspectors.trim(), findings: input.findings.trim(), adjustments: input.adjustments, createdBy: actor.userId, createdAt: now() })
          .returning();
        await recordAudit(tx, { tenantId: session.tenantId, actorId: actor.userId, action: 'session.inspection', entity: 'session', entityId: session.id, after: created });
        return { id: created!.id, result: shown(created!) };
      },
    });
    return result;
  });
}
