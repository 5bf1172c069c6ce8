import { and, asc, count, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { type Actor, type UnitRef, grantRoots, overseers } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { badRequest, notFound } from '../../errors';
import { members } from '../members/tables';
import { canWorkInCommune } from './policy';
import { units, type Unit } from './tables';

/** Loads a unit for a policy check; an unknown id is "not found" whoever asks. */
export async function loadUnit(db: DbOrTx, id: string): Promise<Unit> {
  const [unit] = await db.select().from(units).where(eq(units.id, id));
  if (!unit) throw notFound('unit');
  return unit;
}

export const toRef = (u: Unit): UnitRef => ({ id: u.id, path: u.path, kind: u.kind, tenantId: u.tenantId });

/** SQL condition "the unit's path lies under one of the actor's grants with these roles". */
export function withinGrants(actor: Actor, roles: readonly Role[], path = units.path): SQL {
  const roots = grantRoots(actor, roles);
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((g) => like(path, `${g.unitPath}%`)))!;
}

const treeRoles: readonly Role[] = [...overseers, 'unitOfficer', 'cellSecretary'];

/** The units an actor may see, in tree order, with the number of members of each cell. */
export async function listVisibleUnits(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({ unit: units, memberCount: count(members.id) })
    .from(units)
    .leftJoin(members, eq(members.cellId, units.id))
    .where(withinGrants(actor, treeRoles))
    .groupBy(units.id)
    .orderBy(asc(units.sortOrder), asc(units.name));
  return rows.map((r) => ({ ...r.unit, memberCount: Number(r.memberCount) }));
}

export async function loadUnitDetail(db: DbOrTx, unit: Unit) {
  const ancestorIds = unit.path.split('/').filter((id) => id && id !== unit.id);
  const [ancestors, children, [own]] = await Promise.all([
    ancestorIds.length
      ? db.select({ id: units.id, name: units.name, kind: units.kind, path: units.path }).from(units).where(inArray(units.id, ancestorIds))
      : Promise.resolve([]),
    db
      .select({ unit: units, memberCount: count(members.id) })
      .from(units)
      .leftJoin(members, eq(members.cellId, units.id))
      .where(eq(units.parentId, unit.id))
      .groupBy(units.id)
      .orderBy(asc(units.sortOrder), asc(units.name)),
    db.select({ n: count() }).from(members).where(eq(members.cellId, unit.id)),
  ]);
  return {
    unit: { ...unit, memberCount: Number(own?.n ?? 0) },
    ancestors: ancestors.sort((a, b) => a.path.length - b.path.length).map(({ id, name, kind }) => ({ id, name, kind })),
    children: children.map((c) => ({ ...c.unit, memberCount: Number(c.memberCount) })),
  };
}

/** The cells of a commune, for matching names in imports. */
export async function listCellsOfTenant(db: DbOrTx, tenantId: string) {
  return db
    .select()
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.kind, 'cell')));
}

/**
 * The commune a request works in: the one named (`?communeId=`), which the actor must reach — out of
 * reach reads as not found, so no id reveals a commune; else the actor's own; else the only commune
 * below a province-level account's grants.
 */
export async function resolveCommune(db: DbOrTx, actor: Actor, communeId?: string | null): Promise<Unit> {
  const id = communeId ?? actor.tenantId ?? (await onlyCommuneWithin(db, actor));
  const unit = await loadUnit(db, id);
  if (!canWorkInCommune(actor, toRef(unit))) throw notFound('unit');
  if (unit.kind !== 'commune') throw badRequest('commune.required', 'Đơn vị được chọn không phải đảng bộ xã, phường.');
  return unit;
}

/** A province-level account (administrator, province viewer) over a single commune works in it. */
async function onlyCommuneWithin(db: DbOrTx, actor: Actor): Promise<string> {
  const communes = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.kind, 'commune'), withinGrants(actor, overseers)))
    .limit(2);
  if (communes.length === 1) return communes[0]!.id;
  // Names no commune: the list to choose from is the organisation tree the account may see.
  throw badRequest(
    'commune.required',
    communes.length
      ? 'Tài khoản theo dõi nhiều đảng bộ xã, phường: hãy chọn đảng bộ để làm việc.'
      : 'Tài khoản chưa được giao đảng bộ xã, phường nào để làm việc.',
  );
}
