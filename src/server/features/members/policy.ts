import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';

/** A member's page: overseers of their cell, their cell secretary, and the member themself. */
export function canViewMember(actor: Actor, member: { id: string }, cell: UnitRef): boolean {
  if (actor.memberId === member.id) return true;
  return hasRoleOver(actor, [...overseers, 'cellSecretary'], cell);
}

/** Editing a member's data belongs to the ward office, within its ward. */
export function canEditMember(actor: Actor, cell: UnitRef): boolean {
  return hasRoleOver(actor, editors, cell);
}

/** Importing and exporting member lists of a commune. */
export function canImportMembers(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

export function canExportMembers(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...overseers, 'cellSecretary'], unit);
}

/** Searching members across a commune. */
export function canSearchMembers(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, overseers, commune);
}
