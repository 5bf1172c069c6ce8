// Helpers shared by the benchmarks: a seeded data folder and a real server process on 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import { openDatabase, type Database } from '../src/server/db/client';
import { openMigratedDatabase } from '../src/server/database';
import { seedDemo } from '../src/server/seed/demo';
import { adminUrl } from '../test/support/postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export const tempDataDir = () => mkdtempSync(join(tmpdir(), 'qt-bench-'));

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return performance.now() - start;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

/** Starts a command in its own process group, so that stopping it also stops what it started (npm → node). */
export function startProcess(command: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  process.kill(-child.pid!, 'SIGTERM');
  // Wait for the whole group, not only npm: the server under it holds the data folder's lock until
  // it has closed the database, and the next start on that folder would be refused before.
  const deadline = Date.now() + 10_000;
  while (groupAlive(child.pid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function report(name: string, value: string, target: string, ok: boolean) {
  console.log(`${ok ? '✓' : '✗'} ${name}: ${value} — target ${target}`);
}

/** A database a benchmark measures: the embedded one in a new folder, or a scratch database of a server. */
export interface BenchTarget {
  label: string;
  /** Where a server process finds its data: QT_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  open(logQuery?: (sql: string, params: unknown[]) => void): Promise<Database>;
  dispose(): Promise<void>;
}

/**
 * Runs `measure` on PGlite, then on a scratch database of QT_BENCH_DATABASE_URL's PostgreSQL server
 * when it is set (dropped afterwards).
 */
export async function onEachDatabase(prefix: string, measure: (target: BenchTarget) => Promise<void>) {
  const dataDir = tempDataDir();
  const targets: BenchTarget[] = [{ label: 'PGlite', env: { QT_DATA_DIR: dataDir }, open: (logQuery) => openDatabase({ dataDir, logQuery }), dispose: async () => {} }];
  const url = process.env.QT_BENCH_DATABASE_URL;
  if (url) targets.push(await postgresTarget(url, prefix));
  else console.log('(PostgreSQL: set QT_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test to measure it too)');
  for (const target of targets) {
    try {
      await measure(target);
    } finally {
      await target.dispose();
    }
  }
}

async function postgresTarget(url: string, prefix: string): Promise<BenchTarget> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const databaseUrl = adminUrl(url, name);
  return {
    label: 'PostgreSQL',
    env: { DATABASE_URL: databaseUrl },
    open: (logQuery) => openDatabase({ url: databaseUrl, logQuery }),
    dispose: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The built web app (built first unless QT_BENCH_WEB_DIR names one) served by `bin/quantriet serve`
 * on a fresh data folder holding the demo ward, on 127.0.0.1: for the benches that drive a browser.
 */
export async function startDemoServer(webDir: string): Promise<{ url: string; server: ChildProcess }> {
  if (!process.env.QT_BENCH_WEB_DIR) execFileSync('node', ['bin/build-web.js', '--if-stale'], { stdio: 'ignore' });
  const dataDir = tempDataDir();
  const database = await openMigratedDatabase({ QT_DATA_DIR: dataDir });
  await seedDemo(database.db);
  await database.close();
  const port = await freePort();
  const server = startProcess('node', ['bin/quantriet', 'serve'], { QT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', QT_LOGIN_RATE_LIMIT: '1000000', QT_WEB_DIR: webDir });
  return { url: `http://127.0.0.1:${port}`, server };
}
