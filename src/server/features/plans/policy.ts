import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';
import type { Plan } from './tables';

type PlanRef = Pick<Plan, 'status' | 'tenantId'>;

/**
 * Drafts are the ward's (the office's and the leadership's); an issued plan is read by everyone of the
 * commune and by the province above it, which sees what the ward issued, never its work in progress.
 */
export function canViewPlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  if (hasRoleOver(actor, overseers.filter((role) => role !== 'provinceViewer'), commune)) return true;
  return plan.status === 'issued' && (actor.tenantId === plan.tenantId || hasRoleOver(actor, ['provinceViewer'], commune));
}

/** The office drafts plans of its commune. */
export function canDraftPlan(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** Only a draft is edited; once submitted it waits for the leadership. */
export function canEditPlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'draft' && canDraftPlan(actor, commune);
}

export function canSubmitPlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'draft' && canDraftPlan(actor, commune);
}

/** Approval (or return for correction) belongs to the ward leadership (Thường trực, Ban Thường vụ). */
export function canApprovePlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'submitted' && hasRoleOver(actor, ['wardLeader'], commune);
}

/** The office issues an approved plan: numbers it, dates it and sends it. */
export function canIssuePlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'approved' && canDraftPlan(actor, commune);
}

/** A recipient unit's inbox is read by whoever holds a role on that unit or above it. */
export function canReadInbox(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...overseers, 'unitOfficer', 'cellSecretary'], unit);
}

/**
 * Only the recipient unit itself confirms that it received a plan: an officer of that unit or the
 * secretary of that cell (the inbox's own people, as listInbox shows them). Overseers — the office,
 * the leadership, the province, the administrator — read the receipts, they never write them.
 */
export function canConfirmReceipt(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, ['unitOfficer', 'cellSecretary'], unit);
}
