// Who sees and changes people, positions and membership histories (decision 015).
import { type Actor, type UnitRef, editors, hasRoleOver } from '../../auth/actor';
import type { Role } from '../../auth/tables';

/** The commune's people and positions are read by its office, its leadership and the administrators. */
export const peopleViewers = ['admin', 'wardStaff', 'wardLeader'] as const satisfies readonly Role[];

/** The people list and any person of the commune. */
export function canViewPeople(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, peopleViewers, commune);
}

/** A person's page: the commune's viewers; a cell secretary for a member of their own cell. */
export function canViewPerson(actor: Actor, commune: UnitRef, memberCell: UnitRef | null): boolean {
  return canViewPeople(actor, commune) || (memberCell !== null && hasRoleOver(actor, ['cellSecretary'], memberCell));
}

/** Creating and editing people belongs to the ward office and the administrators. */
export function canEditPeople(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** The positions held in a unit: the commune's viewers; a cell secretary in their own cell. */
export function canViewPositions(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, [...peopleViewers, 'cellSecretary'], unit);
}

/** Giving, editing and ending positions in a unit. */
export function canEditPositions(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, editors, unit);
}

/** The commune's list of position kinds, for whoever reads or gives positions. */
export function canViewPositionKinds(actor: Actor, commune: UnitRef): boolean {
  return canViewPeople(actor, commune);
}

/** Adding position kinds is an administrator's. */
export function canEditPositionKinds(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, ['admin'], commune);
}

/** Recording a member's transfer, exemption or leaving, and creating a member, in a cell. */
export function canRecordMembership(actor: Actor, cell: UnitRef): boolean {
  return hasRoleOver(actor, editors, cell);
}

/** Merging units: the office and the administrators, over every unit involved. */
export function canMergeUnits(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, editors, unit);
}
