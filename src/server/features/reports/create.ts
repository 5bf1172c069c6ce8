// POST /api/sessions/:id/report: a cell's report is created in two statements (decision 040). The
// first reads the session with everything the report starts from (its unit, the plan's tasks, the
// rubric's id, the lock, and the attendance its figures are counted from); the second writes the
// report, its first version, the audit entry and the Idempotency-Key's claim as one statement (one
// transaction). Whatever is not the plain case (a report already there, a key already used, a cell
// studying at the ward conference, no rubric yet, a unique index refusing the write because another
// request got there first) goes the general way: the same create in one transaction of its reads.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, stateConflict } from '../../errors';
import { now } from '../../clock';
import { isUniqueViolation } from '../../db/unique-violation';
import { createOnce, keyClaim, keyTaken, type CreateOnceRequest } from '../../idempotency';
import { idempotencyKeys } from '../../idempotency/tables';
import { countAttendance } from '../../../domain/attendance';
import { scoreReport } from '../../../domain/rubrics';
import type { ReportFigures } from '../../../domain/report-figures';
import { auditRow } from '../audit/service';
import { auditLog } from '../audit/tables';
import type { LoadedSession } from '../study-sessions/load';
import type { StudySession } from '../study-sessions/tables';
import { canWriteReport } from './policy';
import { ensureCurrentRubric, loadRubric } from './rubric';
import { describeReport, detailOf, inspectionsOf, loadReportingSession, type FigureInputs, type ReportingSession } from './detail';
import { cellReports, cellReportVersions, type CellReport } from './tables';
import type { ReportInput } from './schema';
import { checkScores, figuresOfSession, planOf, prefillOf, recordVersion, reportOfSession, sessionFigures, versionRows } from './service';

const refusal = 'lập báo cáo cho chi bộ khác';

function refuseUnreportable(loaded: LoadedSession) {
  const { session, unit, planIssuedOn } = loaded;
  if (session.kind !== 'regular') throw badRequest('report.make-up-session', 'Báo cáo được lập cho buổi sinh hoạt chính của chi bộ, không cho buổi học bù.');
  if (unit.closedOn !== null && unit.closedOn <= planIssuedOn) {
    throw badRequest('report.unit-closed', `${unit.name} đã giải thể ngày ${unit.closedOn.split('-').reverse().join('/')}, trước khi ban hành kế hoạch: không lập báo cáo.`);
  }
}

/** figuresOfSession's figures, from what the session's statement read (the same domain rules). */
export function figuresFromInputs(session: StudySession, counted: FigureInputs): ReportFigures {
  const marks = counted.marks.map(([memberId, status]) => ({ memberId, status }));
  return sessionFigures(session, countAttendance(counted.expected, Number(counted.exempt), marks), Number(counted.madeUp));
}

/** The Idempotency-Key's request of a report's creation, the same on both ways. */
function keyRequest(actor: Actor, session: Pick<StudySession, 'tenantId' | 'id'>, key: string | undefined): CreateOnceRequest {
  return { tenantId: session.tenantId, actorId: actor.userId, scope: `report:${session.id}`, key, taken: () => keyTaken('report') };
}

/** The fields the client sent (a field left out keeps the prefill or the column's default). */
function sentFields(input: ReportInput) {
  const { scores: _scores, ...fields } = input;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Omit<ReportInput, 'scores'>;
}

/**
 * POST /api/sessions/:id/report → 201. A phone that retries with the same Idempotency-Key gets the
 * report it created; a second report of the session is refused (409 report.exists).
 */
export async function createReport(db: Db, actor: Actor, sessionId: string, input: ReportInput, idempotencyKey?: string) {
  const loaded = await loadReportingSession(db, actor, sessionId, canWriteReport, refusal, { figures: true });
  return (await createInOneWrite(db, actor, loaded, input, idempotencyKey)) ?? createInTransaction(db, actor, sessionId, input, idempotencyKey);
}

/** The plain case in one write; null when it is not the plain case or the write lost a race. */
export async function createInOneWrite(db: Db, actor: Actor, loaded: ReportingSession, input: ReportInput, key: string | undefined) {
  const { session, unit, figureInputs: counted } = loaded;
  if (loaded.reportStatus !== null || loaded.rubricId === null || !counted) return null;
  refuseUnreportable(loaded);
  const rubric = await loadRubric(db, session.tenantId, loaded.rubricId);
  const scores = input.scores ?? [];
  checkScores(rubric, scores);
  const { total, band } = scoreReport(rubric, scores);
  const figures = figuresFromInputs(session, counted);
  const at = now();
  // The row as the database will hold it: its defaults written out, so that its version, its audit
  // entry and the answer are made from it before it is written.
  const report: CellReport = {
    tenantId: session.tenantId,
    id: randomUUID(),
    planId: session.planId,
    sessionId: session.id,
    unitId: session.unitId,
    rubricId: rubric.id,
    status: 'draft',
    number: '',
    proposals: '',
    ...prefillOf(session, figures),
    ...sentFields(input),
    scores,
    total,
    band,
    wardScoring: null,
    returnComment: null,
    firstSubmittedAt: null,
    submittedAt: null,
    acceptedAt: null,
    acceptedBy: null,
    version: 1,
    createdBy: actor.userId,
    createdAt: at,
    updatedAt: at,
  };
  // The same rows the general way writes (recordVersion, createOnce), as Drizzle's inserts of one statement.
  const rows = versionRows(actor, report, 'create', null);
  const writes = [
    db.insert(cellReports).values(report),
    db.insert(cellReportVersions).values(rows.version),
    db.insert(auditLog).values(auditRow(rows.audit)),
    ...(key ? [db.insert(idempotencyKeys).values(keyClaim({ ...keyRequest(actor, session, key), key }, report.id))] : []),
  ];
  try {
    await db.execute(sql`with ${sql.join(
      writes.map((w, i) => sql`${sql.identifier(`w${i}`)} as ${w}`),
      sql`, `,
    )} select 1`);
  } catch (error) {
    // Another request created the session's report, or used the key, since the read: the general way answers.
    if (isUniqueViolation(error)) return null;
    throw error;
  }
  const inspections = loaded.inspected ? await inspectionsOf(db, session.tenantId, session.id) : [];
  return detailOf(actor, report, unit, loaded.tasks, { rubric, locked: loaded.locked, sessionHeldOn: session.heldOn, inspections });
}

/** The general way: the create, its reads and the key's claim in one transaction. */
async function createInTransaction(db: Db, actor: Actor, sessionId: string, input: ReportInput, idempotencyKey: string | undefined) {
  return db.transaction(async (tx) => {
    // The session, its unit, and what the answer needs besides (the plan's tasks, the current
    // rubric, the lock, whether it was inspected) in one statement.
    const loaded = await loadReportingSession(tx, actor, sessionId, canWriteReport, refusal);
    const { session, unit } = loaded;
    const describe = async (report: CellReport) => describeReport(tx, actor, { report, unit, plan: await planOf(tx, session) });
    const { result } = await createOnce(tx, keyRequest(actor, session, idempotencyKey), {
      replay: async () => describe((await reportOfSession(tx, session))!),
      create: async () => {
        const existing = loaded.reportStatus === null ? null : await reportOfSession(tx, session);
        // With the report as it is: a phone whose queued create meets it shows both (decision 024).
        if (existing) throw stateConflict('report.exists', 'Chi bộ đã có báo cáo cho buổi sinh hoạt này: hãy mở báo cáo đó để sửa.', await describe(existing));
        refuseUnreportable(loaded);
        const rubric = loaded.rubricId ? await loadRubric(tx, session.tenantId, loaded.rubricId) : await ensureCurrentRubric(tx, session.tenantId);
        const scores = input.scores ?? [];
        checkScores(rubric, scores);
        const { total, band } = scoreReport(rubric, scores);
        const prefill = prefillOf(session, await figuresOfSession(tx, session));
        const [created] = await tx
          .insert(cellReports)
          .values({
            tenantId: session.tenantId,
            planId: session.planId,
            sessionId: session.id,
            unitId: session.unitId,
            rubricId: rubric.id,
            ...prefill,
            ...sentFields(input),
            scores,
            total,
            band,
            createdBy: actor.userId,
            createdAt: now(),
            updatedAt: now(),
          })
          .returning();
        await recordVersion(tx, actor, created!, 'create', null);
        const inspections = loaded.inspected ? await inspectionsOf(tx, session.tenantId, session.id) : [];
        return { id: created!.id, result: detailOf(actor, created!, unit, loaded.tasks, { rubric, locked: loaded.locked, sessionHeldOn: session.heldOn, inspections }) };
      },
    });
    return result;
  });
}
