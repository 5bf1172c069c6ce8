// Writing the province's rows (upward_reports, in the province's tenant) from a commune's steps, in
// the commune step's own transaction: a plan issued (pending, no figures), the ward's report submitted
// upward (the consolidation as submitted, its number), the ward's report reopened (withdrawn).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { now } from '../../clock';
import { isOnTime, reportDueAt, type Consolidation } from '../../../domain/report-figures';
import { units, type Unit } from '../units/tables';
import type { Plan } from '../plans/tables';
import { upwardReports, type UpwardReport } from './tables';

/** The province above a commune (null for a commune without one: nothing goes upward). */
export async function provinceOfCommune(db: DbOrTx, commune: Pick<Unit, 'parentId'>): Promise<Unit | null> {
  if (!commune.parentId) return null;
  const [parent] = await db.select().from(units).where(eq(units.id, commune.parentId));
  return parent?.kind === 'province' ? parent : null;
}

const resolutionOf = (plan: Plan) => plan.body.resolutions?.[0]?.number?.trim() || plan.title;
const planNumberOf = (plan: Plan) => (plan.number ? `${plan.number}-${plan.symbol}` : '');

function heading(commune: Unit, plan: Plan) {
  return { communeName: commune.name, planTitle: plan.title, planNumber: planNumberOf(plan), resolution: resolutionOf(plan), dueAt: reportDueAt(plan.body.tasks ?? []) };
}

async function communeOf(tx: DbOrTx, plan: Plan): Promise<Unit> {
  const [commune] = await tx.select().from(units).where(and(eq(units.tenantId, plan.tenantId), eq(units.id, plan.tenantId)));
  return commune!;
}

/** On issue: the province expects a report from the commune on this plan (no figures yet). */
export async function expectUpwardReport(tx: Tx, plan: Plan) {
  const commune = await communeOf(tx, plan);
  const province = await provinceOfCommune(tx, commune);
  if (!province) return;
  const values = { ...heading(commune, plan), updatedAt: now() };
  await tx
    .insert(upwardReports)
    .values({ tenantId: province.tenantId, communeId: commune.id, planId: plan.id, status: 'pending', ...values })
    .onConflictDoUpdate({ target: [upwardReports.tenantId, upwardReports.communeId, upwardReports.planId], set: values });
}

export interface SentReport {
  number: string;
  issuedOn: string | null;
  submittedAt: Date;
  difficulties: string;
  proposals: string;
}

/** The ward submits upward: the province's row takes the consolidation as it stands, and the number. */
export async function sendUpwardReport(tx: Tx, plan: Plan, consolidation: Consolidation, sent: SentReport): Promise<UpwardReport | null> {
  const commune = await communeOf(tx, plan);
  const province = await provinceOfCommune(tx, commune);
  if (!province) return null;
  const [before] = await tx
    .select({ firstSubmittedAt: upwardReports.firstSubmittedAt })
    .from(upwardReports)
    .where(and(eq(upwardReports.tenantId, province.tenantId), eq(upwardReports.communeId, commune.id), eq(upwardReports.planId, plan.id)));
  const head = heading(commune, plan);
  const firstSubmittedAt = before?.firstSubmittedAt ?? sent.submittedAt;
  const c = consolidation;
  const values = {
    ...head,
    status: 'submitted' as const,
    number: sent.number,
    issuedOn: sent.issuedOn,
    firstSubmittedAt,
    submittedAt: sent.submittedAt,
    onTime: isOnTime(firstSubmittedAt, head.dueAt),
    cellsExpected: c.expected,
    cellsSubmitted: c.submitted,
    cellsOnTime: c.onTime,
    cellsLate: c.late,
    cellsMissing: c.missing,
    membersExpected: c.members.expected,
    membersPresent: c.members.present,
    membersLate: c.members.late,
    membersExcused: c.members.excused,
    membersAbsent: c.members.absent,
    membersMadeUp: c.members.madeUp,
    ratings: c.ratings,
    cells: c.cells.map((cell) => ({ unitName: cell.unitName, status: cell.status, submittedAt: cell.submittedAt, onTime: cell.onTime, total: cell.total, rating: cell.rating })),
    difficulties: sent.difficulties,
    proposals: sent.proposals,
    readAt: null,
    readBy: null,
    updatedAt: now(),
  };
  const [row] = await tx
    .insert(upwardReports)
    .values({ tenantId: province.tenantId, communeId: commune.id, planId: plan.id, ...values })
    .onConflictDoUpdate({ target: [upwardReports.tenantId, upwardReports.communeId, upwardReports.planId], set: values })
    .returning();
  return row ?? null;
}

/** The ward reopens its report: the province no longer sees its figures until it is submitted again. */
export async function withdrawUpwardReport(tx: Tx, plan: Plan) {
  const commune = await communeOf(tx, plan);
  const province = await provinceOfCommune(tx, commune);
  if (!province) return;
  await tx
    .update(upwardReports)
    .set({ status: 'reopened', updatedAt: now() })
    .where(and(eq(upwardReports.tenantId, province.tenantId), eq(upwardReports.communeId, commune.id), eq(upwardReports.planId, plan.id)));
}
