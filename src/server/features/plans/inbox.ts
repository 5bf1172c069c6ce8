// Delivered plans in the recipient units' inboxes, and the read receipts the office follows.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden, notFound } from '../../errors';
import { formatNumberLine } from '../../../domain/document-numbering';
import { sortInTreeOrder } from '../../../domain/org-tree';
import { users } from '../../auth/tables';
import { recordAudit } from '../audit/service';
import { units } from '../units/tables';
import { toRef } from '../units/service';
import { canConfirmReceipt, canReadInbox, canViewDeliveries, inboxFilter } from './policy';
import { loadPlanFor } from './service';
import { planDeliveries, plans } from './tables';
import { now } from '../../clock';
import { readTogether } from '../../db/read-together';

const deliveryColumns = {
  id: planDeliveries.id,
  planId: planDeliveries.planId,
  unitId: planDeliveries.unitId,
  unitName: units.name,
  deliveredAt: planDeliveries.deliveredAt,
  readAt: planDeliveries.readAt,
  readByName: users.displayName,
};

/** Plans delivered to the units the actor answers for (their agency, their cell). */
export async function listInbox(db: DbOrTx, actor: Actor) {
  const rows = await db
    .select({ ...deliveryColumns, planTitle: plans.title, number: plans.number, symbol: plans.symbol, issuedOn: plans.issuedOn })
    .from(planDeliveries)
    .innerJoin(units, and(eq(units.tenantId, planDeliveries.tenantId), eq(units.id, planDeliveries.unitId)))
    .innerJoin(plans, and(eq(plans.tenantId, planDeliveries.tenantId), eq(plans.id, planDeliveries.planId)))
    .leftJoin(users, and(eq(users.tenantId, planDeliveries.tenantId), eq(users.id, planDeliveries.readBy)))
    .where(inboxFilter(actor))
    .orderBy(desc(planDeliveries.deliveredAt));
  return rows.map(({ number, symbol, ...r }) => ({ ...r, planNumber: formatNumberLine(number === null ? null : String(number), symbol) }));
}

export async function markDeliveryRead(db: Db, actor: Actor, deliveryId: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ delivery: planDeliveries, unit: units })
      .from(planDeliveries)
      .innerJoin(units, and(eq(units.tenantId, planDeliveries.tenantId), eq(units.id, planDeliveries.unitId)))
      .where(eq(planDeliveries.id, deliveryId));
    if (!row || !canReadInbox(actor, toRef(row.unit))) throw notFound('delivery');
    if (!canConfirmReceipt(actor, toRef(row.unit))) throw forbidden('xác nhận đã nhận văn bản thay đơn vị nhận');
    if (row.delivery.readAt) return row.delivery;
    const [updated] = await tx
      .update(planDeliveries)
      .set({ readAt: now(), readBy: actor.userId })
      .where(and(eq(planDeliveries.tenantId, row.delivery.tenantId), eq(planDeliveries.id, deliveryId), isNull(planDeliveries.readAt)))
      .returning();
    await recordAudit(tx, { tenantId: row.delivery.tenantId, actorId: actor.userId, action: 'plan.read', entity: 'plan', entityId: row.delivery.planId, after: updated });
    return updated ?? row.delivery;
  });
}

export async function listDeliveries(db: DbOrTx, actor: Actor, planId: string) {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  if (!canViewDeliveries(actor, plan, toRef(commune))) throw forbidden('xem tình hình nhận kế hoạch (của kế hoạch đã ban hành)');
  const [rows, tenantUnits] = await readTogether(db, [
    () => db
      .select({ ...deliveryColumns, path: units.path })
      .from(planDeliveries)
      .innerJoin(units, and(eq(units.tenantId, planDeliveries.tenantId), eq(units.id, planDeliveries.unitId)))
      .leftJoin(users, and(eq(users.tenantId, planDeliveries.tenantId), eq(users.id, planDeliveries.readBy)))
      .where(and(eq(planDeliveries.tenantId, plan.tenantId), eq(planDeliveries.planId, plan.id))),
    () => db.select({ id: units.id, sortOrder: units.sortOrder, name: units.name }).from(units).where(eq(units.tenantId, plan.tenantId)),
  ]);
  // The receipts read like the organisation tree: parents first, siblings in order and Vietnamese collation.
  const byId = new Map(tenantUnits.map((u) => [u.id, u]));
  return sortInTreeOrder(rows, (r) => r.path, byId).map(({ path: _path, ...r }) => r);
}
