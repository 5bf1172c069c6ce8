// The province's part (decision 016): its administrators open communes (each its own tenant) with a
// first administrator, who gets a one-time code; its administrators and viewers list the communes
// and choose one to work in (`?communeId=` on every commune-scoped route).
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { roleGrants, users } from '../../auth/tables';
import { recordAudit } from '../audit/service';
import { badRequest, duplicate, forbidden } from '../../errors';
import { childPath } from '../../../domain/org-tree';
import { units } from '../units/tables';
import { insertAccount } from '../../auth/accounts';
import { tenantOfUnit } from '../../../domain/tenants';
import { seedPositionKinds } from '../people/positions-service';
import { loadUnit, toRef, withinGrants } from '../units/service';
import { issueCode } from './codes';
import { canCreateCommune, canListCommunes } from './policy';
import { isUsernameTaken, usernameTaken } from './service';

export async function listCommunes(db: DbOrTx, actor: Actor) {
  if (!canListCommunes(actor)) throw forbidden('xem danh sách đảng bộ xã, phường');
  const communes = await db
    .select({ id: units.id, name: units.name, provinceId: units.parentId })
    .from(units)
    .where(and(eq(units.kind, 'commune'), withinGrants(actor, ['admin', 'provinceViewer'])))
    .orderBy(asc(units.sortOrder), asc(units.name));
  const ids = communes.map((c) => c.id);
  const counts = ids.length
    ? await db.select({ tenantId: users.tenantId, n: count() }).from(users).where(inArray(users.tenantId, ids)).groupBy(users.tenantId)
    : [];
  const countOf = new Map(counts.map((c) => [c.tenantId, Number(c.n)]));
  return { communes: communes.map((c) => ({ id: c.id, name: c.name, provinceId: c.provinceId!, accounts: countOf.get(c.id) ?? 0 })) };
}

/** The province a request names, or the only one the actor administers. */
async function provinceFor(db: DbOrTx, actor: Actor, provinceId?: string) {
  const ids = provinceId ? [provinceId] : [...new Set(actor.grants.filter((g) => g.role === 'admin' && g.unitKind === 'province').map((g) => g.unitId))];
  if (ids.length === 0) throw forbidden('mở đảng bộ xã, phường mới');
  if (ids.length !== 1) throw badRequest('province.required', 'Hãy chọn tỉnh để mở đảng bộ xã, phường.');
  const province = await loadUnit(db, ids[0]!);
  if (!canCreateCommune(actor, toRef(province))) throw forbidden('mở đảng bộ xã, phường mới');
  return province;
}

export async function createCommune(
  db: Db,
  actor: Actor,
  input: { provinceId?: string; name: string; admin: { username: string; displayName: string } },
) {
  return db.transaction(async (tx) => {
    const province = await provinceFor(tx, actor, input.provinceId);
    const [same] = await tx.select({ id: units.id }).from(units).where(and(eq(units.parentId, province.id), eq(units.name, input.name)));
    if (same) throw duplicate('units.duplicate-name', 'Đã có đơn vị cùng tên trong tỉnh này.');
    if (await isUsernameTaken(tx, input.admin.username)) throw usernameTaken();
    const id = crypto.randomUUID();
    // A commune is a tenant of its own (decision 017); its account and grant belong to it.
    const tenantId = tenantOfUnit({ id, kind: 'commune' }, province);
    const [commune] = await tx
      .insert(units)
      .values({ id, tenantId, parentId: province.id, kind: 'commune', name: input.name, path: childPath(province.path, id) })
      .returning();
    await seedPositionKinds(tx, tenantId);
    const admin = await insertAccount(tx, { tenantId, username: input.admin.username, displayName: input.admin.displayName, passwordHash: null, mustChangePassword: true });
    await tx.insert(roleGrants).values({ userId: admin.id, role: 'admin', unitId: id, tenantId });
    const { code, expiresAt } = await issueCode(tx, { tenantId, userId: admin.id }, actor.userId);
    await recordAudit(tx, [
      { tenantId, actorId: actor.userId, action: 'commune.created', entity: 'unit', entityId: id, after: { name: commune!.name, provinceId: province.id } },
      { tenantId, actorId: actor.userId, action: 'account.created', entity: 'user', entityId: admin.id, after: { username: admin.username, displayName: admin.displayName } },
      { tenantId, actorId: actor.userId, action: 'account.granted', entity: 'user', entityId: admin.id, after: { role: 'admin', unitId: id } },
    ]);
    return { id, adminId: admin.id, oneTimeCode: code, expiresAt: expiresAt.toISOString() };
  });
}
