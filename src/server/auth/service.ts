// Signing in and out, sessions, and loading the actor of a request.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx, Tx } from '../db/client';
import { units } from '../features/units/tables';
import { updateVersioned } from '../db/versioned';
import { recordAudit } from '../features/audit/service';
import { AppError, invalidCredentials, locked, badRequest, oneTimeCodeInvalid } from '../errors';
import { useCode } from '../features/accounts/codes';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { roleGrants, sessions, users, type User } from './tables';
import { findAccountByUsername } from './accounts';
import { communeOfTenant } from '../../domain/tenants';
import type { Actor, Grant } from './actor';
import { now } from '../clock';
import { readTogether } from '../db/read-together';

export interface AuthSettings {
  sessionHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The session cookie is "<tenant id>.<token>" (decision 017): the tenant is not secret, it only says
 * on which shard the session lives; the database keeps the token's hash. A malformed cookie is none.
 */
export function sessionCookieValue(tenantId: string, token: string): string {
  return `${tenantId}.${token}`;
}

export function sessionKey(cookie: string): { tenantId: string; id: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,})$/.exec(cookie);
  return match ? { tenantId: match[1]!, id: hashToken(match[2]!) } : null;
}

const sessionWhere = (key: { tenantId: string; id: string }) => and(eq(sessions.tenantId, key.tenantId), eq(sessions.id, key.id));

export async function loginWithPassword(
  db: Db,
  settings: AuthSettings,
  input: { username: string; password: string },
): Promise<{ token: string; actor: Actor; csrfToken: string; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  const user = await findAccountByUsername(db, username);
  // Unknown users cost the same work and get the same answer as a wrong password.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? decoyHash);
  if (!user || user.disabled || !user.passwordHash) throw invalidCredentials();

  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw locked(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000));
  }
  if (!passwordOk) {
    await registerFailure(db, user, settings, now);
    throw invalidCredentials();
  }

  return openSession(db, settings, user, now, async (tx) => {
    await recordAudit(tx, { tenantId: user.tenantId, actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id });
  });
}

type OpenedSession = { token: string; actor: Actor; csrfToken: string; expiresAt: Date };

/** A new session for the user, with `extra` writes in the same transaction; a throw there opens none. */
async function openSession(db: Db, settings: AuthSettings, user: User, now: Date, extra: (tx: Tx) => Promise<void>): Promise<OpenedSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
  const fresh = await db.transaction(async (tx) => {
    await extra(tx);
    const [row] = await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)))
      .returning();
    await tx.insert(sessions).values({ tenantId: user.tenantId, id: hashToken(token), userId: user.id, csrfToken, expiresAt });
    await tx.delete(sessions).where(and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
    return row!;
  });
  const actor = await loadActorForUser(db, fresh);
  return { token: sessionCookieValue(user.tenantId, token), actor, csrfToken, expiresAt };
}

/**
 * Signing in with a one-time code (decision 016): the code is used up, the account's other sessions
 * end, and the new session may do nothing but set a password. Every failure gets one answer, which
 * tells the person to ask the office; failures count towards the lock like wrong passwords.
 */
export async function loginWithCode(db: Db, settings: AuthSettings, input: { username: string; oneTimeCode: string }): Promise<OpenedSession> {
  const user = await findAccountByUsername(db, input.username);
  if (!user || user.disabled) throw oneTimeCodeInvalid();
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw locked(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000));
  }
  const account = and(eq(users.tenantId, user.tenantId), eq(users.id, user.id));
  try {
    return await openSession(db, settings, user, now, async (tx) => {
      if (!(await useCode(tx, { tenantId: user.tenantId, userId: user.id }, input.oneTimeCode))) throw oneTimeCodeInvalid();
      await tx.update(users).set({ mustChangePassword: true }).where(account);
      await tx.delete(sessions).where(and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id)));
      await recordAudit(tx, { tenantId: user.tenantId, actorId: user.id, action: 'auth.login-one-time-code', entity: 'user', entityId: user.id });
    });
  } catch (error) {
    if (error instanceof AppError && error.id === 'auth.one-time-code-invalid') await registerFailure(db, user, settings, now);
    throw error;
  }
}

export async function registerFailure(db: Db, user: User, settings: AuthSettings, now: Date) {
  const failures = user.failedLogins + 1;
  const lock = failures >= settings.lockoutAttempts;
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : user.lockedUntil,
      })
      .where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actorId: null,
      action: lock ? 'auth.locked' : 'auth.login-failed',
      entity: 'user',
      entityId: user.id,
    });
  });
}

/** The unit that is the account's tenant: a commune, or a province for province accounts. */
const tenantUnit = alias(units, 'tenant_unit');

/**
 * The session's user with their grants, in one query: it runs on every request. Every join holds
 * tenant_id, so on Citus it runs on the one shard the cookie's tenant names.
 */
export async function loadSession(db: Db, cookie: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const key = sessionKey(cookie);
  if (!key) return null;
  const grants = sql<Grant[]>`coalesce(json_agg(json_build_object('role', ${roleGrants.role}, 'unitId', ${roleGrants.unitId}, 'unitPath', ${units.path}, 'unitKind', ${units.kind}, 'unitTenantId', ${units.tenantId})) filter (where ${roleGrants.id} is not null), '[]'::json)`;
  const [row] = await db
    .select({ user: users, tenantKind: tenantUnit.kind, csrfToken: sessions.csrfToken, grants })
    .from(sessions)
    .innerJoin(users, and(eq(users.tenantId, sessions.tenantId), eq(users.id, sessions.userId)))
    .innerJoin(tenantUnit, and(eq(tenantUnit.tenantId, users.tenantId), eq(tenantUnit.id, users.tenantId)))
    .leftJoin(roleGrants, and(eq(roleGrants.tenantId, users.tenantId), eq(roleGrants.userId, users.id)))
    .leftJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId)))
    .where(and(sessionWhere(key), gt(sessions.expiresAt, sql`now()`)))
    .groupBy(users.tenantId, users.id, tenantUnit.tenantId, tenantUnit.id, sessions.tenantId, sessions.id);
  if (!row || row.user.disabled) return null;
  const grantList = typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants;
  return { actor: toActor(row.user, row.tenantKind, grantList), csrfToken: row.csrfToken };
}

function toActor(user: User, tenantKind: string, grants: Grant[]): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    tenantId: user.tenantId,
    communeId: communeOfTenant({ id: user.tenantId, kind: tenantKind }),
    memberId: user.memberId,
    grants,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function loadActorForUser(db: DbOrTx, user: User): Promise<Actor> {
  const [grants, [tenant]] = await readTogether(db, [
    () => db
      .select({ role: roleGrants.role, unitId: roleGrants.unitId, unitPath: units.path, unitKind: units.kind, unitTenantId: units.tenantId })
      .from(roleGrants)
      .innerJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId)))
      .where(and(eq(roleGrants.tenantId, user.tenantId), eq(roleGrants.userId, user.id))),
    () => db.select({ kind: units.kind }).from(units).where(and(eq(units.tenantId, user.tenantId), eq(units.id, user.tenantId))),
  ]);
  return toActor(user, tenant?.kind ?? 'commune', grants);
}

export async function logout(db: Db, cookie: string, actor: Actor): Promise<void> {
  const key = sessionKey(cookie);
  await db.transaction(async (tx) => {
    if (key) await tx.delete(sessions).where(sessionWhere(key));
    await recordAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'auth.logout', entity: 'user', entityId: actor.userId });
  });
}

/**
 * A changed password ends every session of the account, the one that changed it included, and opens
 * a new one for the person at the keyboard: whoever knew the old password, or holds an old cookie,
 * is out (the session rotates, as on sign-in).
 */
export async function changePassword(
  db: Db,
  settings: AuthSettings,
  actor: Actor,
  input: { currentPassword?: string; newPassword: string },
): Promise<OpenedSession> {
  const [user] = await db.select().from(users).where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
  if (!user) throw badRequest('auth.wrong-current-password', 'Mật khẩu hiện tại không đúng.');
  // A session opened with a one-time code proved itself with the code; any other proves the password.
  if (!user.mustChangePassword) {
    if (!user.passwordHash || !input.currentPassword || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
      throw badRequest('auth.wrong-current-password', 'Mật khẩu hiện tại không đúng.');
    }
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw badRequest('auth.weak-password', problem);
  const passwordHash = await hashPassword(input.newPassword);
  return openSession(db, settings, user, new Date(), async (tx) => {
    await updateVersioned(tx, users, and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)), user.version, { passwordHash, mustChangePassword: false, updatedAt: now() }, { entity: 'user' });
    await tx.delete(sessions).where(and(eq(sessions.tenantId, user.tenantId), eq(sessions.userId, user.id)));
    await recordAudit(tx, { tenantId: user.tenantId, actorId: user.id, action: 'auth.password-changed', entity: 'user', entityId: user.id });
  });
}
