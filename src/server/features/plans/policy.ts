import { and, eq, sql, type SQL } from 'drizzle-orm';
import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { withinGrants } from '../units/policy';
import { plans, type Plan } from './tables';

type PlanRef = Pick<Plan, 'status' | 'tenantId'>;

/**
 * Drafts are the ward's (the office's and the leadership's); an issued plan is read by everyone of the
 * commune and by the province above it, which sees what the ward issued, never its work in progress.
 */
export function canViewPlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  if (hasRoleOver(actor, overseers.filter((role) => role !== 'provinceViewer'), commune)) return true;
  return plan.status === 'issued' && (actor.communeId === plan.tenantId || hasRoleOver(actor, ['provinceViewer'], commune));
}

/** The list form of canViewPlan: the plans of a commune GET /api/plans returns. */
export function visiblePlansFilter(actor: Actor, commune: UnitRef): SQL {
  if (hasRoleOver(actor, overseers.filter((role) => role !== 'provinceViewer'), commune)) return eq(plans.tenantId, commune.id);
  if (actor.communeId !== commune.id && !hasRoleOver(actor, ['provinceViewer'], commune)) return sql`false`;
  return and(eq(plans.tenantId, commune.id), eq(plans.status, 'issued'))!;
}

/** The office drafts plans of its commune. */
export function canCreatePlan(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** Only a draft is edited; once submitted it waits for the leadership. */
export function canEditPlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'draft' && canCreatePlan(actor, commune);
}

export function canSubmitPlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'draft' && canCreatePlan(actor, commune);
}

/** Approval belongs to the ward leadership (Thường trực, Ban Thường vụ). */
export function canApprovePlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'submitted' && hasRoleOver(actor, ['wardLeader'], commune);
}

/** Returning a submitted plan for correction is the leadership's too. */
export function canReturnPlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'submitted' && hasRoleOver(actor, ['wardLeader'], commune);
}

/** The office issues an approved plan: numbers it, dates it and sends it. */
export function canIssuePlan(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'approved' && canCreatePlan(actor, commune);
}

/** An issued plan stays as it is; the office starts a new version (a draft that supersedes it). */
export function canCreatePlanVersion(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'issued' && canCreatePlan(actor, commune);
}

/** The office follows who received an issued plan and who read it. */
export function canViewDeliveries(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return plan.status === 'issued' && canCreatePlan(actor, commune);
}

/** The plan's document (DOCX, PDF, HTML) is read by whoever reads the plan. */
export function canDownloadPlanDocument(actor: Actor, plan: PlanRef, commune: UnitRef): boolean {
  return canViewPlan(actor, plan, commune);
}

/** Roles whose own unit has an inbox: an officer of an agency, the secretary of a cell. */
export const inboxRoles = ['unitOfficer', 'cellSecretary'] as const satisfies readonly Role[];

/** A recipient unit's inbox entry is seen by whoever holds a role on that unit or above it. */
export function canReadInbox(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...overseers, ...inboxRoles], unit);
}

/**
 * GET /api/inbox lists the deliveries to the units the actor answers for (their agency, their
 * cell), joined to the recipient unit: the inbox's own people, never the overseers' whole ward.
 */
export function inboxFilter(actor: Actor): SQL {
  return withinGrants(actor, inboxRoles);
}

/**
 * Only the recipient unit itself confirms that it received a plan: an officer of that unit or the
 * secretary of that cell (the inbox's own people, as inboxFilter lists them). Overseers — the office,
 * the leadership, the province, the administrator — read the receipts, they never write them.
 */
export function canConfirmReceipt(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, inboxRoles, unit);
}

/** The plans page: the ward's overseers follow their drafts and steps; the province, what was issued. */
export function canOpenPlansPage(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, overseers, commune);
}
