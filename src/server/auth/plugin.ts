// Reads the session cookie of every request into `request.actor`, refuses unauthenticated calls to
// any route that is not declared `config: { public: true }`, and checks the CSRF token on writes.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import { csrfFailed, unauthenticated } from '../errors';
import type { Actor } from './actor';
import { hashToken, loadSession } from './service';
import type { SessionCache } from './session-cache';

export const SESSION_COOKIE = 'qt_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a session (sign-in, health, public pages). */
    public?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; sessions: SessionCache }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return; // the web app's static files
    const token = request.cookies[SESSION_COOKIE];
    const isPublic = request.routeOptions.config?.public === true;
    if (token) {
      const key = hashToken(token);
      let session = opts.sessions.get(key) ?? null;
      if (!session) {
        session = await loadSession(opts.db, token);
        if (session) opts.sessions.set(key, session);
      }
      if (session) {
        request.actor = session.actor;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
        // Cookies ride along on cross-site requests; a write must also prove it came from our page.
        if (!safeMethods.has(request.method) && !isPublic && request.headers[CSRF_HEADER] !== session.csrfToken) {
          throw csrfFailed();
        }
      }
    }
    if (!isPublic && !request.actor && request.routeOptions.url) throw unauthenticated();
  });
});

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The actor of a route that is not public: the hook above guarantees it is there. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
