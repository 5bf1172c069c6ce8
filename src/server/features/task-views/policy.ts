// Who reads which view of the tasks (issue 12, "Views"). The tasks are the units' work: a unit's own
// people see their unit's; the ward's overseers see the commune's (the province read-only).
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { type Actor, type UnitRef, grantRoots, hasRoleOver, overseers } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { withinGrants } from '../units/policy';
import { units } from '../units/tables';
import { planTasks } from '../tasks/tables';

/** Roles that answer for the tasks given to the very unit they are granted on (not below it). */
export const taskHolderRoles = ['cellSecretary', 'unitOfficer', 'wardStaff', 'wardLeader', 'admin'] as const satisfies readonly Role[];

/** "Nhiệm vụ của đơn vị": whoever answers for a unit (a cell's secretary, an agency's officer, the ward office for the commune's own). */
export function canViewOwnUnitTasks(actor: Actor): boolean {
  return grantRoots(actor, taskHolderRoles).some((g) => g.unitKind !== 'province');
}

/** The list form of canViewOwnUnitTasks: the tasks assigned to the units the actor's grants name. */
export function ownUnitTasksFilter(actor: Actor): SQL {
  const roots = grantRoots(actor, taskHolderRoles).filter((g) => g.unitKind !== 'province');
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((g) => and(eq(planTasks.tenantId, g.unitTenantId), eq(planTasks.assigneeUnitId, g.unitId))))!;
}

/** The ward overview (by unit, by plan) and its filtered lists: the commune's overseers; the province reads. */
export function canViewTaskOverview(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, overseers, commune);
}

/** Roles whose month calendar lists what happens at and below their unit. */
export const calendarRoles = [...overseers, 'unitOfficer', 'cellSecretary'] as const satisfies readonly Role[];

/** The month calendar of a commune: its overseers, and its officers and secretaries for their own units. */
export function canViewMonthCalendar(actor: Actor, commune: UnitRef): boolean {
  return actor.grants.some((g) => calendarRoles.includes(g.role as (typeof calendarRoles)[number]) && (g.unitTenantId === commune.id || commune.path.startsWith(g.unitPath)));
}

/** The list form of canViewMonthCalendar: the units whose events the calendar shows (joined to `units`). */
export function monthCalendarFilter(actor: Actor, path = units.path): SQL {
  return withinGrants(actor, calendarRoles, path);
}

/** Whether the actor oversees the commune (its conferences appear on their calendar). */
export function overseersOver(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, overseers, commune);
}
