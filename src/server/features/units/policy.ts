import { type Actor, type UnitRef, hasRoleOver, overseers } from '../../auth/actor';
import { isWithin } from '../../../domain/org-tree';

/**
 * Who may name a commune to work in (`?communeId=`): its own people, and whoever holds a grant on it
 * or above it (the province). What they may do there is still each feature's policy.
 */
export function canWorkInCommune(actor: Actor, commune: UnitRef): boolean {
  return actor.tenantId === commune.id || actor.grants.some((g) => isWithin(commune.path, g.unitPath));
}

/** Who sees a unit in the tree: overseers below their grant; officers and secretaries their own unit. */
export function canViewUnit(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...overseers, 'unitOfficer', 'cellSecretary'], unit);
}

/** Who sees the members of a unit: overseers, and a cell secretary for their own cell. */
export function canListMembers(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...overseers, 'cellSecretary'], unit);
}
