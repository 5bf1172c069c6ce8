// Signing in and out, sessions, and loading the actor of a request.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client';
import { units } from '../features/units/tables';
import { updateVersioned } from '../db/versioned';
import { recordAudit } from '../features/audit/service';
import { invalidCredentials, locked, badRequest } from '../errors';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from './passwords';
import { roleGrants, sessions, users, type User } from './tables';
import type { Actor, Grant } from './actor';
import { now } from '../clock';

export interface AuthSettings {
  sessionHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function loginWithPassword(
  db: Db,
  settings: AuthSettings,
  input: { username: string; password: string },
): Promise<{ token: string; actor: Actor; csrfToken: string; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username));
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

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ id: hashToken(token), userId: user.id, csrfToken, expiresAt });
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, now)));
    await recordAudit(tx, { tenantId: user.tenantId, actorId: user.id, action: 'auth.login', entity: 'user', entityId: user.id });
  });
  const actor = await loadActorForUser(db, user);
  return { token, actor, csrfToken, expiresAt };
}

async function registerFailure(db: Db, user: User, settings: AuthSettings, now: Date) {
  const failures = user.failedLogins + 1;
  const lock = failures >= settings.lockoutAttempts;
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actorId: null,
      action: lock ? 'auth.locked' : 'auth.login-failed',
      entity: 'user',
      entityId: user.id,
    });
  });
}

/** The session's user with their grants, in one query: it runs on every request. */
export async function loadSession(db: Db, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  const grants = sql<Grant[]>`coalesce(json_agg(json_build_object('role', ${roleGrants.role}, 'unitId', ${roleGrants.unitId}, 'unitPath', ${units.path}, 'unitKind', ${units.kind}, 'unitTenantId', ${units.tenantId})) filter (where ${roleGrants.id} is not null), '[]'::json)`;
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken, grants })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleGrants, eq(roleGrants.userId, users.id))
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(and(eq(sessions.id, hashToken(token)), gt(sessions.expiresAt, sql`now()`)))
    .groupBy(users.id, sessions.csrfToken);
  if (!row || row.user.disabled) return null;
  const grantList = typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants;
  return { actor: toActor(row.user, grantList), csrfToken: row.csrfToken };
}

function toActor(user: User, grants: Grant[]): Actor {
  return { userId: user.id, username: user.username, displayName: user.displayName, tenantId: user.tenantId, memberId: user.memberId, grants };
}

export async function loadActorForUser(db: DbOrTx, user: User): Promise<Actor> {
  const grants = await db
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, unitPath: units.path, unitKind: units.kind, unitTenantId: units.tenantId })
    .from(roleGrants)
    .innerJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(roleGrants.userId, user.id));
  return toActor(user, grants);
}

export async function logout(db: Db, token: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, hashToken(token)));
    await recordAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'auth.logout', entity: 'user', entityId: actor.userId });
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepSessionToken: string,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user?.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw badRequest('auth.wrong-current-password', 'Mật khẩu hiện tại không đúng.');
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badRequest('auth.weak-password', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateVersioned(tx, users, eq(users.id, user.id), user.version, { passwordHash, updatedAt: now() }, { entity: 'user' });
    // Other sessions of this account end: a changed password must lock out whoever knew the old one.
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), sql`${sessions.id} <> ${hashToken(keepSessionToken)}`));
    await recordAudit(tx, { tenantId: user.tenantId, actorId: user.id, action: 'auth.password-changed', entity: 'user', entityId: user.id });
  });
}
