// Rate limits beyond sign-in (auth/routes.ts): uploads and QR check-in, counted per account (a whole
// commune office may share one address), per minute, with the product's 429 (errors.ts: rate-limited).
// The routes are named here, in one place; rate-limits.test.ts fails when a route reading an upload
// (files/upload.ts) is missing from UPLOAD_ROUTES.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Env } from './env';

export const UPLOAD_ROUTES: readonly string[] = [
  'POST /api/plans/import',
  'POST /api/propaganda/:id/attachments',
  'POST /api/resolutions/:id/attachments',
  'POST /api/rubrics/import',
  'POST /api/tasks/:id/evidence',
];

export const CHECK_IN_ROUTES: readonly string[] = ['POST /api/check-in'];

/** Per account when signed in (after the session is read), else per address. */
const byAccount = (request: FastifyRequest) => (request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`);

/** Gives the listed routes their limit as they are registered; call before the feature routes. */
export function applyRateLimits(app: FastifyInstance, env: Pick<Env, 'QT_UPLOAD_RATE_LIMIT' | 'QT_CHECK_IN_RATE_LIMIT'>) {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const keys = methods.map((m) => `${m} ${route.url}`);
    const max = keys.some((k) => UPLOAD_ROUTES.includes(k)) ? env.QT_UPLOAD_RATE_LIMIT : keys.some((k) => CHECK_IN_ROUTES.includes(k)) ? env.QT_CHECK_IN_RATE_LIMIT : null;
    if (max === null) return;
    route.config = { ...route.config, rateLimit: { max, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: byAccount } };
  });
}
