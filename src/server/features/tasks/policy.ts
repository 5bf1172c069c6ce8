// Who reads a plan's tasks, who works on them, who edits them (decision 012: asked by the service that
// loads the task; 404 when the plan is not visible, 403 when visible but not theirs to act on).
import { type Actor, type UnitRef, editors, hasRoleOver } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { canViewPlan } from '../plans/policy';
import type { Plan } from '../plans/tables';

/** The assignee unit's own people: its officer (an agency) or its secretary (a cell), and the ward office. */
export const taskWorkers = [...editors, 'unitOfficer', 'cellSecretary'] as const satisfies readonly Role[];

/** A task is read by whoever reads its plan. */
export function canViewTask(actor: Actor, plan: Pick<Plan, 'status' | 'tenantId'>, commune: UnitRef): boolean {
  return canViewPlan(actor, plan, commune);
}

/** Status, evidence and completion: the assignee unit's officer or secretary (or the ward office). */
export function canWorkOnTask(actor: Actor, assignee: UnitRef): boolean {
  return hasRoleOver(actor, taskWorkers, assignee);
}

/** Text, deadline and assignee of an issued plan's task, and tasks added by hand: the ward staff. */
export function canEditTask(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}
