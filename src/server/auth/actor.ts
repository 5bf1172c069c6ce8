// The signed-in person as every policy sees them: their roles, each granted on a unit of the tree
// and valid on that unit and everything below it.
import { isWithin } from '../../domain/org-tree';
import type { Role } from './tables';

export interface Grant {
  role: Role;
  unitId: string;
  unitPath: string;
  /** The granted unit's kind and commune, so that a policy can be asked of it (abilities.ts). */
  unitKind: string;
  unitTenantId: string;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  /** The account's tenant (decision 017): its commune, or its province for a province account. */
  tenantId: string;
  /** The commune the account belongs to; null for a province account (its tenant is the province). */
  communeId: string | null;
  memberId: string | null;
  grants: Grant[];
  /** Signed in with a one-time code: nothing but setting a new password until it is set (decision 016). */
  mustChangePassword?: boolean;
}

/** What a policy needs to know about a unit. */
export interface UnitRef {
  id: string;
  path: string;
  kind: string;
  tenantId: string;
}

export function hasRoleOver(actor: Actor, allowed: readonly Role[], unit: Pick<UnitRef, 'path'>): boolean {
  return actor.grants.some((g) => allowed.includes(g.role) && isWithin(unit.path, g.unitPath));
}

export function hasAnyRole(actor: Actor, allowed: readonly Role[]): boolean {
  return actor.grants.some((g) => allowed.includes(g.role));
}

/** The unit a grant names, as a policy sees it. */
export const grantUnit = (g: Grant): UnitRef => ({ id: g.unitId, path: g.unitPath, kind: g.unitKind, tenantId: g.unitTenantId });

/** Units on which the actor holds one of the roles: the roots of what they may reach. */
export function grantRoots(actor: Actor, allowed: readonly Role[]): Grant[] {
  return actor.grants.filter((g) => allowed.includes(g.role));
}

/** Roles that oversee the whole subtree they are granted on. */
export const overseers = ['admin', 'wardStaff', 'wardLeader', 'provinceViewer'] as const satisfies readonly Role[];
/** Roles that may change the organisation and its people. */
export const editors = ['admin', 'wardStaff'] as const satisfies readonly Role[];
