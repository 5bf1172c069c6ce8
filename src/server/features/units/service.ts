import { and, asc, count, eq, gt, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { prepared } from '../../db/prepared';
import { type Actor, type UnitRef, overseers } from '../../auth/actor';
import { badRequest, forbidden, notFound } from '../../errors';
import { members } from '../members/tables';
import { canExportMembers, canImportMembers } from '../members/policy';
import { canRecordMembership } from '../people/policy';
import { canKnowUnit, canListMembers, canViewUnit, canWorkInCommune, visibleUnitsFilter, withinGrants } from './policy';
import { units, type Unit } from './tables';
import { todayInVietnam } from '../../../domain/dates';
import { now } from '../../clock';
import { readTogether } from '../../db/read-together';

/** Loads a unit for a policy check; an unknown id is "not found" whoever asks. */
export async function loadUnit(db: DbOrTx, id: string): Promise<Unit> {
  const unit = await findUnit(db, id);
  if (!unit) throw notFound('unit');
  return unit;
}

/** A unit by id, if any. Every unit- or plan-scoped route starts here: prepared once (db/prepared.ts). */
export async function findUnit(db: DbOrTx, id: string): Promise<Unit | undefined> {
  const [unit] = await prepared(db, 'unit_by_id', (d) => d.select().from(units).where(eq(units.id, sql.placeholder('id')))).execute({ id });
  return unit;
}

export const toRef = (u: Unit): UnitRef => ({ id: u.id, path: u.path, kind: u.kind, tenantId: u.tenantId });

export { withinGrants };

/** The units an actor may see, in tree order, with the number of members of each cell. */
export async function listVisibleUnits(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({ unit: units, memberCount: count(members.id) })
    .from(units)
    .leftJoin(members, and(eq(members.tenantId, units.tenantId), eq(members.cellId, units.id), isNull(members.leftOn)))
    .where(visibleUnitsFilter(actor))
    .groupBy(units.tenantId, units.id)
    .orderBy(asc(units.sortOrder), asc(units.name));
  return rows.map((r) => ({ ...r.unit, memberCount: Number(r.memberCount) }));
}

/** A unit's page (canViewUnit): out of the actor's reach it is answered as if it did not exist. */
export async function unitDetailFor(db: DbOrTx, actor: Actor, id: string) {
  const unit = await loadUnit(db, id);
  const ref = toRef(unit);
  if (!canViewUnit(actor, ref)) throw notFound('unit');
  return {
    ...(await loadUnitDetail(db, unit)),
    abilities: { listMembers: canListMembers(actor, ref), exportMembers: canExportMembers(actor, ref), importMembers: canImportMembers(actor, ref), addMember: unit.kind === 'cell' && !unit.closedOn && canRecordMembership(actor, ref) },
  };
}

/**
 * Loads a unit and asks a policy of it: a unit the actor may not know of (another commune's) is not
 * found (404); one they know but may not act on is forbidden (403).
 */
export async function loadUnitFor(db: DbOrTx, actor: Actor, id: string, allowed: (actor: Actor, unit: UnitRef) => boolean, action: string): Promise<Unit> {
  const unit = await loadUnit(db, id);
  if (!canKnowUnit(actor, toRef(unit))) throw notFound('unit');
  if (!allowed(actor, toRef(unit))) throw forbidden(action);
  return unit;
}

export async function loadUnitDetail(db: DbOrTx, unit: Unit) {
  const ancestorIds = unit.path.split('/').filter((id) => id && id !== unit.id);
  const [ancestors, children, [own]] = await readTogether(db, [
    () => ancestorIds.length
      ? db.select({ id: units.id, name: units.name, kind: units.kind, path: units.path }).from(units).where(inArray(units.id, ancestorIds))
      : Promise.resolve([]),
    () => db
      .select({ unit: units, memberCount: count(members.id) })
      .from(units)
      .leftJoin(members, and(eq(members.tenantId, units.tenantId), eq(members.cellId, units.id), isNull(members.leftOn)))
      .where(eq(units.parentId, unit.id))
      .groupBy(units.tenantId, units.id)
      .orderBy(asc(units.sortOrder), asc(units.name)),
    () => db.select({ n: count() }).from(members).where(and(eq(members.tenantId, unit.tenantId), eq(members.cellId, unit.id), isNull(members.leftOn))),
  ]);
  return {
    unit: { ...unit, memberCount: Number(own?.n ?? 0) },
    ancestors: ancestors.sort((a, b) => a.path.length - b.path.length).map(({ id, name, kind }) => ({ id, name, kind })),
    children: children.map((c) => ({ ...c.unit, memberCount: Number(c.memberCount) })),
  };
}

/**
 * SQL "the unit is open on `day`" (domain isOpenOn): opened by then and not closed yet. A closed unit
 * keeps its history and receives nothing new: no member, no recipient line, no delivery (decision 014).
 */
export function openOn(day: string): SQL {
  return and(or(isNull(units.openedOn), lte(units.openedOn, day)), or(isNull(units.closedOn), gt(units.closedOn, day)))!;
}

/** The cells of a commune open today, for matching names in imports. */
export async function listCellsOfTenant(db: DbOrTx, tenantId: string, day = todayInVietnam(now())) {
  return db
    .select()
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.kind, 'cell'), openOn(day)));
}

/**
 * The commune a request works in: the one named (`?communeId=`), which the actor must reach — out of
 * reach reads as not found, so no id reveals a commune; else the actor's own; else the only commune
 * below a province-level account's grants.
 */
export async function resolveCommune(db: DbOrTx, actor: Actor, communeId?: string | null): Promise<Unit> {
  const id = communeId ?? actor.communeId ?? (await onlyCommuneWithin(db, actor));
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
