// draft → submitted → approved (ward leadership) → issued. Issuing numbers the plan per issuer,
// symbol and period, fixes its date, locks it and delivers it to every recipient unit's inbox.
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { conflict, forbidden } from '../../errors';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { units } from '../units/tables';
import { toRef } from '../units/service';
import { isCollectiveCellsLine } from '../../../domain/recipients';
import { canApprovePlan, canCreatePlanVersion, canIssuePlan, canReturnPlan, canSubmitPlan } from './policy';
import { conflictIssued, loadPlanFor } from './service';
import { loadCommuneSettings, numberPeriod } from '../settings/service';
import { planDeliveries, planRecipients, planResolutions, plans, type Plan } from './tables';

type Step = 'submit' | 'approve' | 'return' | 'issue';

async function transition(db: Db, actor: Actor, id: string, version: number, step: Step, apply: (tx: Tx, plan: Plan) => Promise<Partial<Plan>>) {
  return db.transaction(async (tx) => {
    const { plan, commune } = await loadPlanFor(tx, actor, id);
    const ref = toRef(commune);
    const allowed = {
      submit: canSubmitPlan(actor, plan, ref),
      approve: canApprovePlan(actor, plan, ref),
      return: canReturnPlan(actor, plan, ref),
      issue: canIssuePlan(actor, plan, ref),
    }[step];
    if (!allowed) {
      if (plan.status === 'issued') throw conflictIssued();
      // The step was refused because someone moved the plan on since the user loaded it: say so.
      if (plan.version !== version) throw conflict('plan');
      throw forbidden(stepNames[step]);
    }
    if (plan.version !== version) throw conflict('plan');
    const changes = await apply(tx, plan);
    const updated = await updateVersioned(tx, plans, eq(plans.id, id), version, { ...changes, updatedAt: new Date() }, { entity: 'plan' });
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: `plan.${step}`, entity: 'plan', entityId: id, before: plan, after: updated });
    return updated;
  });
}

const stepNames: Record<Step, string> = {
  submit: 'trình kế hoạch này (chỉ trình được bản nháp)',
  approve: 'duyệt kế hoạch (việc của Thường trực, Ban Thường vụ Đảng ủy, với kế hoạch đã trình)',
  return: 'trả lại kế hoạch (việc của Thường trực, Ban Thường vụ Đảng ủy, với kế hoạch đã trình)',
  issue: 'ban hành kế hoạch này (chỉ ban hành được kế hoạch đã duyệt)',
};

export const submitPlan = (db: Db, actor: Actor, id: string, version: number) =>
  transition(db, actor, id, version, 'submit', async () => ({ status: 'submitted', submittedBy: actor.userId }));

export const approvePlan = (db: Db, actor: Actor, id: string, version: number) =>
  transition(db, actor, id, version, 'approve', async () => ({ status: 'approved', approvedBy: actor.userId }));

export const returnPlan = (db: Db, actor: Actor, id: string, version: number) =>
  transition(db, actor, id, version, 'return', async () => ({ status: 'draft' }));

export const issuePlan = (db: Db, actor: Actor, id: string, version: number, issuedOn = new Date().toISOString().slice(0, 10)) =>
  transition(db, actor, id, version, 'issue', async (tx, plan) => {
    const [commune] = await tx.select().from(units).where(eq(units.id, plan.tenantId));
    const settings = await loadCommuneSettings(tx, commune!);
    const period = numberPeriod(settings, issuedOn);
    // Serialise numbering per issuer: concurrent issues wait here instead of taking the same number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`plan-number:${plan.issuerUnitId}:${plan.symbol}:${period}`}))`);
    const [last] = await tx
      .select({ n: max(plans.number) })
      .from(plans)
      .where(and(eq(plans.issuerUnitId, plan.issuerUnitId), eq(plans.symbol, plan.symbol), eq(plans.numberPeriod, period)));
    await deliver(tx, plan);
    return { status: 'issued', number: (last?.n ?? 0) + 1, numberPeriod: period, issuedOn, issuedBy: actor.userId };
  });

/** One inbox entry per recipient unit; the collective line reaches every cell and grassroots organisation. */
async function deliver(tx: Tx, plan: Plan) {
  const recipients = await tx.select().from(planRecipients).where(eq(planRecipients.planId, plan.id));
  const targets = new Set(recipients.flatMap((r) => (r.unitId ? [r.unitId] : [])));
  if (recipients.some((r) => !r.unitId && isCollectiveCellsLine(r.label))) {
    const cells = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.tenantId, plan.tenantId), inArray(units.kind, ['cell', 'grassrootsOrg'])));
    cells.forEach((c) => targets.add(c.id));
  }
  if (targets.size === 0) return;
  await tx
    .insert(planDeliveries)
    .values([...targets].map((unitId) => ({ tenantId: plan.tenantId, planId: plan.id, unitId })))
    .onConflictDoNothing();
}

/** An issued plan stays as it is; a change starts a new draft that supersedes it. */
export async function newPlanVersion(db: Db, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const { plan, commune } = await loadPlanFor(tx, actor, id);
    if (!canCreatePlanVersion(actor, plan, toRef(commune))) throw forbidden('tạo phiên bản mới của kế hoạch này');
    const { id: _id, number: _n, numberPeriod: _p, issuedOn: _d, issuedBy: _i, approvedBy: _a, submittedBy: _s, createdAt: _c, updatedAt: _u, version: _v, ...rest } = plan;
    const [draft] = await tx.insert(plans).values({ ...rest, status: 'draft', supersedesId: plan.id, createdBy: actor.userId }).returning();
    const cited = await tx.select().from(planResolutions).where(eq(planResolutions.planId, plan.id));
    if (cited.length) await tx.insert(planResolutions).values(cited.map((c) => ({ ...c, planId: draft!.id })));
    const recipients = await tx.select().from(planRecipients).where(eq(planRecipients.planId, plan.id));
    if (recipients.length) await tx.insert(planRecipients).values(recipients.map(({ id: _r, ...r }) => ({ ...r, planId: draft!.id })));
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'plan.new-version', entity: 'plan', entityId: draft!.id, before: { supersedes: plan.id }, after: draft });
    return draft!.id;
  });
}
