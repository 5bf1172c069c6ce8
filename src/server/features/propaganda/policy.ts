// Who reads a plan's propaganda log and loudspeaker schedule, and who writes them (decision 012:
// asked by the service that loads the target; 404 when the plan is not visible, 403 when visible but
// not theirs to act on).
import { type Actor, type UnitRef, editors, hasRoleOver } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { canViewPlan } from '../plans/policy';
import type { Plan } from '../plans/tables';

/** The ward staff for any unit of the commune; a unit's officer or a cell's secretary for their own. */
export const propagandaWriters = [...editors, 'unitOfficer', 'cellSecretary'] as const satisfies readonly Role[];

/** The log and the schedule are read by whoever reads the plan. */
export function canViewPropaganda(actor: Actor, plan: Pick<Plan, 'status' | 'tenantId'>, commune: UnitRef): boolean {
  return canViewPlan(actor, plan, commune);
}

/** Entries, schedules and confirmations of a unit: its own officer or secretary, or the ward staff. */
export function canWritePropaganda(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, propagandaWriters, unit);
}
