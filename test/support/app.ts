// Starts the real app on a private copy of the demo database and signs people in through inject().
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { openDatabase, type Database } from '../../src/server/db/client';
import { loadEnv, type Env } from '../../src/server/env';
import { DEMO_PASSWORD } from '../../src/server/seed/demo';
import { openScratchDatabase } from './postgres';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  env: Env;
  /** A signed-in session of a demo account (or any username/password). */
  signIn(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  me: { user: { id: string; tenantId: string | null; memberId: string | null }; roles: { role: string; unitId: string }[] };
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function openTestDatabase(): Promise<Database> {
  if (process.env.QT_TEST_DB === 'postgres') {
    return openScratchDatabase(process.env.TEST_DATABASE_URL!, { prefix: 'qt_t', template: inject('templateDatabase') });
  }
  const dump = new Blob([readFileSync(inject('templateDump'))]);
  return openDatabase({ loadDataDir: dump });
}

export async function startTestApp(overrides: Partial<Record<string, string>> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'qt-test-files-'));
  const env = loadEnv({ NODE_ENV: 'test', QT_LOGIN_RATE_LIMIT: '1000', QT_UPLOAD_RATE_LIMIT: '1000', QT_CHECK_IN_RATE_LIMIT: '1000', QT_BACKUP_KEEP: '0', QT_WEB_DIR: '/nonexistent', QT_FILES_DIR: filesDir, ...overrides });
  const app = await buildApp({ env, database });
  const signIn = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const me = res.json();
    return {
      cookie,
      csrfToken: me.csrfToken,
      me,
      inject: (options) =>
        app.inject({ ...options, headers: { cookie, 'x-csrf-token': me.csrfToken, ...(options.headers ?? {}) } }),
    };
  };
  return {
    app,
    database,
    env,
    signIn,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/**
 * The app started and the named demo accounts signed in (in the order given), for a test file's
 * `beforeAll`: `({ t, staff, leader } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc' }))`.
 */
export async function startSignedIn<K extends string>(accounts: Record<K, string>, overrides: Partial<Record<string, string>> = {}): Promise<{ t: TestApp } & Record<K, Session>> {
  const t = await startTestApp(overrides);
  const sessions = {} as Record<K, Session>;
  for (const [name, username] of Object.entries(accounts) as [K, string][]) sessions[name] = await t.signIn(username);
  return { ...sessions, t };
}
