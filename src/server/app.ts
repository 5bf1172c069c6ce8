// Builds the Fastify app: plugins, routes, the central error handler. It never listens, so tests
// start the real app on a fresh database and call it through inject().
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import type { Env } from './env';
import { errorHandler } from './error-handler';
import { notFound } from './errors';
import { authPlugin } from './auth/plugin';
import { authRoutes } from './auth/routes';
import { createSessionCache } from './auth/session-cache';
import { featureRoutes } from './features';
import { createMailer, type Mailer } from './features/notifications/mailer';
import { createFileStore } from './files/store';
import { startJobs } from './jobs';
import type { JobQueue } from './jobs/queue';
import { createPdfConverter, type PdfConverter } from './documents/pdf';
import { registerTextGuard } from './text-guard';
import { createSerializerCompiler } from './serializer';
import { webAssetOptions } from './web-assets';
import { applyRateLimits } from './rate-limits';
import { createMetrics, loggerOptions, measuredPdf, registerOperations, requestIdOptions } from './observability';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

// Validation messages that no schema words itself come out in Vietnamese too.
z.config(z.locales.vi());

export interface AppDeps {
  env: Env;
  database: Database;
  /** JSON logs on stdout (true), into a stream (tests), or none. */
  logger?: boolean | NodeJS.WritableStream;
  /** The PDF converter; one per process, created on first use when not given. */
  pdf?: PdfConverter;
}

export async function buildApp({ env, database, logger = false, pdf: converter = createPdfConverter() }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions(env, logger === true ? undefined : logger) : false,
    ...requestIdOptions,
    bodyLimit: env.QT_BODY_LIMIT,
    trustProxy: env.QT_TRUST_PROXY,
    // An address the router cannot decode ("%ED%A0%80") is refused before any route or hook runs:
    // answered by the central handler too, so it is JSON with a stable id like every other refusal.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Plain-data answers through fast-json-stringify, checked against zod's in tests (decision 038).
  app.setSerializerCompiler(createSerializerCompiler({ crossCheck: env.NODE_ENV === 'test' }));
  app.setErrorHandler(errorHandler);
  registerTextGuard(app);

  // The security headers. Helmet is built once (decision 044): @fastify/helmet built it again, and
  // parsed its CSP directives, for every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its CSS variables into a <style> element at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(cookie);
  // Before the plugin, whose own onRoute hook reads the limits this one gives (rate-limits.ts).
  applyRateLimits(app, env);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: { info: { title: 'QuánTriệt API', version: '1' } },
    transform: jsonSchemaTransform,
  });

  const sessions = createSessionCache();
  await app.register(authPlugin, { db: database.db, sessions });

  // Request metrics, /metrics and /api/health (observability.ts).
  let jobsOn = false;
  const metrics = createMetrics(database, () => jobsOn);
  const pdf = measuredPdf(converter, metrics);
  registerOperations(app, { env, database, metrics });
  app.get('/api/docs/json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes, { db: database.db, env, sessions });
  // Notification e-mail goes out after commits, in the background; closing waits for it.
  const mailer = createMailer(env, app.log);
  app.decorate('mailer', mailer);
  await app.register(featureRoutes, { db: database.db, env, files: createFileStore(env.QT_FILES_DIR), pdf, mailer, sessions, jobs: () => app.jobs });
  // The job queue (decision 021): on with the server, off in tests unless one asks (QT_JOBS=true).
  const jobs = (env.QT_JOBS ?? env.NODE_ENV !== 'test') ? await startJobs(database, env, mailer, app.log) : null;
  app.decorate('jobs', jobs);
  jobsOn = jobs !== null;
  app.addHook('onClose', async () => {
    // The queue first (jobs in hand finish), then the e-mails in flight, then the converter.
    await jobs?.stop();
    await mailer.idle();
    await pdf.close();
  });

  await serveWebApp(app, env.QT_WEB_DIR);
  return app;
}

/** The built single-page app: files as they are, and index.html for every other page address. */
async function serveWebApp(app: FastifyInstance, webDir: string) {
  const hasWeb = existsSync(join(webDir, 'index.html'));
  // The web app loads before anyone signs in, so its routes are public. @fastify/static (v10) takes
  // no route `config`, so an onRoute hook declares them public; it lives in this encapsulated scope,
  // where nothing but the static files and the not-found handler is registered.
  await app.register(async (web) => {
    web.addHook('onRoute', (route) => {
      route.config = { ...route.config, public: true };
    });
    if (hasWeb) await web.register(fastifyStatic, { root: webDir, wildcard: false, ...webAssetOptions(webDir) });
    // Public too (auth/plugin.ts): an unknown API address is a 404 whether signed in or not.
    web.setNotFoundHandler(async (request, reply) => {
      if (isApiAddress(request.url) || request.method !== 'GET' || !hasWeb) throw notFound('route');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  });
}

/** "/api/…" however spelt (encoded, doubled slashes, capitals): never answered with the web app. */
function isApiAddress(url: string): boolean {
  let path = url.split('?')[0] ?? '';
  for (let i = 0; i < 3; i++) {
    try {
      const decoded = decodeURIComponent(path);
      if (decoded === path) break;
      path = decoded;
    } catch {
      break;
    }
  }
  return /^\/api(\/|$)/u.test(path.replace(/\/{2,}/gu, '/').toLowerCase());
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Notification e-mail (features/notifications/mailer.ts). */
    mailer: Mailer;
    /** The job queue (jobs/), null when off. */
    jobs: JobQueue | null;
  }
}
