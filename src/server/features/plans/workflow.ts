// draft → submitted → approved (ward leadership) → issued. Issuing numbers the plan per issuer,
// symbol and period, fixes its date, locks it and delivers it to every recipient unit's inbox.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, forbidden } from '../../errors';
import { acknowledgedErrors, ruleNames, unacknowledgedErrors, type Acknowledgement, type DiagnosticCode } from '../../../domain/plan-import';
import { formatNumberLine } from '../../../domain/document-numbering';
import { todayInVietnam } from '../../../domain/dates';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { units } from '../units/tables';
import { openOn, toRef } from '../units/service';
import { isCollectiveCellsLine } from '../../../domain/recipients';
import { canApprovePlan, canCreatePlanVersion, canIssuePlan, canReturnPlan, canSubmitPlan } from './policy';
import { analysePlanSource, conflictIssued, loadPlanFor, unitsOf } from './service';
import { nextDocumentNumber, peekDocumentNumber } from '../../documents/numbering';
import { planDeliveries, planRecipients, planResolutions, plans, type Plan } from './tables';
import { now } from '../../clock';
import { fanOutPlan } from '../study-sessions/fan-out';
import { createPlanTasks } from '../tasks/create';
import { expectUpwardReport } from '../province/upward';

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
      // Who may not take this step at any stage hears so (403) before the plan's state (decision 012).
      const atItsStage = { submit: 'draft', approve: 'submitted', return: 'submitted', issue: 'approved' } as const;
      const checks = { submit: canSubmitPlan, approve: canApprovePlan, return: canReturnPlan, issue: canIssuePlan };
      if (!checks[step](actor, { ...plan, status: atItsStage[step] }, ref)) throw forbidden(stepNames[step]);
      if (plan.status === 'issued') throw conflictIssued();
      // The step was refused because someone moved the plan on since the user loaded it: say so.
      if (plan.version !== version) throw conflict('plan');
      throw forbidden(stepNames[step]);
    }
    if (plan.version !== version) throw conflict('plan');
    // Claim the row before the step's own writes (a number, deliveries): the versioned write moves
    // the version on and locks the row, so a concurrent step sent with the same version waits, then
    // gets 409 instead of taking a second number. The row is ours until commit: the step's own
    // changes need no second version check.
    await updateVersioned(tx, plans, eq(plans.id, id), version, { updatedAt: now() }, { entity: 'plan' });
    const changes = await apply(tx, plan);
    const [updated] = await tx.update(plans).set(changes).where(eq(plans.id, id)).returning();
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

/**
 * The plan's text is linted again; every error must be acknowledged with a reason (warnings never
 * block). The acknowledgements are kept with the submitted version and in its audit entry.
 */
export const submitPlan = (db: Db, actor: Actor, id: string, version: number, acknowledgements: Acknowledgement[] = []) =>
  transition(db, actor, id, version, 'submit', async (tx, plan) => {
    const { diagnostics } = await analysePlanSource(tx, await unitsOf(tx, plan.tenantId), plan.source);
    const open = unacknowledgedErrors(diagnostics, acknowledgements);
    if (open.length > 0) {
      const list = open.map((d) => `dòng ${d.line}: ${ruleNames[d.code as DiagnosticCode] ?? d.code}`).join('; ');
      throw badRequest(
        'plan.lint-errors',
        `Kế hoạch còn ${open.length} lỗi chưa sửa (${list}). Hãy sửa, hoặc ghi rõ lý do giữ nguyên từng lỗi (ít nhất vài từ) rồi trình lại.`,
        { errors: open },
      );
    }
    const at = now().toISOString();
    const kept = acknowledgedErrors(diagnostics, acknowledgements).map(({ error, reason }) => ({
      code: error.code,
      line: error.line,
      message: error.message,
      reason,
      byId: actor.userId,
      byName: actor.displayName,
      at,
    }));
    return { status: 'submitted', submittedBy: actor.userId, lintAcknowledgements: kept };
  });

export const approvePlan = (db: Db, actor: Actor, id: string, version: number) =>
  transition(db, actor, id, version, 'approve', async () => ({ status: 'approved', approvedBy: actor.userId }));

export const returnPlan = (db: Db, actor: Actor, id: string, version: number) =>
  transition(db, actor, id, version, 'return', async () => ({ status: 'draft', lintAcknowledgements: [] }));

/** The plan's counter in the register of numbers: its issuer, symbol and the period of `issuedOn`. */
const counterOf = (plan: Plan, issuedOn: string) => ({ tenantId: plan.tenantId, issuerUnitId: plan.issuerUnitId, type: 'plan' as const, issuedOn, symbol: plan.symbol });

export const issuePlan = (db: Db, actor: Actor, id: string, version: number, issuedOn = todayInVietnam(now())) =>
  transition(db, actor, id, version, 'issue', async (tx, plan) => {
    // The register counts per issuer, symbol and period for every type of document (decision 011).
    const { number, period } = await nextDocumentNumber(tx, { ...counterOf(plan, issuedOn), documentId: plan.id });
    await deliver(tx, plan, issuedOn);
    // One study session for every open cell and grassroots organisation of the plan's scope.
    await fanOutPlan(tx, plan, issuedOn);
    // Section IV's tasks: one per unit named, one per open cell for a task given to the cells.
    await createPlanTasks(tx, plan, issuedOn, actor.userId);
    // The province expects the commune's report on it (its row in the province's tenant, no figures yet).
    await expectUpwardReport(tx, { ...plan, number, issuedOn });
    return { status: 'issued', number, numberPeriod: period, issuedOn, issuedBy: actor.userId };
  });

/** What issuing would write, without taking the number: shown in the confirmation before issuing. */
export async function previewIssue(db: Db, actor: Actor, id: string, issuedOn = todayInVietnam(now())) {
  const { plan, commune } = await loadPlanFor(db, actor, id);
  if (!canIssuePlan(actor, plan, toRef(commune))) {
    if (plan.status === 'issued') throw conflictIssued();
    throw forbidden(stepNames.issue);
  }
  const { number } = await peekDocumentNumber(db, counterOf(plan, issuedOn));
  return { number: `${number}-${plan.symbol}`, numberText: formatNumberLine(String(number), plan.symbol), issuedOn };
}

/**
 * One inbox entry per recipient unit open on the issue date; the collective line reaches every cell
 * and grassroots organisation open then. A closed unit receives nothing new (decision 014).
 */
async function deliver(tx: Tx, plan: Plan, issuedOn: string) {
  const recipients = await tx.select().from(planRecipients).where(eq(planRecipients.planId, plan.id));
  const named = recipients.flatMap((r) => (r.unitId ? [r.unitId] : []));
  const targets = new Set(
    named.length
      ? (await tx.select({ id: units.id }).from(units).where(and(eq(units.tenantId, plan.tenantId), inArray(units.id, named), openOn(issuedOn)))).map((u) => u.id)
      : [],
  );
  if (recipients.some((r) => !r.unitId && isCollectiveCellsLine(r.label))) {
    const cells = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.tenantId, plan.tenantId), inArray(units.kind, ['cell', 'grassrootsOrg']), openOn(issuedOn)));
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
    const { id: _id, number: _n, numberPeriod: _p, issuedOn: _d, issuedBy: _i, approvedBy: _a, submittedBy: _s, createdAt: _c, updatedAt: _u, version: _v, lintAcknowledgements: _l, ...rest } = plan;
    const [draft] = await tx.insert(plans).values({ ...rest, status: 'draft', supersedesId: plan.id, createdBy: actor.userId }).returning();
    const cited = await tx.select().from(planResolutions).where(eq(planResolutions.planId, plan.id));
    if (cited.length) await tx.insert(planResolutions).values(cited.map((c) => ({ ...c, planId: draft!.id })));
    const recipients = await tx.select().from(planRecipients).where(eq(planRecipients.planId, plan.id));
    if (recipients.length) await tx.insert(planRecipients).values(recipients.map(({ id: _r, ...r }) => ({ ...r, planId: draft!.id })));
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'plan.new-version', entity: 'plan', entityId: draft!.id, before: { supersedes: plan.id }, after: draft });
    return draft!.id;
  });
}
