import { type Actor, type UnitRef, hasRoleOver, overseers } from '../../auth/actor';

/** Who sees a unit in the tree: overseers below their grant; officers and secretaries their own unit. */
export function canViewUnit(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...overseers, 'unitOfficer', 'cellSecretary'], unit);
}

/** Who sees the members of a unit: overseers, and a cell secretary for their own cell. */
export function canListMembers(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...overseers, 'cellSecretary'], unit);
}
