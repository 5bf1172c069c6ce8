// Reads the session cookie of every request into `request.actor`, refuses unauthenticated calls to
// any route that is not declared `config: { public: true }`, and checks the CSRF token on writes.
// The decision rests on the route the router matched, never on the text of the address: the router
// decodes "/%61pi/…" into "/api/…", so a test of the raw URL can be walked around.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, RouteOptions } from 'fastify';
import type { Db } from '../db/client';
import { csrfFailed, passwordChangeRequired, unauthenticated } from '../errors';
import type { Actor } from './actor';
import { hashToken, loadSession } from './service';
import type { SessionCache } from './session-cache';
import type { PolicyName } from './policies';

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
    /** The named policy that decides who may do what this route does (auth/policies.ts, decision 012). */
    policy?: PolicyName;
  }
  interface FastifyInstance {
    /** Every route registered after the auth plugin, whether it is public and the policy it declares (for tests and audits). */
    routeAccess(): RouteAccess[];
  }
}

export interface RouteAccess {
  method: string;
  url: string;
  public: boolean;
  policy: string | null;
  /** The route takes `?communeId=` (a commune-scoped route: resolveCommune checks it against the grants). */
  takesCommune: boolean;
  /** Its schema (zod: params, querystring, body; consumes), for the tests that walk every route. */
  schema: FastifySchema & { consumes?: readonly string[] };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The policies a session that must set a new password may still use (public routes need none). */
const allowedBeforePasswordChange = new Set<string>(['me.view', 'me.password'] satisfies PolicyName[]);

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; sessions: SessionCache }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);

  // Kept by reference and read when asked: hooks of inner scopes (the web app's files) may still
  // set `config.public` after this one has seen the route.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.decorate('routeAccess', () =>
    routes.flatMap((r) =>
      (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({
        method,
        url: r.url,
        public: r.config?.public === true,
        policy: typeof r.config?.policy === 'string' ? r.config.policy : null,
        takesCommune: (r.schema?.querystring as { shape?: Record<string, unknown> } | undefined)?.shape?.communeId !== undefined,
        schema: r.schema ?? {},
      })),
    ),
  );

  app.addHook('onRequest', async (request: FastifyRequest) => {
    // An address no route matches reaches the not-found handler (app.ts): a 404, or the web app's
    // index.html for a page address; neither holds data, so it answers without a session too.
    const isPublic = request.routeOptions.config?.public === true || request.is404;
    const token = request.cookies[SESSION_COOKIE];
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
    if (!isPublic && !request.actor) throw unauthenticated();
    // A session opened with a one-time code reads who it is and sets a password, nothing else.
    if (!isPublic && request.actor?.mustChangePassword && !allowedBeforePasswordChange.has(request.routeOptions.config?.policy ?? '')) {
      throw passwordChangeRequired();
    }
  });

  // Answers carry personal data (members, plans, the session's CSRF token): no browser or proxy may
  // keep them. An answer that may be cached says so itself (the web app's files, index.html).
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
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
