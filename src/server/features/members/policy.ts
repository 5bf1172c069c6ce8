import type { SQL } from 'drizzle-orm';
import { type Actor, type UnitRef, editors, hasAnyRole, hasRoleOver, overseers } from '../../auth/actor';
import { memberListRoles, withinGrants } from '../units/policy';
import { units } from '../units/tables';

/** A member's page: overseers of their cell, their cell secretary, and the member themself. */
export function canViewMember(actor: Actor, member: { id: string }, cell: UnitRef): boolean {
  if (actor.memberId === member.id) return true;
  return hasRoleOver(actor, [...overseers, 'cellSecretary'], cell);
}

/** Editing a member's data belongs to the ward office, within its ward. */
export function canEditMember(actor: Actor, cell: UnitRef): boolean {
  return hasRoleOver(actor, editors, cell);
}

/** Importing member lists into a commune. */
export function canImportMembers(actor: Actor, commune: UnitRef): boolean {
  return commune.kind === 'commune' && hasRoleOver(actor, editors, commune);
}

/** The empty import template holds no data: whoever imports member lists anywhere may fetch it. */
export function canDownloadMemberTemplate(actor: Actor): boolean {
  return hasAnyRole(actor, editors);
}

/** Exporting the member list of a unit: whoever may list it. */
export function canExportMembers(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, memberListRoles, unit);
}

/** Searching members finds exactly the members one may list: those of the cells below one's grants. */
export function canSearchMembers(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, memberListRoles, unit);
}

/** The list form of canSearchMembers: the members GET /api/members/search may return (joined to their cell). */
export function memberSearchFilter(actor: Actor): SQL {
  return withinGrants(actor, memberListRoles, units.path);
}
