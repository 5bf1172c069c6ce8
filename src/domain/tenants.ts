// Which tenant a unit belongs to (decision 017). The product is distributed by tenant_id on Citus:
// a commune and everything below it are one tenant (its id); a province and the units directly under
// it that are not communes are another (the province's id). Every row carries its tenant.

/** Unit kinds that are a tenant of their own: their tenant_id is their own id. */
export const tenantKinds = ['province', 'commune'] as const;

export function isTenantKind(kind: string): boolean {
  return (tenantKinds as readonly string[]).includes(kind);
}

/** The tenant of a new unit: its own id for a province or a commune, else its parent's tenant. */
export function tenantOfUnit(unit: { id: string; kind: string }, parent: { tenantId: string } | null): string {
  if (isTenantKind(unit.kind)) return unit.id;
  if (!parent) throw new Error(`a ${unit.kind} needs a parent to belong to a tenant`);
  return parent.tenantId;
}

/** The commune an account belongs to: its tenant when that tenant is a commune, else none (a province account). */
export function communeOfTenant(tenant: { id: string; kind: string }): string | null {
  return tenant.kind === 'commune' ? tenant.id : null;
}
