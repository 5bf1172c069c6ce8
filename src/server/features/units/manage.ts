// The office manages the tree (decision 014): create, rename, move (the subtree's paths rewritten in
// the same transaction), reorder among siblings, close and reopen, delete a unit made by mistake.
// Every write locks the parent whose children change, checks, writes and audits in one transaction.
import { and, asc, count, eq, gt, isNull, like, ne, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { childPath } from '../../../domain/org-tree';
import { isClosedOn, isSelfOrBelow, mayContain, nameKey, reorderSiblings, type UnitKind } from '../../../domain/units';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { planDeliveries, planRecipients, plans } from '../plans/tables';
import { roleGrants } from '../../auth/tables';
import { membershipEvents, positions } from '../people/tables';
import { documentNumbers } from '../../documents/tables';
import { unitErrors } from './errors';
import { canCloseUnit, canCreateUnit, canDeleteUnit, canKnowUnit, canMoveUnit, canRenameUnit, canReopenUnit, canReorderUnit } from './policy';
import { loadUnit, loadUnitFor, toRef } from './service';
import { units, type Unit } from './tables';

export const today = () => todayInVietnam(now());

/** A unit as the management routes answer it. */
export function unitOut(u: Unit) {
  const { createdAt: _c, updatedAt: _u, ...rest } = u;
  return rest;
}

/** Locks a unit's row: writes to its children wait for each other (names, order). */
async function lock(tx: Tx, id: string) {
  await tx.select({ id: units.id }).from(units).where(eq(units.id, id)).for('update');
}

/** Siblings still open today with the same folded name (the unit itself excepted). */
async function checkNameFree(tx: Tx, parent: Unit, name: string, except: string | null) {
  const day = today();
  const siblings = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.tenantId, parent.tenantId!), eq(units.parentId, parent.id), or(isNull(units.closedOn), gt(units.closedOn, day))));
  if (siblings.some((s) => s.id !== except && nameKey(s.name) === nameKey(name))) throw unitErrors.nameTaken(name, parent.name);
}

function checkParentTakes(parent: Unit, kind: UnitKind) {
  if (isClosedOn(parent, today())) throw unitErrors.parentClosed(parent);
  if (!mayContain(parent.kind, kind)) throw unitErrors.kindNotAllowed(parent, kind);
}

async function nextSortOrder(tx: Tx, parent: Unit): Promise<number> {
  const [row] = await tx.select({ max: sql<number | null>`max(${units.sortOrder})` }).from(units).where(and(eq(units.tenantId, parent.tenantId!), eq(units.parentId, parent.id)));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export const cleanName = (name: string) => name.normalize('NFC').replace(/\s+/gu, ' ').trim();

export async function createUnit(db: Db, actor: Actor, input: { parentId: string; kind: UnitKind; name: string; openedOn?: string }) {
  return db.transaction(async (tx) => {
    const parent = await loadUnitFor(tx, actor, input.parentId, canCreateUnit, 'thêm đơn vị vào đơn vị này');
    await lock(tx, parent.id);
    const name = cleanName(input.name);
    checkParentTakes(parent, input.kind);
    await checkNameFree(tx, parent, name, null);
    const id = crypto.randomUUID();
    const [unit] = await tx
      .insert(units)
      .values({
        id,
        tenantId: parent.tenantId,
        parentId: parent.id,
        kind: input.kind,
        name,
        path: childPath(parent.path, id),
        sortOrder: await nextSortOrder(tx, parent),
        openedOn: input.openedOn ?? today(),
      })
      .returning();
    await recordAudit(tx, { tenantId: unit!.tenantId, actorId: actor.userId, action: 'unit.create', entity: 'unit', entityId: id, after: unit });
    return unitOut(unit!);
  });
}

const versioned = (tx: Tx, unit: Unit, version: number, set: Partial<typeof units.$inferInsert>) =>
  updateVersioned(tx, units, eq(units.id, unit.id), version, { ...set, updatedAt: now() }, { entity: 'unit', current: async () => unitOut(await loadUnit(tx, unit.id)) });

/** PATCH /api/units/:id: rename and/or move under another parent of the same commune. */
export async function updateUnit(db: Db, actor: Actor, id: string, patch: { version: number; name?: string; parentId?: string }) {
  return db.transaction(async (tx) => {
    const moving = patch.parentId !== undefined;
    const unit = await loadUnitFor(tx, actor, id, moving ? canMoveUnit : canRenameUnit, moving ? 'chuyển đơn vị này' : 'đổi tên đơn vị này');
    const name = patch.name === undefined ? unit.name : cleanName(patch.name);
    const set: Partial<typeof units.$inferInsert> = { name };
    let parent: Unit | null = null;
    if (moving && patch.parentId !== unit.parentId) {
      if (unit.kind === 'commune') throw unitErrors.communeFixed();
      // The new parent, locked: moves and creations under it wait for each other (names, order).
      const [target] = await tx.select().from(units).where(eq(units.id, patch.parentId!)).for('update');
      if (!target || !canKnowUnit(actor, toRef(target))) throw notFound('unit');
      if (!canMoveUnit(actor, toRef(target))) throw forbidden('chuyển đơn vị vào đơn vị này');
      if (target.tenantId !== unit.tenantId) throw unitErrors.moveOutsideCommune();
      if (isSelfOrBelow(target.path, unit.path)) throw unitErrors.moveIntoItself(unit.name);
      if (isClosedOn(unit, today())) throw unitErrors.closed(unit);
      checkParentTakes(target, unit.kind);
      parent = target;
      Object.assign(set, { parentId: target.id, path: childPath(target.path, unit.id), sortOrder: await nextSortOrder(tx, target) });
    } else if (unit.parentId && nameKey(name) !== nameKey(unit.name)) {
      parent = await loadUnit(tx, unit.parentId);
      await lock(tx, parent.id);
    }
    if (parent && !isClosedOn(unit, today())) await checkNameFree(tx, parent, name, unit.id);
    const updated = await versioned(tx, unit, patch.version, set);
    let descendants = 0;
    if (set.path) descendants = await rewriteSubtree(tx, unit, set.path);
    await recordAudit(tx, {
      tenantId: unit.tenantId,
      actorId: actor.userId,
      action: set.parentId ? 'unit.move' : 'unit.rename',
      entity: 'unit',
      entityId: unit.id,
      before: unit,
      after: set.parentId ? { ...updated, descendantsMoved: descendants } : updated,
    });
    return unitOut(updated);
  });
}

/** The paths below a moved unit, in one statement: each keeps its part below the unit. */
export async function rewriteSubtree(tx: DbOrTx, unit: Pick<Unit, 'id' | 'path' | 'tenantId'>, newPath: string): Promise<number> {
  const rows = await tx
    .update(units)
    .set({ path: sql`${newPath} || substr(${units.path}, ${unit.path.length + 1})`, updatedAt: now() })
    .where(and(eq(units.tenantId, unit.tenantId!), like(units.path, `${unit.path}%`), ne(units.id, unit.id)))
    .returning({ id: units.id });
  return rows.length;
}

/** The members whose cell is this unit now (the membership history keeps those who left). */
async function memberCount(tx: DbOrTx, unit: Unit): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(members).where(and(eq(members.tenantId, unit.tenantId!), eq(members.cellId, unit.id)));
  return Number(row?.n ?? 0);
}

export async function closeUnit(db: Db, actor: Actor, id: string, input: { version: number; closedOn: string }) {
  return db.transaction(async (tx) => {
    const unit = await loadUnitFor(tx, actor, id, canCloseUnit, 'đóng đơn vị này');
    if (unit.kind === 'commune') throw unitErrors.communeFixed();
    if (unit.closedOn) throw unitErrors.alreadyClosed(unit);
    if (unit.openedOn && input.closedOn < unit.openedOn) throw unitErrors.closeBeforeOpen(unit.openedOn);
    const openChildren = await tx
      .select({ name: units.name })
      .from(units)
      .where(and(eq(units.tenantId, unit.tenantId!), eq(units.parentId, unit.id), or(isNull(units.closedOn), gt(units.closedOn, input.closedOn))))
      .orderBy(asc(units.sortOrder), asc(units.name));
    if (openChildren.length) throw unitErrors.closeOpenChildren(unit.name, openChildren.map((c) => c.name));
    const n = await memberCount(tx, unit);
    if (n > 0) throw unitErrors.closeHasMembers(unit.name, n);
    const updated = await versioned(tx, unit, input.version, { closedOn: input.closedOn });
    await recordAudit(tx, { tenantId: unit.tenantId, actorId: actor.userId, action: 'unit.close', entity: 'unit', entityId: unit.id, before: unit, after: updated });
    return unitOut(updated);
  });
}

export async function reopenUnit(db: Db, actor: Actor, id: string, input: { version: number }) {
  return db.transaction(async (tx) => {
    const unit = await loadUnitFor(tx, actor, id, canReopenUnit, 'mở lại đơn vị này');
    if (!unit.closedOn) throw unitErrors.notClosed(unit.name);
    const parent = await loadUnit(tx, unit.parentId!);
    await lock(tx, parent.id);
    if (isClosedOn(parent, today())) throw unitErrors.parentClosed(parent);
    await checkNameFree(tx, parent, unit.name, unit.id);
    const updated = await versioned(tx, unit, input.version, { closedOn: null });
    await recordAudit(tx, { tenantId: unit.tenantId, actorId: actor.userId, action: 'unit.reopen', entity: 'unit', entityId: unit.id, before: unit, after: updated });
    return unitOut(updated);
  });
}

const collator = new Intl.Collator('vi', { numeric: true });

/** One place up or down among its siblings; the siblings are numbered 0…n-1 in their new order. */
export async function reorderUnit(db: Db, actor: Actor, id: string, input: { version: number; direction: 'up' | 'down' }) {
  return db.transaction(async (tx) => {
    const unit = await loadUnitFor(tx, actor, id, canReorderUnit, 'sắp xếp đơn vị này');
    if (unit.kind === 'commune' || !unit.parentId) throw unitErrors.communeFixed();
    await lock(tx, unit.parentId);
    const siblings = (await tx.select().from(units).where(and(eq(units.tenantId, unit.tenantId!), eq(units.parentId, unit.parentId)))).sort(
      (a, b) => a.sortOrder - b.sortOrder || collator.compare(a.name, b.name),
    );
    const order = reorderSiblings(siblings.map((s) => s.id), unit.id, input.direction);
    if (!order) throw unitErrors.reorderEdge(input.direction);
    const updated = await versioned(tx, unit, input.version, { sortOrder: order.indexOf(unit.id) });
    const others = order.map((sid, i) => [sid, i] as const).filter(([sid, i]) => sid !== unit.id && siblings.find((s) => s.id === sid)!.sortOrder !== i);
    if (others.length) {
      const values = sql.join(others.map(([sid, i]) => sql`(${sid}::uuid, ${i}::int)`), sql`, `);
      await tx.execute(sql`UPDATE units AS u SET sort_order = v.sort_order FROM (VALUES ${values}) AS v(id, sort_order) WHERE u.id = v.id AND u.tenant_id = ${unit.tenantId}::uuid`);
    }
    await recordAudit(tx, { tenantId: unit.tenantId, actorId: actor.userId, action: 'unit.reorder', entity: 'unit', entityId: unit.id, before: { sortOrder: unit.sortOrder }, after: { sortOrder: updated.sortOrder, siblings: order } });
    return unitOut(updated);
  });
}

/** What keeps a unit from being deleted: each a reason in words, none when it may go. */
async function historyOf(tx: Tx, unit: Unit): Promise<string[]> {
  const t = unit.tenantId!;
  const has = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0) > 0;
  const checks: [string, Promise<{ n: number }[]>][] = [
    ['đơn vị có đơn vị trực thuộc', tx.select({ n: count() }).from(units).where(and(eq(units.tenantId, t), eq(units.parentId, unit.id)))],
    ['đơn vị có đảng viên', tx.select({ n: count() }).from(members).where(and(eq(members.tenantId, t), eq(members.cellId, unit.id)))],
    ['đơn vị đã nhận văn bản', tx.select({ n: count() }).from(planDeliveries).where(and(eq(planDeliveries.tenantId, t), eq(planDeliveries.unitId, unit.id)))],
    ['đơn vị là nơi nhận của kế hoạch', tx.select({ n: count() }).from(planRecipients).where(and(eq(planRecipients.tenantId, t), eq(planRecipients.unitId, unit.id)))],
    ['đơn vị đã ban hành văn bản', tx.select({ n: count() }).from(plans).where(and(eq(plans.tenantId, t), eq(plans.issuerUnitId, unit.id)))],
    ['đơn vị có số văn bản đã cấp', tx.select({ n: count() }).from(documentNumbers).where(and(eq(documentNumbers.tenantId, t), eq(documentNumbers.issuerUnitId, unit.id)))],
    ['đơn vị có chức vụ', tx.select({ n: count() }).from(positions).where(and(eq(positions.tenantId, t), eq(positions.unitId, unit.id)))],
    ['đơn vị có lịch sử sinh hoạt của đảng viên', tx.select({ n: count() }).from(membershipEvents).where(and(eq(membershipEvents.tenantId, t), or(eq(membershipEvents.cellId, unit.id), eq(membershipEvents.fromCellId, unit.id))))],
    ['tài khoản được phân quyền trên đơn vị', tx.select({ n: count() }).from(roleGrants).where(and(eq(roleGrants.tenantId, t), eq(roleGrants.unitId, unit.id)))],
  ];
  const found: string[] = [];
  for (const [reason, q] of checks) if (await has(q)) found.push(reason);
  return found;
}

export async function deleteUnit(db: Db, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const unit = await loadUnitFor(tx, actor, id, canDeleteUnit, 'xóa đơn vị này');
    if (unit.kind === 'commune') throw unitErrors.communeFixed();
    await lock(tx, unit.id);
    const reasons = await historyOf(tx, unit);
    if (reasons.length) throw unitErrors.inUse(unit.name, reasons);
    const gone = await tx.delete(units).where(and(eq(units.id, unit.id), eq(units.version, version))).returning();
    if (!gone.length) await versioned(tx, unit, version, {}); // throws the 409 with the unit as it is now
    await recordAudit(tx, { tenantId: unit.tenantId, actorId: actor.userId, action: 'unit.delete', entity: 'unit', entityId: unit.id, before: unit });
  });
}
