// The ward's consolidated report of a plan ("Báo cáo … Số …-BC/ĐU"): its narrative (difficulties and
// proposals), number and date, saved as a draft; submitted upward it keeps the consolidation as it
// stood (the aggregate the province reads) and locks the cells' reports of the plan until the ward
// reopens it. Every write is version-conditional, transactional and audited.
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, forbidden, stateConflict } from '../../errors';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { todayInVietnam } from '../../../domain/dates';
import { recordAudit } from '../audit/service';
import { loadPlanFor } from '../plans/service';
import { toRef } from '../units/service';
import type { Plan } from '../plans/tables';
import type { Unit } from '../units/tables';
import { canEditConsolidatedReport, canReopenConsolidatedReport, canSubmitConsolidatedReport, canViewConsolidation } from './policy';
import { refreshPlanFigures } from './consolidation';
import { documentNumbers } from '../../documents/tables';
import { nextDocumentNumber } from '../../documents/numbering';
import { sendUpwardReport, withdrawUpwardReport } from '../province/upward';
import { consolidatedReports, type ConsolidatedReport } from './tables';
import { propagandaTotals } from '../propaganda/service';

/** The version shown for a plan whose consolidated report is not stored yet: the first save creates it. */
export const ABSENT_VERSION = 0;

export interface ConsolidatedReportInput {
  version: number;
  difficulties?: string;
  proposals?: string;
  number?: string;
  issuedOn?: string | null;
}

export async function consolidatedReportOf(db: DbOrTx, tenantId: string, planId: string): Promise<ConsolidatedReport | null> {
  const [row] = await db.select().from(consolidatedReports).where(and(eq(consolidatedReports.tenantId, tenantId), eq(consolidatedReports.planId, planId)));
  return row ?? null;
}

/** 409 report.locked: what every change to a cell's report of a locked plan meets (reports/service.ts guard), with the report as it is when given. */
export const lockedConflict = (current?: unknown) =>
  stateConflict(
    'report.locked',
    'Đảng ủy đã gửi báo cáo tổng hợp lên cấp trên nên số liệu báo cáo của các chi bộ đã khóa. Muốn thay đổi, Đảng ủy cần mở lại báo cáo tổng hợp.',
    current,
  );

/** Whether the cells' reports of the plan are locked: its consolidated report is submitted upward. */
export async function isLocked(db: DbOrTx, tenantId: string, planId: string): Promise<boolean> {
  return (await consolidatedReportOf(db, tenantId, planId))?.status === 'submitted';
}

function describe(actor: Actor, commune: Unit, plan: Plan, row: ConsolidatedReport | null) {
  const ref = toRef(commune);
  const status = row?.status ?? 'draft';
  const issued = plan.status === 'issued';
  return {
    id: row?.id ?? null,
    planId: plan.id,
    status,
    difficulties: row?.difficulties ?? '',
    proposals: row?.proposals ?? '',
    number: row?.number ?? '',
    issuedOn: row?.issuedOn ?? null,
    submittedAt: row?.submittedAt ?? null,
    reopenedAt: row?.reopenedAt ?? null,
    version: row?.version ?? ABSENT_VERSION,
    abilities: {
      edit: issued && status !== 'submitted' && canEditConsolidatedReport(actor, ref),
      submit: issued && status !== 'submitted' && canSubmitConsolidatedReport(actor, ref),
      reopen: status === 'submitted' && canReopenConsolidatedReport(actor, ref),
    },
  };
}

export type ConsolidatedReportDetail = ReturnType<typeof describe>;

async function loadFor(db: DbOrTx, actor: Actor, planId: string, allowed: (actor: Actor, commune: ReturnType<typeof toRef>) => boolean, action: string) {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  if (!canViewConsolidation(actor, toRef(commune))) throw forbidden('xem báo cáo tổng hợp');
  if (!allowed(actor, toRef(commune))) throw forbidden(action);
  return { plan, commune, row: await consolidatedReportOf(db, plan.tenantId, plan.id) };
}

/** GET /api/plans/:id/consolidated-report: the ward's report, or the blank draft it starts from. */
export async function consolidatedReportFor(db: DbOrTx, actor: Actor, planId: string) {
  const { plan, commune, row } = await consolidatedReportWithPlan(db, actor, planId);
  return describe(actor, commune, plan, row);
}

/** The ward's report with the plan, its commune and its stored row (the document reads them all once). */
export async function consolidatedReportWithPlan(db: DbOrTx, actor: Actor, planId: string) {
  const { plan, commune, row } = await loadFor(db, actor, planId, canViewConsolidation, 'xem báo cáo tổng hợp');
  return { plan, commune, row, detail: describe(actor, commune, plan, row) };
}

function refuseSubmitted(row: ConsolidatedReport | null, current: ConsolidatedReportDetail) {
  if (row?.status === 'submitted') {
    throw stateConflict('consolidated-report.submitted', 'Báo cáo tổng hợp đã gửi lên cấp trên: hãy mở lại trước khi sửa.', current);
  }
}

function refuseUnissued(plan: Plan) {
  if (plan.status !== 'issued') throw badRequest('consolidated-report.plan-not-issued', 'Kế hoạch chưa ban hành: chưa có báo cáo tổng hợp.');
}

/** PUT /api/plans/:id/consolidated-report: save the narrative, number and date (the first save creates it). */
export async function saveConsolidatedReport(db: Db, actor: Actor, planId: string, input: ConsolidatedReportInput) {
  return db.transaction(async (tx) => {
    const { plan, commune, row } = await loadFor(tx, actor, planId, canEditConsolidatedReport, 'soạn báo cáo tổng hợp');
    refuseUnissued(plan);
    refuseSubmitted(row, describe(actor, commune, plan, row));
    const fields = {
      ...(input.difficulties !== undefined && { difficulties: input.difficulties.trim() }),
      ...(input.proposals !== undefined && { proposals: input.proposals.trim() }),
      ...(input.number !== undefined && { number: input.number.trim() }),
      ...(input.issuedOn !== undefined && { issuedOn: input.issuedOn }),
    };
    const key = and(eq(consolidatedReports.tenantId, plan.tenantId), eq(consolidatedReports.planId, plan.id));
    const saved = await updateVersioned(tx, consolidatedReports, key, input.version, { ...fields, updatedAt: now() }, {
      entity: 'consolidated-report',
      current: async () => describe(actor, commune, plan, await consolidatedReportOf(tx, plan.tenantId, plan.id)),
      create: { absentVersion: ABSENT_VERSION, target: [consolidatedReports.tenantId, consolidatedReports.planId], values: { tenantId: plan.tenantId, planId: plan.id, ...fields } as typeof consolidatedReports.$inferInsert },
    });
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'consolidated-report.save', entity: 'plan', entityId: plan.id, before: row ?? undefined, after: saved });
    return describe(actor, commune, plan, saved);
  });
}

/**
 * The number of the ward's report in the register ("Số 3-BC/ĐU"): taken on its first submission,
 * kept when it is reopened and submitted again (a document is never numbered twice).
 */
async function registeredNumber(tx: Tx, plan: Plan, commune: Unit, documentId: string, issuedOn: string): Promise<string> {
  const [given] = await tx
    .select({ number: documentNumbers.number })
    .from(documentNumbers)
    .where(and(eq(documentNumbers.tenantId, plan.tenantId), eq(documentNumbers.documentType, 'report'), eq(documentNumbers.documentId, documentId)));
  if (given) return String(given.number);
  const { number } = await nextDocumentNumber(tx, { tenantId: plan.tenantId, issuerUnitId: commune.id, type: 'report', issuedOn, documentId });
  return String(number);
}

/**
 * POST /api/plans/:id/consolidated-report/submit: issued upward like the plans: numbered from the register
 * ("Số …-BC/ĐU"), dated, with the consolidation as it stands (kept in the plan's aggregate) and
 * delivered to the province (its row in the province's tenant); the cells' reports lock.
 */
export async function submitConsolidatedReport(db: Db, actor: Actor, planId: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { plan, commune, row } = await loadFor(tx, actor, planId, canSubmitConsolidatedReport, 'gửi báo cáo tổng hợp lên cấp trên');
    refuseUnissued(plan);
    refuseSubmitted(row, describe(actor, commune, plan, row));
    if ((row?.version ?? ABSENT_VERSION) !== input.version) throw conflict('consolidated-report', describe(actor, commune, plan, row));
    const at = now();
    const figures = await refreshPlanFigures(tx, plan);
    const id = row?.id ?? crypto.randomUUID();
    const issuedOn = row?.issuedOn ?? todayInVietnam(at);
    const number = await registeredNumber(tx, plan, commune, id, issuedOn);
    const set = { status: 'submitted' as const, number, figures: JSON.parse(JSON.stringify({ ...figures, propaganda: await propagandaTotals(tx, plan.tenantId, plan.id) })) as Record<string, unknown>, submittedAt: at, submittedBy: actor.userId, issuedOn, updatedAt: at };
    const key = and(eq(consolidatedReports.tenantId, plan.tenantId), eq(consolidatedReports.planId, plan.id));
    const saved = await updateVersioned(tx, consolidatedReports, key, input.version, set, {
      entity: 'consolidated-report',
      current: async () => describe(actor, commune, plan, await consolidatedReportOf(tx, plan.tenantId, plan.id)),
      create: { absentVersion: ABSENT_VERSION, target: [consolidatedReports.tenantId, consolidatedReports.planId], values: { id, tenantId: plan.tenantId, planId: plan.id, ...set } as typeof consolidatedReports.$inferInsert },
    });
    await sendUpwardReport(tx, plan, figures, { number: `${number}-BC/ĐU`, issuedOn, submittedAt: at, difficulties: saved.difficulties, proposals: saved.proposals });
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'consolidated-report.submit', entity: 'plan', entityId: plan.id, before: row ?? undefined, after: saved });
    return describe(actor, commune, plan, saved);
  });
}

/** POST /api/plans/:id/consolidated-report/reopen: the cells' reports unlock; the report returns to the ward. */
export async function reopenConsolidatedReport(db: Db, actor: Actor, planId: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const { plan, commune, row } = await loadFor(tx, actor, planId, canReopenConsolidatedReport, 'mở lại báo cáo tổng hợp');
    if (row?.status !== 'submitted') throw stateConflict('consolidated-report.not-submitted', 'Chỉ mở lại được báo cáo tổng hợp đã gửi lên cấp trên.', describe(actor, commune, plan, row));
    const key = and(eq(consolidatedReports.tenantId, plan.tenantId), eq(consolidatedReports.id, row.id));
    const saved = await updateVersioned(tx, consolidatedReports, key, input.version, { status: 'reopened', reopenedAt: now(), updatedAt: now() }, {
      entity: 'consolidated-report',
      current: async () => describe(actor, commune, plan, await consolidatedReportOf(tx, plan.tenantId, plan.id)),
    });
    await refreshPlanFigures(tx, plan);
    await withdrawUpwardReport(tx, plan);
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'consolidated-report.reopen', entity: 'plan', entityId: plan.id, before: row, after: saved });
    return describe(actor, commune, plan, saved);
  });
}
