// Operations (issue 15, item 8): structured logs without personal data, the health check, and the
// Prometheus metrics (prom-client).
//
// Logs: one JSON line per event (pino, Fastify's logger) carrying `reqId`, also sent back as the
// X-Request-Id header. A request is logged by its method, route pattern ("/api/members/:id") and the
// path without its query string: never the query (names searched), the body, the cookie, the
// authorisation header or the client's address. Anything that still carries them is redacted.
//
// Metrics: GET /metrics, text format of Prometheus. Who may read it: a scraper presenting
// `Authorization: Bearer <QT_METRICS_TOKEN>`; without that setting, only a request made on the machine
// itself (a socket from 127.0.0.1 or ::1) that no reverse proxy forwarded (no X-Forwarded-For): a proxy
// on the same machine would otherwise make every visitor look local. Everyone else gets 404, as if
// there were no such address.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from './db/client';
import type { Env } from './env';
import type { PdfConverter } from './documents/pdf';
import { notFound } from './errors';
import { sql } from 'drizzle-orm';

/** Paths pino blanks wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.body',
  'req.query',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'body',
  'password',
  '*.password',
];

const pathOf = (url: string) => url.split('?')[0] ?? url;
const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/u;

/** Fastify's logger settings (pino): JSON lines, request ids, no personal data. */
export function loggerOptions(env: Pick<Env, 'LOG_LEVEL'>, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: env.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[hidden]' },
    ...(stream ? { stream } : {}),
    serializers: {
      req(request: { method: string; url: string; routeOptions?: { url?: string } }) {
        return { method: request.method, route: request.routeOptions?.url, path: pathOf(request.url) };
      },
      res(reply: { statusCode: number }) {
        return { statusCode: reply.statusCode };
      },
    },
  };
}

/** Request ids: the proxy's X-Request-Id when it looks like one, else a new UUID. */
export const requestIdOptions = {
  genReqId(request: { headers: Record<string, string | string[] | undefined> }) {
    const given = request.headers['x-request-id'];
    return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
  },
  // Logged as `reqId` (Fastify's default label).
} satisfies Partial<FastifyServerOptions>;

export interface Metrics {
  registry: Registry;
  pdfConversions: Counter<'result'>;
  pdfSeconds: Histogram;
}

/** The app's metrics, on a registry of its own (tests build many apps in one process). */
export function createMetrics(database: Database, jobsOn: () => boolean): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'qt_' });
  new Gauge({
    name: 'qt_job_queue_depth',
    help: 'Jobs waiting or running in the job queue, by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      if (!jobsOn()) return;
      const { rows } = await database.executeSql(
        `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') GROUP BY name, state`,
        [],
      );
      for (const row of rows) this.set({ queue: String(row.name), state: String(row.state) }, Number(row.n));
    },
  });
  return {
    registry,
    pdfConversions: new Counter({ name: 'qt_pdf_conversions_total', help: 'DOCX → PDF conversions, by result', labelNames: ['result'], registers: [registry] }),
    pdfSeconds: new Histogram({ name: 'qt_pdf_conversion_seconds', help: 'Time of one DOCX → PDF conversion', buckets: [0.25, 0.5, 1, 2, 5, 10, 30], registers: [registry] }),
  };
}

/** The converter with its conversions counted and timed. */
export function measuredPdf(pdf: PdfConverter, metrics: Metrics): PdfConverter {
  return {
    ...pdf,
    available: () => pdf.available(),
    close: () => pdf.close(),
    mode: () => pdf.mode(),
    async convert(docx) {
      const end = metrics.pdfSeconds.startTimer();
      try {
        const out = await pdf.convert(docx);
        metrics.pdfConversions.inc({ result: 'ok' });
        return out;
      } catch (error) {
        metrics.pdfConversions.inc({ result: 'error' });
        throw error;
      } finally {
        end();
      }
    },
  };
}

const isLoopback = (address: string | undefined) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

/** Whether this request may read the metrics (see the comment at the top). */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(String(request.headers.authorization ?? ''));
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  return isLoopback(request.socket.remoteAddress) && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined;
}

/** Request counts and latencies by route pattern, /metrics, and /api/health checking the database. */
export function registerOperations(app: FastifyInstance, { env, database, metrics }: { env: Env; database: Database; metrics: Metrics }) {
  const requests = new Counter({
    name: 'qt_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    registers: [metrics.registry],
  });
  const seconds = new Histogram({
    name: 'qt_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  // The pattern, never the address itself: ids and unknown addresses must not become label values.
  const routeOf = (request: FastifyRequest) => (request.is404 ? '(not found)' : (request.routeOptions.url ?? '(unknown)'));
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  // Graceful shutdown: a request in flight when closing starts is answered, then its connection closed;
  // without this a kept-alive connection would hold the close for the keep-alive timeout (72 s).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = routeOf(request);
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    seconds.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, env.QT_METRICS_TOKEN)) throw notFound('route');
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(await metrics.registry.metrics());
  });

  app.get('/api/health', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await withTimeout(database.db.execute(sql`SELECT 1`), 3000);
      return { status: 'ok', database: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'error', database: 'unreachable' });
    }
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]);
}
