// Every setting, validated once at start by one zod schema that is also their type.
// A bad setting stops the process with the full list of problems.
import { z } from 'zod';
import { resolve } from 'node:path';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Folder of the embedded PGlite database (used when DATABASE_URL is not set). */
  QT_DATA_DIR: z.string().min(1).default('./data'),
  /** Folder of uploaded files, stored by content hash. */
  QT_FILES_DIR: z.string().min(1).optional(),
  /** postgresql://… switches from the embedded database to a PostgreSQL server. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgresql://')
    .optional(),
  /** 'info' logs every request; the default keeps the console readable. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Session lifetime in hours. */
  QT_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(12),
  /** Login attempts allowed per IP per minute (rate limit). */
  QT_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Uploads (plans, attachments, evidence, rubrics) and QR check-ins allowed per account per minute. */
  QT_UPLOAD_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  QT_CHECK_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Failed logins before an account is locked, and for how many minutes. */
  QT_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  QT_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Trust X-Forwarded-* from a reverse proxy (for Secure cookies behind HTTPS). */
  QT_TRUST_PROXY: bool.default(false),
  /** Largest JSON body accepted, in bytes. */
  QT_BODY_LIMIT: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** The address people open, printed on account letters; http://localhost:<PORT> when not set. */
  QT_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+[^\s?#]*$/u, 'must be an address starting with http:// or https://')
    .optional(),
  /** Folder of the built web app served at /. */
  QT_WEB_DIR: z.string().min(1).default('./dist/web'),
  /** smtp://user:pass@host:port or smtps://…: notifications are also e-mailed; unset, none is. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'must look like smtp://host:port or smtps://user:pass@host')
    .optional(),
  /**
   * The job queue (decision 021): reminders, escalations, e-mail with retries, the daily digest. On by
   * default; off by default under NODE_ENV=test (a test turns it on with QT_JOBS=true).
   */
  QT_JOBS: bool.optional(),
  /** How often an idle worker asks the queue for work, in seconds (at least 0.5). */
  QT_JOBS_POLL_SECONDS: z.coerce.number().min(0.5).default(2),
  /** Retries of a failed e-mail, and the first delay in seconds (doubling each time: 1, 2, 4, 8, 16 min). */
  QT_EMAIL_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
  QT_EMAIL_RETRY_SECONDS: z.coerce.number().int().min(1).default(60),
  /** The sender of those e-mails. */
  SMTP_FROM: z.string().min(3).default('QuánTriệt <khong-tra-loi@quantriet.local>'),
  /**
   * The key that signs the rotating check-in QR codes (at least 32 characters). Unset: generated on
   * first start and kept in the database (server_secrets).
   */
  QT_CHECK_IN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * The daily backup (job backup.daily, src/server/backup): how many backup files to keep (0: no
   * scheduled backup), where (default <QT_DATA_DIR>/backups; point it at another disk), and when
   * (a cron line in Asia/Ho_Chi_Minh, 02:30 by default).
   */
  QT_BACKUP_KEEP: z.coerce.number().int().min(0).max(3650).default(14),
  QT_BACKUP_DIR: z.string().min(1).optional(),
  QT_BACKUP_CRON: z
    .string()
    .regex(/^\S+ \S+ \S+ \S+ \S+$/u, 'must be a cron line of five fields, e.g. "30 2 * * *"')
    .default('30 2 * * *'),
  /**
   * Who may read /metrics (Prometheus): a scraper sending "Authorization: Bearer <token>" with this
   * token, or any request from the machine itself (127.0.0.1 / ::1) when it is not set.
   */
  QT_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type Env = z.infer<typeof envSchema> & { QT_FILES_DIR: string; QT_PUBLIC_URL: string; QT_BACKUP_DIR: string };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    ...env,
    QT_DATA_DIR: resolve(env.QT_DATA_DIR),
    QT_FILES_DIR: resolve(env.QT_FILES_DIR ?? `${env.QT_DATA_DIR}/files`),
    QT_BACKUP_DIR: resolve(env.QT_BACKUP_DIR ?? `${env.QT_DATA_DIR}/backups`),
    QT_WEB_DIR: resolve(env.QT_WEB_DIR),
    QT_PUBLIC_URL: (env.QT_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/u, ''),
  };
}

/** The explicit list of settings that reach the browser. */
export function publicSettings(env: Env) {
  return { database: env.DATABASE_URL ? 'postgresql' : 'pglite' } as const;
}
