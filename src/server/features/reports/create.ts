// POST /api/sessions/:id/report: a cell's report is created in two statements (decision 040). The
// first reads the session with everything the report starts from (its unit, the plan's tasks, the
// rubric's id, the lock, and the attendance its figures are counted from); the second writes the
// report, its first version, the audit entry and the Idempotency-Key's claim as one statement (one
// transaction). Whatever is not the plain case (a report already there, a key already used, a cell
// studying at the ward conference, no rubric yet, a unique index refusing the write because another
// request got there first) goes the general way: the same create in one transaction of its reads.
// Creations that arrive while others are being written go together (decision 041): one read of all
// their sessions, one write of all their plain rows, each answered as it would be alone.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, stateConflict } from '../../errors';
import { batcher } from '../../db/batcher';
import { jsonInsertSql, jsonRowsText } from '../../db/json-insert';
import { preparedRows, statementOf } from '../../db/prepared';
import { now } from '../../clock';
import { isUniqueViolation } from '../../db/unique-violation';
import { createOnce, keyClaim, keyTaken, type CreateOnceRequest } from '../../idempotency';
import { idempotencyKeys } from '../../idempotency/tables';
import { scoreReport } from '../../../domain/rubrics';
import { auditRow } from '../audit/service';
import { auditLog } from '../audit/tables';
import type { LoadedSession } from '../study-sessions/load';
import type { StudySession } from '../study-sessions/tables';
import { canWriteReport } from './policy';
import { ensureCurrentRubric, loadRubric } from './rubric';
import { accessibleSession, describeReport, detailOf, inspectionsOf, loadReportingSession, reportingSessionsWithFigures, type ReportingSession } from './detail';
import { cellReports, cellReportVersions, type CellReport, type Rubric } from './tables';
import type { ReportDetail, ReportInput } from './schema';
import { checkScores, figuresFromInputs, figuresOfSession, planOf, prefillOf, recordVersion, reportOfSession, versionRows } from './service';

const refusal = 'lập báo cáo cho chi bộ khác';

function refuseUnreportable(loaded: LoadedSession) {
  const { session, unit, planIssuedOn } = loaded;
  if (session.kind !== 'regular') throw badRequest('report.make-up-session', 'Báo cáo được lập cho buổi sinh hoạt chính của chi bộ, không cho buổi học bù.');
  if (unit.closedOn !== null && unit.closedOn <= planIssuedOn) {
    throw badRequest('report.unit-closed', `${unit.name} đã giải thể ngày ${unit.closedOn.split('-').reverse().join('/')}, trước khi ban hành kế hoạch: không lập báo cáo.`);
  }
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
  const [answer] = await createReports(db, [{ actor, sessionId, input, key: idempotencyKey }]);
  if (answer!.status === 'rejected') throw answer!.reason;
  return answer!.value;
}

/** The plain case in one write; null when it is not the plain case or the write lost a race. */
export async function createInOneWrite(db: Db, actor: Actor, loaded: ReportingSession, input: ReportInput, key: string | undefined) {
  const creation = await plainCreation(db, actor, loaded, input, key);
  if (!creation || !(await writeOrLose(db, [creation]))) return null;
  return answerOf(db, creation);
}

/** One report's creation in the plain case, its rows made before they are written. */
interface PlainCreation {
  actor: Actor;
  loaded: ReportingSession;
  rubric: Rubric;
  report: CellReport;
  rows: ReturnType<typeof versionRows>;
  claim: ReturnType<typeof keyClaim> | null;
}

/** The rows of the plain case (its refusals thrown as the general way's), or null when it is not. */
async function plainCreation(db: Db, actor: Actor, loaded: ReportingSession, input: ReportInput, key: string | undefined): Promise<PlainCreation | null> {
  const { session, figureInputs: counted } = loaded;
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
  // The same rows the general way writes (recordVersion, createOnce).
  const claim = key ? keyClaim({ ...keyRequest(actor, session, key), key }, report.id) : null;
  return { actor, loaded, rubric, report, rows: versionRows(actor, report, 'create', null), claim };
}

/**
 * The batch write: the reports, their first versions, the audit entries and the keys' claims, each
 * table's rows one JSON value, in one statement prepared once (one transaction: all or none). Its
 * text is the same for any batch, so neither Drizzle nor the database builds or plans it again: as
 * multi-row inserts it cost ~3.5 ms a batch of one on PGlite, parsed and planned each time
 * (decision 042).
 */
const batchWrite = statementOf(
  sql`with ${sql.join(
    [
      jsonInsertSql(cellReports, sql.placeholder('reports')),
      jsonInsertSql(cellReportVersions, sql.placeholder('versions')),
      jsonInsertSql(auditLog, sql.placeholder('audit')),
      jsonInsertSql(idempotencyKeys, sql.placeholder('claims')),
    ].map((write, i) => sql`${sql.identifier(`w${i}`)} as (${write})`),
    sql`, `,
  )} select 1`,
);

/**
 * The creations' rows written in one statement. False when a unique index refused it: another
 * request created one of the sessions' reports, or used one of the keys, since the read (or two of
 * the batch did).
 */
async function writeOrLose(db: Db, creations: PlainCreation[]): Promise<boolean> {
  try {
    await preparedRows(db, 'report_creations_write', batchWrite, { keepPlanOnPglite: true }).execute({
      reports: jsonRowsText(cellReports, creations.map((c) => c.report)),
      versions: jsonRowsText(cellReportVersions, creations.map((c) => c.rows.version)),
      audit: jsonRowsText(auditLog, creations.map((c) => auditRow(c.rows.audit))),
      claims: jsonRowsText(idempotencyKeys, creations.flatMap((c) => (c.claim ? [c.claim] : []))),
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** The created report's answer, from what was read and written (its inspections read only if any). */
async function answerOf(db: Db, { actor, loaded, rubric, report }: PlainCreation) {
  const { session, unit } = loaded;
  const inspections = loaded.inspected ? await inspectionsOf(db, session.tenantId, session.id) : [];
  return detailOf(actor, report, unit, loaded.tasks, { rubric, locked: loaded.locked, sessionHeldOn: session.heldOn, inspections });
}

/** A report's creation as the route receives it. */
export interface CreationRequest {
  actor: Actor;
  sessionId: string;
  input: ReportInput;
  key: string | undefined;
}

/**
 * Creations that arrived together (decision 041): their sessions read in one statement, the plain
 * ones written in one statement, each answered as createReport answers it alone. A batch's write
 * that fails is written again one creation at a time, so that one creation's refusal is its own.
 */
export async function createReports(db: Db, requests: readonly CreationRequest[], release: () => void = () => {}): Promise<PromiseSettledResult<ReportDetail>[]> {
  const sessions = await reportingSessionsWithFigures(db, [...new Set(requests.map((r) => r.sessionId))]);
  const planned = await Promise.allSettled(
    requests.map(async ({ actor, sessionId, input, key }) =>
      plainCreation(db, actor, accessibleSession(actor, sessions.get(sessionId), canWriteReport, refusal), input, key),
    ),
  );
  const plain = planned.flatMap((p) => (p.status === 'fulfilled' && p.value ? [p.value] : []));
  // Per plain creation: written, or the error its own write met; absent: lost its race (general way).
  const written = new Map<PlainCreation, true | { error: unknown }>();
  const alone = async (c: PlainCreation) => {
    try {
      if (await writeOrLose(db, [c])) written.set(c, true);
    } catch (error) {
      written.set(c, { error });
    }
  };
  // Each write is sent before the next batch may start, so that the next batch's read queues behind it.
  if (plain.length > 1) {
    const together = writeOrLose(db, plain).catch(() => false);
    release();
    if (await together) plain.forEach((c) => written.set(c, true));
    // One creation's refusal (its session's report written meanwhile, its key used) is its own alone.
    else for (const c of plain) await alone(c);
  } else {
    const single = plain[0] ? alone(plain[0]) : Promise.resolve();
    release();
    await single;
  }
  return Promise.allSettled(
    requests.map(async ({ actor, sessionId, input, key }, i) => {
      const p = planned[i]!;
      if (p.status === 'rejected') throw p.reason;
      const outcome = p.value ? written.get(p.value) : undefined;
      if (outcome === true) return answerOf(db, p.value!);
      if (outcome) throw outcome.error;
      return createInTransaction(db, actor, sessionId, input, key);
    }),
  );
}

/**
 * The route's creations (decision 041): one batch at a time on this database, the creations that
 * arrive while one is written going together in the next; alone, a creation goes at once.
 */
export function reportCreations(db: Db) {
  const batch = batcher<CreationRequest, ReportDetail>((requests, release) => createReports(db, requests, release));
  return (actor: Actor, sessionId: string, input: ReportInput, key: string | undefined) => batch({ actor, sessionId, input, key });
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
