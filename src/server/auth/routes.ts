import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { units } from '../features/units/tables';
import { computeAbilities } from './abilities';
import type { Actor } from './actor';
import { actorOf, clearSessionCookie, setSessionCookie } from './plugin';
import { changePasswordBody, loginBody, meResponse, okResponse, passwordChangedResponse, sessionResponse } from './schema';
import { changePassword, hashToken, loginWithCode, loginWithPassword, logout } from './service';
import type { SessionCache } from './session-cache';

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; env: Env; sessions: SessionCache }> = async (app, { db, env, sessions }) => {
  const settings = {
    sessionHours: env.QT_SESSION_HOURS,
    lockoutAttempts: env.QT_LOCKOUT_ATTEMPTS,
    lockoutMinutes: env.QT_LOCKOUT_MINUTES,
  };

  async function describe(actor: Actor, csrfToken: string) {
    const unitIds = actor.grants.map((g) => g.unitId);
    const names = unitIds.length
      ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))
      : [];
    const nameOf = new Map(names.map((u) => [u.id, u.name]));
    return {
      user: {
        id: actor.userId,
        username: actor.username,
        displayName: actor.displayName,
        tenantId: actor.tenantId,
        communeId: actor.communeId,
        memberId: actor.memberId,
      },
      mustChangePassword: actor.mustChangePassword === true,
      roles: actor.grants.map((g) => ({ role: g.role, unitId: g.unitId, unitName: nameOf.get(g.unitId) ?? '' })),
      abilities: computeAbilities(actor),
      csrfToken,
    };
  }

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: env.QT_LOGIN_RATE_LIMIT, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: loginBody, response: { 200: meResponse } },
    },
    async (request, reply) => {
      const body = request.body;
      const session = 'oneTimeCode' in body ? await loginWithCode(db, settings, body) : await loginWithPassword(db, settings, body);
      setSessionCookie(reply, request, session.token, session.expiresAt);
      return describe(session.actor, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okResponse } } },
    async (request, reply) => {
      if (request.actor && request.sessionToken) {
        await logout(db, request.sessionToken, request.actor);
        sessions.drop(hashToken(request.sessionToken));
      }
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get('/api/me', { config: { policy: 'me.view' }, schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: meResponse } } }, async (request) => {
    return describe(actorOf(request), request.csrfToken ?? '');
  });

  // The web app's first question on every load: a signed-out visitor is an answer, not a 401 (which
  // browsers log as an error). /api/me keeps answering 401 without a session, for other callers.
  app.get(
    '/api/session',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Phiên đăng nhập hiện tại (nếu có)', response: { 200: sessionResponse } } },
    async (request) => {
      if (!request.actor) return { signedIn: false, me: null };
      return { signedIn: true, me: await describe(request.actor, request.csrfToken ?? '') };
    },
  );

  app.post(
    '/api/me/password',
    { config: { policy: 'me.password' }, schema: { tags: ['auth'], summary: 'Đổi mật khẩu (phiên đăng nhập được cấp mới)', body: changePasswordBody, response: { 200: passwordChangedResponse } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const session = await changePassword(db, settings, actor, request.body);
      sessions.dropUser(actor.userId);
      setSessionCookie(reply, request, session.token, session.expiresAt);
      return { ok: true as const, csrfToken: session.csrfToken };
    },
  );
};
