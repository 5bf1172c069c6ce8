// The ward's consolidation of a plan's cell reports, live: one statement reads every unit expected to
// report (the plan's regular study sessions) with its report; domain/report-figures.ts counts them
// against the plan's own deadline. And one action that reminds every cell whose report is missing.
import { and, eq, inArray, isNull, or, gte, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { consolidate, reportDeadline, reportDueAt, type CellRow, type MemberFigures, type ReportStatus } from '../../../domain/report-figures';
import { dueMoment } from '../../../domain/due-moment';
import { recordAudit } from '../audit/service';
import { loadPlanFor } from '../plans/service';
import { toRef } from '../units/service';
import { units } from '../units/tables';
import { studySessions } from '../study-sessions/tables';
import { positions } from '../people/tables';
import { notify } from '../notifications/service';
import type { Mailer } from '../notifications/mailer';
import { canRemindMissingReports, canViewConsolidation } from './policy';
import { currentRubricRow, ensureCurrentRubric } from './rubric';
import { cellReports, planReportFigures, type WardScoring } from './tables';
import type { Plan } from '../plans/tables';
import type { Unit } from '../units/tables';

/** The campaign's span: from the plan's issue to the report deadline's day. */
export function campaignOf(plan: Plan) {
  const due = reportDeadline(plan.body.tasks ?? []);
  const dueAt = reportDueAt(plan.body.tasks ?? []);
  const to = due && dueMoment(due) ? todayInVietnam(new Date(dueMoment(due)!.getTime() - 1)) : null;
  return { from: plan.issuedOn ?? todayInVietnam(now()), to, dueAt };
}

/** Every unit expected to report on the plan with its report, in one statement. */
async function cellRows(db: DbOrTx, plan: Plan): Promise<CellRow[]> {
  const rows = await db
    .select({
      unitId: units.id,
      unitName: units.name,
      sessionId: studySessions.id,
      openedOn: units.openedOn,
      closedOn: units.closedOn,
      reportId: cellReports.id,
      status: cellReports.status,
      firstSubmittedAt: cellReports.firstSubmittedAt,
      total: cellReports.total,
      band: cellReports.band,
      wardScoring: cellReports.wardScoring,
      members: sql<MemberFigures | null>`${cellReports.figures} -> 'members'`,
    })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .leftJoin(cellReports, and(eq(cellReports.tenantId, studySessions.tenantId), eq(cellReports.sessionId, studySessions.id)))
    .where(and(eq(studySessions.tenantId, plan.tenantId), eq(studySessions.planId, plan.id), eq(studySessions.kind, 'regular')))
    .orderBy(units.sortOrder, units.name);
  return rows.map((r) => {
    // The ward's re-score counts when there is one.
    const ward = r.wardScoring as WardScoring | null;
    return {
      unitId: r.unitId,
      unitName: r.unitName,
      reportId: r.reportId,
      sessionId: r.sessionId,
      openedOn: r.openedOn,
      closedOn: r.closedOn,
      status: (r.status as ReportStatus | null) ?? null,
      firstSubmittedAt: r.firstSubmittedAt,
      total: ward ? ward.total : r.total === null ? null : Number(r.total),
      rating: ward ? ward.band : r.band,
      members: r.members,
    };
  });
}

/** GET /api/plans/:id/consolidation. */
export async function planConsolidation(db: Db, actor: Actor, planId: string) {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  return consolidationOf(db, actor, plan, commune);
}

/** The consolidation of a plan the caller has already loaded (with loadPlanFor) with its commune. */
export async function consolidationOf(db: Db, actor: Actor, plan: Plan, commune: Unit) {
  if (!canViewConsolidation(actor, toRef(commune))) throw forbidden('xem tổng hợp báo cáo của các chi bộ');
  // The rubric is read outside a transaction; only a commune without one writes the example (once).
  const rubric = (await currentRubricRow(db, plan.tenantId)) ?? (await db.transaction((tx) => ensureCurrentRubric(tx, plan.tenantId)));
  const campaign = campaignOf(plan);
  const result = consolidate(await cellRows(db, plan), campaign, rubric.bands.map((b) => b.name));
  return { ...result, dueAt: campaign.dueAt, abilities: { remind: canRemindMissingReports(actor, toRef(commune)) } };
}

/**
 * Counts the plan's consolidation in the caller's transaction and keeps it in plan_report_figures (the
 * aggregate): called by every change to a cell's report that moves the figures and by the ward's
 * submit and reopen. Returns the consolidation it counted, cells included.
 */
export async function refreshPlanFigures(tx: Tx, plan: Plan) {
  const rubric = await ensureCurrentRubric(tx, plan.tenantId);
  const campaign = campaignOf(plan);
  const result = consolidate(await cellRows(tx, plan), campaign, rubric.bands.map((b) => b.name));
  const values = { expected: result.expected, submitted: result.submitted, onTime: result.onTime, late: result.late, missing: result.missing, members: result.members, ratings: result.ratings, updatedAt: now() };
  await tx
    .insert(planReportFigures)
    .values({ tenantId: plan.tenantId, planId: plan.id, ...values })
    .onConflictDoUpdate({ target: [planReportFigures.tenantId, planReportFigures.planId], set: values });
  return { ...result, dueAt: campaign.dueAt };
}

/** The plan's aggregate as last kept (null before any report moved). */
export async function planFiguresOf(db: DbOrTx, tenantId: string, planId: string) {
  const [row] = await db.select().from(planReportFigures).where(and(eq(planReportFigures.tenantId, tenantId), eq(planReportFigures.planId, planId)));
  return row ?? null;
}

/** POST /api/plans/:id/consolidation/remind: one notification to the secretary of every cell whose report is missing. */
export async function remindMissing(db: Db, actor: Actor, planId: string, mailer: Mailer) {
  const result = await db.transaction(async (tx) => {
    const { plan, commune } = await loadPlanFor(tx, actor, planId);
    if (!canRemindMissingReports(actor, toRef(commune))) throw forbidden('nhắc các chi bộ chưa báo cáo');
    const c = consolidate(await cellRows(tx, plan), campaignOf(plan), []);
    const missing = c.cells.filter((cell) => cell.status === 'missing' || cell.status === 'draft' || cell.status === 'returned');
    if (missing.length === 0) throw badRequest('report.none-missing', 'Tất cả chi bộ đã gửi báo cáo: không có ai để nhắc.');
    const today = todayInVietnam(now());
    const secretaries = await tx
      .select({ personId: positions.personId, unitId: positions.unitId })
      .from(positions)
      .where(
        and(
          eq(positions.tenantId, plan.tenantId),
          eq(positions.kindCode, 'cellSecretary'),
          inArray(positions.unitId, missing.map((m) => m.unitId)),
          sql`${positions.fromOn} <= ${today}`,
          or(isNull(positions.toOn), gte(positions.toOn, today)),
        ),
      );
    const due = reportDeadline(plan.body.tasks ?? []);
    const sent = await notify(tx, {
      tenantId: plan.tenantId,
      personIds: secretaries.map((s) => s.personId),
      kind: 'report.reminder',
      title: 'Nhắc gửi báo cáo kết quả học tập, quán triệt',
      body: `Chi bộ chưa gửi báo cáo kết quả học tập, quán triệt theo ${plan.title}${due ? ` (hạn: ${due.phrase})` : ''}. Đề nghị đồng chí hoàn thành và gửi báo cáo.`,
      link: `/ke-hoach/${plan.id}`,
    });
    const reached = new Set(secretaries.map((s) => s.unitId));
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'report.remind', entity: 'plan', entityId: plan.id, after: { units: missing.map((m) => m.unitId), notified: sent.count } });
    return { ids: sent.ids, cells: missing.length, notified: sent.count, withoutSecretary: missing.filter((m) => !reached.has(m.unitId)).map((m) => m.unitName) };
  });
  mailer.deliver(db, result.ids);
  const { ids: _ids, ...answer } = result;
  return answer;
}
