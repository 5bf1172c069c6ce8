// Who manages accounts (decision 016): administrators, within the subtree of their admin grant. A
// commune's administrator grants roles on the units of their commune; roles above a commune (on
// the province) and the province viewer's role only an administrator of the province grants.
import { type Actor, type UnitRef, hasAnyRole, hasRoleOver } from '../../auth/actor';
import type { Role } from '../../auth/tables';

const managers = ['admin'] as const satisfies readonly Role[];

/** Lists, creates, disables, resets the accounts of a commune; prints their letters. */
export function canManageAccounts(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, managers, commune);
}

/** Roles only a province administrator hands out, whatever the unit. */
export const provinceRoles = ['provinceViewer'] as const satisfies readonly Role[];

/** Grants (or revokes) `role` on `unit`: an administrator over the unit, and of the province for province roles or units. */
export function canGrantRole(actor: Actor, role: Role, unit: UnitRef): boolean {
  if (!hasRoleOver(actor, managers, unit)) return false;
  const aboveCommune = unit.kind === 'province' || (provinceRoles as readonly Role[]).includes(role);
  return !aboveCommune || actor.grants.some((g) => g.role === 'admin' && g.unitKind === 'province' && unit.path.startsWith(g.unitPath));
}

/** A province administrator opens a commune below their province. */
export function canCreateCommune(actor: Actor, province: UnitRef): boolean {
  return province.kind === 'province' && hasRoleOver(actor, managers, province);
}

/** The communes of a province: its administrators and viewers. */
export function canListCommunes(actor: Actor): boolean {
  return actor.grants.some((g) => g.unitKind === 'province') && hasAnyRole(actor, ['admin', 'provinceViewer']);
}
