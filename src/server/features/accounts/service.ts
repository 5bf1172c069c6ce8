// Accounts of a commune (decision 016): list, create with grants and a one-time code, grant and
// revoke roles, disable and enable, reset with a new code. Every write is one transaction with its
// audit entries; the policy (policy.ts) is asked of the account's commune and of each granted unit.
import { and, asc, count, eq, exists, gt, inArray, isNull, max, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { roleGrants, sessions, users, usernames, type Role, type User } from '../../auth/tables';
import { insertAccount } from '../../auth/accounts';
import { recordAudit } from '../audit/service';
import { badRequest, duplicate, forbidden, notFound, stateConflict } from '../../errors';
import { now } from '../../clock';
import { persons } from '../people/tables';
import { members } from '../members/tables';
import { units, type Unit } from '../units/tables';
import { canKnowUnit } from '../units/policy';
import { loadUnit, resolveCommune, toRef } from '../units/service';
import { issueCode } from './codes';
import { canGrantRole, canManageAccounts } from './policy';
import { oneTimeCodes } from './tables';
import { readTogether } from '../../db/read-together';

type GrantInput = { role: Role; unitId: string };

export const usernameTaken = () => duplicate('account.username-taken', 'Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.');

/** The commune the actor manages accounts of: named (`?communeId=`) or their own; 403 when not an administrator there. */
export async function accountsCommune(db: DbOrTx, actor: Actor, communeId?: string): Promise<Unit> {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canManageAccounts(actor, toRef(commune))) throw forbidden('quản lý tài khoản của đảng bộ này');
  return commune;
}

/** The unit an account belongs to: its tenant (decision 017), a commune or, for a province account, the province. */
async function scopeOf(db: DbOrTx, user: User): Promise<Unit | null> {
  const [unit] = await db.select().from(units).where(and(eq(units.tenantId, user.tenantId), eq(units.id, user.tenantId)));
  return unit ?? null;
}

/** An account the actor manages: out of their sight it is not found; in sight but not theirs, forbidden. */
export async function loadAccountFor(db: DbOrTx, actor: Actor, id: string): Promise<{ user: User; scope: Unit }> {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw notFound('user');
  const scope = await scopeOf(db, user);
  if (!scope || !canKnowUnit(actor, toRef(scope))) throw notFound('user');
  if (!canManageAccounts(actor, toRef(scope))) throw forbidden('quản lý tài khoản này');
  return { user, scope };
}

/**
 * Checks every grant before anything is written: known units, the actor's right, and the unit in the
 * account's tenant (decision 017: a role is granted on a unit of the account's own tenant).
 */
async function checkGrants(db: DbOrTx, actor: Actor, grants: readonly GrantInput[], tenantId: string): Promise<Unit[]> {
  const ids = [...new Set(grants.map((g) => g.unitId))];
  const found = ids.length ? await db.select().from(units).where(inArray(units.id, ids)) : [];
  const byId = new Map(found.map((u) => [u.id, u]));
  return grants.map((g) => {
    const unit = byId.get(g.unitId);
    if (!unit) throw notFound('unit');
    const ref = toRef(unit);
    if (!canGrantRole(actor, g.role, ref)) throw forbidden('giao vai trò này trên đơn vị này');
    if (unit.tenantId !== tenantId) throw badRequest('accounts.grant-outside-commune', 'Chỉ giao được vai trò trên các đơn vị của đảng bộ mà tài khoản thuộc về.');
    return unit;
  });
}

/** The province all the grants name, when every one is on a province unit; else null (a commune's account). */
async function provinceOnlyGrants(db: DbOrTx, grants: readonly GrantInput[]): Promise<string | null> {
  if (grants.length === 0) return null;
  const ids = [...new Set(grants.map((g) => g.unitId))];
  const found = await db.select({ id: units.id, kind: units.kind }).from(units).where(inArray(units.id, ids));
  return found.length === 1 && ids.length === 1 && found[0]!.kind === 'province' ? found[0]!.id : null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/gu, (c) => `\\${c}`);

export interface AccountQuery {
  q?: string;
  role?: Role;
  unitId?: string;
  page: number;
  pageSize: number;
}

/** The commune's accounts, searched by name or username (without diacritics), by role, by unit; a page of them. */
export async function listAccounts(db: DbOrTx, commune: Unit, query: AccountQuery) {
  const conditions: SQL[] = [eq(users.tenantId, commune.id)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(sql`qt_fold(${users.displayName}) like qt_fold(${pattern})`, sql`${users.username} like lower(${pattern})`)!);
  }
  if (query.role || query.unitId) {
    const grantConditions = [eq(roleGrants.tenantId, users.tenantId), eq(roleGrants.userId, users.id)];
    if (query.role) grantConditions.push(eq(roleGrants.role, query.role));
    if (query.unitId) grantConditions.push(eq(roleGrants.unitId, query.unitId));
    conditions.push(exists(db.select({ one: sql`1` }).from(roleGrants).where(and(...grantConditions))));
  }
  const where = and(...conditions);
  const [[total], rows] = await readTogether(db, [
    () => db.select({ n: count() }).from(users).where(where),
    () => db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.displayName), asc(users.username))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
  ]);
  const ids = rows.map((r) => r.id);
  const [grants, codes] = ids.length
    ? await readTogether(db, [
        () => db
          .select({ id: roleGrants.id, userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId, unitName: units.name })
          .from(roleGrants)
          .innerJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId)))
          .where(and(eq(roleGrants.tenantId, commune.id), inArray(roleGrants.userId, ids)))
          .orderBy(asc(units.path)),
        () => db
          .select({ userId: oneTimeCodes.userId, expiresAt: max(oneTimeCodes.expiresAt) })
          .from(oneTimeCodes)
          .where(and(eq(oneTimeCodes.tenantId, commune.id), inArray(oneTimeCodes.userId, ids), isNull(oneTimeCodes.usedAt), gt(oneTimeCodes.expiresAt, now())))
          .groupBy(oneTimeCodes.userId),
      ])
    : [[], []];
  const codeOf = new Map(codes.map((c) => [c.userId, c.expiresAt]));
  return {
    accounts: rows.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      personId: u.personId,
      disabled: u.disabled,
      hasPassword: u.passwordHash !== null,
      mustChangePassword: u.mustChangePassword,
      grants: grants.filter((g) => g.userId === u.id).map(({ id, role, unitId, unitName }) => ({ id, role, unitId, unitName })),
      codeExpiresAt: toIso(codeOf.get(u.id)),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

function toIso(value: Date | string | null | undefined): string | null {
  if (!value) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** Usernames are unique across tenants: asked of the lookup table (decision 017). */
export async function isUsernameTaken(db: DbOrTx, username: string): Promise<boolean> {
  const [row] = await db.select({ username: usernames.username }).from(usernames).where(eq(usernames.username, username.trim().toLowerCase()));
  return row !== undefined;
}

/** A new account with its grants and a one-time code; no password until the person sets one. */
export async function createAccount(
  db: Db,
  actor: Actor,
  commune: Unit,
  input: { username: string; displayName: string; personId?: string; grants: GrantInput[] },
) {
  return db.transaction(async (tx) => {
    // Grants only on the province make a province account (its tenant the province); any other is the commune's.
    const provinceId = await provinceOnlyGrants(tx, input.grants);
    const tenantId = provinceId ?? commune.id;
    await checkGrants(tx, actor, input.grants, tenantId);
    if (await isUsernameTaken(tx, input.username)) throw usernameTaken();
    let memberId: string | null = null;
    if (input.personId) {
      const [person] = await tx.select({ id: persons.id }).from(persons).where(and(eq(persons.tenantId, commune.id), eq(persons.id, input.personId)));
      if (!person) throw badRequest('accounts.unknown-person', 'Không tìm thấy người này trong đảng bộ.');
      const [holder] = await tx.select({ username: users.username }).from(users).where(and(eq(users.tenantId, commune.id), eq(users.personId, input.personId)));
      if (holder) throw duplicate('accounts.person-has-account', `Người này đã có tài khoản "${holder.username}": hãy cấp lại mã cho tài khoản đó.`);
      const [member] = await tx.select({ id: members.id }).from(members).where(and(eq(members.tenantId, commune.id), eq(members.personId, input.personId)));
      memberId = member?.id ?? null;
    }
    const user = await insertAccount(tx, {
      tenantId,
      username: input.username,
      displayName: input.displayName,
      personId: provinceId ? null : (input.personId ?? null),
      memberId: provinceId ? null : memberId,
      passwordHash: null,
      mustChangePassword: true,
    });
    const granted = input.grants.length
      ? await tx.insert(roleGrants).values(input.grants.map((g) => ({ userId: user.id, role: g.role, unitId: g.unitId, tenantId }))).returning()
      : [];
    const { code, expiresAt } = await issueCode(tx, { tenantId, userId: user.id }, actor.userId);
    await recordAudit(tx, [
      { tenantId, actorId: actor.userId, action: 'account.created', entity: 'user', entityId: user.id, after: { username: user.username, displayName: user.displayName, personId: user.personId } },
      ...granted.map((g) => ({ tenantId, actorId: actor.userId, action: 'account.granted', entity: 'user', entityId: user.id, after: { grantId: g.id, role: g.role, unitId: g.unitId } })),
    ]);
    return { id: user.id, oneTimeCode: code, expiresAt: expiresAt.toISOString() };
  });
}

/** Grants a role on a unit to an account. */
export async function grantRole(db: Db, actor: Actor, accountId: string, input: GrantInput) {
  return db.transaction(async (tx) => {
    const { user } = await loadAccountFor(tx, actor, accountId);
    const [unit] = await checkGrants(tx, actor, [input], user.tenantId);
    const [same] = await tx.select({ id: roleGrants.id }).from(roleGrants).where(and(eq(roleGrants.tenantId, user.tenantId), eq(roleGrants.userId, user.id), eq(roleGrants.role, input.role), eq(roleGrants.unitId, input.unitId)));
    if (same) throw duplicate('accounts.grant-exists', 'Tài khoản đã có vai trò này trên đơn vị này.');
    const [grant] = await tx.insert(roleGrants).values({ userId: user.id, role: input.role, unitId: unit!.id, tenantId: user.tenantId }).returning();
    await recordAudit(tx, { tenantId: user.tenantId, actorId: actor.userId, action: 'account.granted', entity: 'user', entityId: user.id, after: { grantId: grant!.id, role: grant!.role, unitId: grant!.unitId } });
    return { id: grant!.id };
  });
}

/** Revokes one of an account's grants. An administrator keeps their own administration. */
export async function revokeGrant(db: Db, actor: Actor, accountId: string, grantId: string) {
  await db.transaction(async (tx) => {
    const { user } = await loadAccountFor(tx, actor, accountId);
    const [grant] = await tx.select().from(roleGrants).where(and(eq(roleGrants.tenantId, user.tenantId), eq(roleGrants.id, grantId), eq(roleGrants.userId, user.id)));
    if (!grant) throw notFound('grant');
    const [unit] = await tx.select().from(units).where(and(eq(units.tenantId, grant.tenantId), eq(units.id, grant.unitId)));
    if (!unit) throw notFound('unit');
    if (!canGrantRole(actor, grant.role, toRef(unit))) throw forbidden('thu hồi vai trò này');
    if (user.id === actor.userId && grant.role === 'admin') throw stateConflict('accounts.own-admin', 'Bạn không thể tự thu hồi quyền quản trị của mình.');
    await tx.delete(roleGrants).where(and(eq(roleGrants.tenantId, grant.tenantId), eq(roleGrants.id, grant.id)));
    await recordAudit(tx, { tenantId: user.tenantId, actorId: actor.userId, action: 'account.revoked', entity: 'user', entityId: user.id, before: { grantId: grant.id, role: grant.role, unitId: grant.unitId } });
  });
}

/** Disables an account (its sessions end at once) or enables it again. */
export async function setDisabled(db: Db, actor: Actor, accountId: string, disabled: boolean) {
  await db.transaction(async (tx) => {
    const { user } = await loadAccountFor(tx, actor, accountId);
    if (disabled && user.id === actor.userId) throw stateConflict('accounts.own-account', 'Bạn không thể tự khóa tài khoản của mình.');
    await tx.update(users).set({ disabled, updatedAt: now(), version: sql`${users.version} + 1` }).where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    if (disabled) await tx.delete(sessions).where(and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id)));
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actorId: actor.userId,
      action: disabled ? 'account.disabled' : 'account.enabled',
      entity: 'user',
      entityId: user.id,
      before: { disabled: user.disabled },
      after: { disabled },
    });
  });
}

/**
 * Resets an account: the password is forgotten, its sessions end, and a new one-time code (shown
 * once, to the administrator) is the only way in.
 */
export async function resetAccount(db: Db, actor: Actor, accountId: string) {
  return db.transaction(async (tx) => {
    const { user } = await loadAccountFor(tx, actor, accountId);
    await tx
      .update(users)
      .set({ passwordHash: null, mustChangePassword: true, failedLogins: 0, lockedUntil: null, updatedAt: now(), version: sql`${users.version} + 1` })
      .where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    await tx.delete(sessions).where(and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id)));
    const { code, expiresAt } = await issueCode(tx, { tenantId: user.tenantId, userId: user.id }, actor.userId);
    await recordAudit(tx, { tenantId: user.tenantId, actorId: actor.userId, action: 'account.reset', entity: 'user', entityId: user.id, after: { codeExpiresAt: expiresAt } });
    return { oneTimeCode: code, expiresAt: expiresAt.toISOString() };
  });
}
