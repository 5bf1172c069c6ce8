// The answer every report route gives (ReportDetail): the report with its rubric, its unit, the
// plan's due date, whether the ward's consolidated report has locked it, the session's day and
// inspections, and what the actor may do with it. describeReport reads what it needs; a caller that
// already holds it (the creation, which read it with the session) builds the answer with detailOf.
import { and, asc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor, UnitRef } from '../../auth/actor';
import { notFound } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { canTransition, isOnTime, reportDueAt } from '../../../domain/report-figures';
import { toRef } from '../units/service';
import { units, type Unit } from '../units/tables';
import { plans, type Plan } from '../plans/tables';
import { consolidatedReports } from './tables';
import { checkSessionAccess, type LoadedSession } from '../study-sessions/load';
import { studySessions } from '../study-sessions/tables';
import { madeUpCountSql } from '../study-sessions/make-up';
import { placedAsOf } from '../people/membership-queries';
import { prepared } from '../../db/prepared';
import type { AttendanceStatus } from '../../../domain/attendance';
import { canInspectSession, canReviewReport, canWriteReport } from './policy';
import { describeRubric, loadRubric } from './rubric';
import { cellReports, rubrics, sessionInspections, type CellReport, type Rubric } from './tables';
import type { ReportDetail } from './schema';
import { isLocked } from './consolidated-report';

type Tasks = Plan['body']['tasks'];
type Inspection = Awaited<ReturnType<typeof inspectionsOf>>[number];

export async function inspectionsOf(db: DbOrTx, tenantId: string, sessionId: string) {
  const rows = await db
    .select()
    .from(sessionInspections)
    .where(and(eq(sessionInspections.tenantId, tenantId), eq(sessionInspections.sessionId, sessionId)))
    .orderBy(asc(sessionInspections.inspectedOn), asc(sessionInspections.createdAt));
  return rows.map(({ id, inspectedOn, inspectors, findings, adjustments, createdAt }) => ({ id, inspectedOn, inspectors, findings, adjustments, createdAt }));
}

async function heldOnOf(db: DbOrTx, report: CellReport): Promise<string | null> {
  const [s] = await db.select({ heldOn: studySessions.heldOn }).from(studySessions).where(and(eq(studySessions.tenantId, report.tenantId), eq(studySessions.id, report.sessionId)));
  return s?.heldOn ?? null;
}

/** What the answer needs besides the report, its unit and its plan's tasks. */
export interface DetailFacts {
  rubric: Rubric;
  /** Once the ward's consolidated report is submitted upward, the cells' reports are locked. */
  locked: boolean;
  sessionHeldOn: string | null;
  inspections: Inspection[];
}

export function detailOf(actor: Actor, report: CellReport, unit: Unit, tasks: Tasks | null | undefined, facts: DetailFacts): ReportDetail {
  const ref = toRef(unit);
  const dueAt = reportDueAt(tasks ?? []);
  const { locked } = facts;
  const write = !locked && canWriteReport(actor, ref);
  const review = !locked && canReviewReport(actor, ref);
  return {
    id: report.id,
    version: report.version,
    planId: report.planId,
    sessionId: report.sessionId,
    unitId: report.unitId,
    unitName: unit.name,
    status: report.status,
    rubric: describeRubric(facts.rubric),
    figures: report.figures,
    form: report.form,
    reporter: report.reporter,
    reportDate: report.reportDate,
    number: report.number,
    summary: report.summary,
    opinions: report.opinions,
    proposals: report.proposals,
    scores: report.scores,
    total: report.total,
    band: report.band,
    wardScoring: report.wardScoring,
    returnComment: report.returnComment,
    firstSubmittedAt: report.firstSubmittedAt,
    submittedAt: report.submittedAt,
    acceptedAt: report.acceptedAt,
    dueAt,
    onTime: isOnTime(report.firstSubmittedAt, dueAt),
    sessionHeldOn: facts.sessionHeldOn,
    inspections: facts.inspections,
    locked,
    abilities: {
      edit: write && canTransition(report.status, 'edit'),
      submit: write && canTransition(report.status, 'submit'),
      review: review && canTransition(report.status, 'accept'),
      rescore: review && canTransition(report.status, 'rescore'),
      inspect: canInspectSession(actor, ref),
    },
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
  };
}

export async function describeReport(db: DbOrTx, actor: Actor, { report, unit, plan }: { report: CellReport; unit: Unit; plan: Pick<Plan, 'body'> }): Promise<ReportDetail> {
  const rubric = await loadRubric(db, report.tenantId, report.rubricId);
  const locked = await isLocked(db, report.tenantId, report.planId);
  return detailOf(actor, report, unit, plan.body.tasks, { rubric, locked, sessionHeldOn: await heldOnOf(db, report), inspections: await inspectionsOf(db, report.tenantId, report.sessionId) });
}

/** A session about to be reported on, with what the creation and its answer read besides, in one statement. */
export interface ReportingSession extends LoadedSession {
  /** The plan's tasks (the report's due date). */
  tasks: Tasks | null;
  /** The tenant's current rubric, null before the first is written. */
  rubricId: string | null;
  locked: boolean;
  /** Whether the session has inspections (read only then). */
  inspected: boolean;
  /** With `figures`: what the session's figures are counted from (see figureInputsSql). */
  figureInputs?: FigureInputs | null;
}

/** A regular session's attendance as read with it: the expected members, the exempt, the marks, the made up. */
export interface FigureInputs {
  expected: string[];
  exempt: number;
  marks: [string, AttendanceStatus][];
  madeUp: number;
}

/**
 * figuresOfSession's reads for a regular session of a cell not studying at the ward conference, as
 * one JSON value of the statement that reads the session: the members placed in the unit's subtree
 * on the session's day (held, else scheduled, else today; in Hà Nội), its own marks, and how many of
 * those marked excused or absent made it up. Null for any other session (read apart).
 */
function figureInputsSql(today: SQL | Placeholder): SQL {
  const s = studySessions;
  const day = sql`coalesce(${s.heldOn}, (coalesce(${s.scheduledAt}, ${today}::timestamptz) AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)`;
  // The exempt are counted as the placed less the expected: each member's exemption is looked up once.
  return sql`case when ${s.kind} = 'regular' and not ${s.atConference} then (
    select json_build_object(
      'expected', placed.expected,
      'exempt', placed.count - json_array_length(placed.expected),
      'marks', (select coalesce(json_agg(json_build_array(sa.member_id, sa.status)), '[]'::json)
                from session_attendance sa where sa.tenant_id = ${s.tenantId} and sa.session_id = ${s.id}),
      'madeUp', case when ${s.heldOn} is null then 0 else ${madeUpCountSql({ tenantId: sql`${s.tenantId}`, id: sql`${s.id}`, planId: sql`${s.planId}`, unitId: sql`${s.unitId}` })} end)
    from (
      select coalesce(json_agg(a.member_id) filter (where not a.exempt), '[]'::json) as expected, count(*) as count
      from (${placedAsOf(sql`${s.tenantId}`, day)}) a
      join units c on c.tenant_id = ${s.tenantId} and c.id = a.cell_id and c.path like ${units.path} || '%'
    ) placed
  ) end`;
}

/** The statement of loadReportingSession: the session by id, with its figures' inputs when given. */
function reportingSessionQuery(db: DbOrTx, which: SQL, figureInputs: SQL | null) {
  const same = (table: { tenantId: unknown }) => sql`${table.tenantId} = ${studySessions.tenantId}`;
  return db
    .select({
      session: studySessions,
      unit: units,
      planIssuedOn: sql<string | null>`(select ${plans.issuedOn}::text from ${plans} where ${same(plans)} and ${plans.id} = ${studySessions.planId})`,
      tasks: sql<Tasks | null>`(select ${plans.body}->'tasks' from ${plans} where ${same(plans)} and ${plans.id} = ${studySessions.planId})`,
      reportStatus: sql<string | null>`(select ${cellReports.status} from ${cellReports} where ${same(cellReports)} and ${cellReports.sessionId} = ${studySessions.id})`,
      rubricId: sql<string | null>`(select ${rubrics.id} from ${rubrics} where ${same(rubrics)} order by ${rubrics.version} desc limit 1)`,
      locked: sql<boolean>`exists (select 1 from ${consolidatedReports} where ${same(consolidatedReports)} and ${consolidatedReports.planId} = ${studySessions.planId} and ${consolidatedReports.status} = 'submitted')`,
      inspected: sql<boolean>`exists (select 1 from ${sessionInspections} where ${same(sessionInspections)} and ${sessionInspections.sessionId} = ${studySessions.id})`,
      figureInputs: figureInputs ? sql<FigureInputs | null>`${figureInputs}` : sql<null>`null`,
    })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(which);
}

/** A row of reportingSessionQuery as ReportingSession, before any access check. */
function reportingSessionOf(row: Awaited<ReturnType<typeof reportingSessionQuery>>[number]): ReportingSession {
  return {
    session: row.session,
    unit: row.unit,
    planIssuedOn: row.planIssuedOn ?? todayInVietnam(now()),
    reportStatus: row.reportStatus,
    tasks: row.tasks,
    rubricId: row.rubricId,
    locked: Boolean(row.locked),
    inspected: Boolean(row.inspected),
    figureInputs: row.figureInputs,
  };
}

/**
 * loadSessionFor's session, unit, plan day and report status, and in the same statement the plan's
 * tasks, the current rubric's id, the lock and whether inspections exist; the same access checks.
 * With `figures`, also what the session's figures are counted from (as reportingSessionsWithFigures).
 */
export async function loadReportingSession(
  db: DbOrTx,
  actor: Actor,
  id: string,
  allowed: (actor: Actor, unit: UnitRef) => boolean,
  action: string,
  options: { figures?: boolean } = {},
): Promise<ReportingSession> {
  const loaded = options.figures ? (await reportingSessionsWithFigures(db, [id])).get(id) : (await reportingSessionQuery(db, eq(studySessions.id, id), null)).map(reportingSessionOf)[0];
  return accessibleSession(actor, loaded, allowed, action);
}

/** The session read, when there is one the actor may know (else 404) and act on (else 403). */
export function accessibleSession(actor: Actor, loaded: ReportingSession | undefined, allowed: (actor: Actor, unit: UnitRef) => boolean, action: string): ReportingSession {
  if (!loaded) throw notFound('session');
  checkSessionAccess(actor, loaded, allowed, action);
  return loaded;
}

/**
 * The sessions of these ids (any tenant: the caller checks each one's access) with what their
 * reports' creation reads, by id, in one prepared statement whose generic plan PGlite keeps
 * (decisions 040, 042). Several at once (a batch of creations, decision 041) name the ids as one text
 * value, a literal there, unpacked in a subquery: a plan made for the values would know how many
 * ids there are and a generic one cannot, so PostgreSQL, finding the generic plan dearer, planned the
 * statement again at every execution; as a subquery, neither knows and the generic plan is kept
 * (0.4 → 0.25 ms a session on PostgreSQL). One alone is read by its id, a plan twice as fast.
 */
export async function reportingSessionsWithFigures(db: DbOrTx, ids: readonly string[]): Promise<Map<string, ReportingSession>> {
  const today = now().toISOString();
  const build = (which: SQL) => (d: DbOrTx) => reportingSessionQuery(d, which, figureInputsSql(sql.placeholder('today')));
  const rows =
    ids.length === 1
      ? await prepared(db, 'reporting_session_with_figures', build(eq(studySessions.id, sql.placeholder('id'))), { keepPlanOnPglite: true }).execute({ id: ids[0], today })
      : await prepared(db, 'reporting_sessions_with_figures', build(sql`${studySessions.id} = any(array(select unnest(string_to_array(${sql.placeholder('ids')}, ','))::uuid))`), {
          keepPlanOnPglite: true,
        }).execute({ ids: ids.join(','), today });
  return new Map(rows.map((row) => [row.session.id, reportingSessionOf(row)]));
}
