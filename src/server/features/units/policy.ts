import { like, or, sql, type SQL } from 'drizzle-orm';
import { type Actor, type UnitRef, editors, grantRoots, hasAnyRole, hasRoleOver, overseers } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { isWithin } from '../../../domain/org-tree';
import { units } from './tables';

/** SQL condition "the unit's path lies under one of the actor's grants with these roles". */
export function withinGrants(actor: Actor, roles: readonly Role[], path = units.path): SQL {
  const roots = grantRoots(actor, roles);
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((g) => like(path, `${g.unitPath}%`)))!;
}

/**
 * Who may name a commune to work in (`?communeId=`): its own people, and whoever holds a grant on it
 * or above it (the province). What they may do there is still each feature's policy.
 */
export function canWorkInCommune(actor: Actor, commune: UnitRef): boolean {
  return actor.communeId === commune.id || actor.grants.some((g) => isWithin(commune.path, g.unitPath));
}

/** Roles that see units of the tree: overseers below their grant; officers and secretaries their own unit. */
export const treeRoles = [...overseers, 'unitOfficer', 'cellSecretary'] as const satisfies readonly Role[];

/** Who sees a unit in the tree. */
export function canViewUnit(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, treeRoles, unit);
}

/** The units GET /api/units lists: the list form of canViewUnit. */
export function visibleUnitsFilter(actor: Actor): SQL {
  return withinGrants(actor, treeRoles);
}

/** Roles that see the members of a unit: overseers, and a cell secretary for their own cell. */
export const memberListRoles = [...overseers, 'cellSecretary'] as const satisfies readonly Role[];

/** Who sees the members of a unit. */
export function canListMembers(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, memberListRoles, unit);
}

/**
 * Whether the actor may know that a unit exists, which decides 404 or 403 when a policy refuses:
 * the units of their own commune, and those at or below their grants. Another commune's unit is
 * answered as if it did not exist.
 */
export function canKnowUnit(actor: Actor, unit: UnitRef): boolean {
  return (actor.communeId !== null && unit.tenantId === actor.communeId) || actor.grants.some((g) => isWithin(unit.path, g.unitPath));
}

/**
 * Ward staff and administrators manage the units of a commune (decision 014): the commune itself
 * and what lies below it, never the province above. One function per action, sharing this rule.
 */
function managesUnit(actor: Actor, unit: UnitRef): boolean {
  return unit.kind !== 'province' && hasRoleOver(actor, editors, unit);
}

/** Adding a unit under `parent`. */
export function canCreateUnit(actor: Actor, parent: UnitRef): boolean {
  return managesUnit(actor, parent);
}

/** Renaming a unit. */
export function canRenameUnit(actor: Actor, unit: UnitRef): boolean {
  return managesUnit(actor, unit);
}

/** Moving a unit: asked of the unit moved and of the parent it goes to. */
export function canMoveUnit(actor: Actor, unit: UnitRef): boolean {
  return managesUnit(actor, unit);
}

export function canCloseUnit(actor: Actor, unit: UnitRef): boolean {
  return managesUnit(actor, unit);
}

export function canReopenUnit(actor: Actor, unit: UnitRef): boolean {
  return managesUnit(actor, unit);
}

/** Moving a unit up or down among its siblings. */
export function canReorderUnit(actor: Actor, unit: UnitRef): boolean {
  return managesUnit(actor, unit);
}

/** Deleting a unit created by mistake (one without members, children or history). */
export function canDeleteUnit(actor: Actor, unit: UnitRef): boolean {
  return managesUnit(actor, unit);
}

/** Importing a tree of units below a unit. */
export function canImportUnitTree(actor: Actor, unit: UnitRef): boolean {
  return managesUnit(actor, unit);
}

/** Exporting the tree below a unit: whoever oversees it. */
export function canExportUnitTree(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, overseers, unit);
}

/** The empty tree template holds no data: whoever manages units anywhere may fetch it. */
export function canDownloadUnitTemplate(actor: Actor): boolean {
  return hasAnyRole(actor, editors);
}
