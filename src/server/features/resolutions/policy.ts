import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';

/** Everyone of a commune reads its registry (members read the resolution); the province reads all. */
export function canViewResolutions(actor: Actor, commune: UnitRef): boolean {
  return actor.tenantId === commune.tenantId || hasRoleOver(actor, overseers, commune);
}

/** The ward office registers and edits guiding documents and their files. */
export function canManageResolutions(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}
