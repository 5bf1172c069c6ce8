// One database handle for the whole process: embedded PGlite in QT_DATA_DIR by default,
// a PostgreSQL server when DATABASE_URL is set. Both speak the same SQL and run the same migrations.
// A data folder on disk is locked for this process until close() (data-folder-lock.ts); an
// in-memory PGlite (no dataDir, as in tests) and PostgreSQL take no lock.
import { mkdirSync } from 'node:fs';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';
import { acquireDataFolderLock } from './data-folder-lock';
import { createWalFlusher, flushAfterEachCommit, type WalFlusher } from './wal-flush';
import { keepPlansOf } from './pglite-plans';
import { readDatesAsTextOnce } from './pglite-parsers';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Services accept either the database or a transaction already open. */
export type DbOrTx = Db | Tx;

/**
 * Raw SQL on the same database, as pg-boss's adapter wants it (jobs/queue.ts): `{ rows }` of the last
 * statement. `name`: a named prepared statement (PostgreSQL parses it once per connection; PGlite ignores it).
 */
export type ExecuteSql = (text: string, values?: unknown[], name?: string) => Promise<{ rows: Record<string, unknown>[] }>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgresql';
  /**
   * Raw SQL, for the job queue. On PGlite, one connection: every call waits for a transaction in
   * progress to end (PGlite's own lock), so it must never be called from inside a transaction.
   */
  executeSql: ExecuteSql;
  close(): Promise<void>;
  /** The embedded database on disk: what makes its commits durable (wal-flush.ts). */
  flusher?: WalFlusher;
}

export async function pgliteExtensions() {
  const [{ unaccent }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  return { unaccent, pg_trgm };
}

/** Every statement drizzle sends, with its parameters: the load bench replays a route's own SQL. */
export type QueryLog = (sql: string, params: unknown[]) => void;

export async function openDatabase(options: { dataDir?: string; url?: string; loadDataDir?: Blob; logQuery?: QueryLog }): Promise<Database> {
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  if (options.url) return openPostgres(options.url, logger);
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // Before PGlite reads a byte: a second process on the folder stops here (database.folder-in-use).
  const lock = options.dataDir ? await acquireDataFolderLock(options.dataDir) : null;
  let client;
  try {
    client = new PGlite({
      dataDir: options.dataDir,
      loadDataDir: options.loadDataDir,
      extensions: await pgliteExtensions(),
    });
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  // Drizzle's parsers for dates and times are the client's own, not copied per statement (decision 043).
  await readDatesAsTextOnce(client);
  // On disk, an acknowledged commit is flushed to it before the caller hears of it (decision 022).
  const flusher = options.dataDir ? createWalFlusher(options.dataDir) : undefined;
  if (flusher) {
    const [at] = (await client.query<{ segment: string }>('select pg_walfile_name(pg_current_wal_insert_lsn()) as segment')).rows;
    if (at) flusher.writingAt(at.segment);
    flushAfterEachCommit(client as never, flusher);
  }
  // The plans of the prepared statements that ask for it are kept (decision 040).
  keepPlansOf(client);
  const db = drizzle(client, { schema, logger }) as unknown as Db;
  const close = async () => {
    try {
      await client.close();
      // The shutdown checkpoint wrote the data files: they go to the disk before the folder is let go.
      await flusher?.flushAll();
    } finally {
      lock?.release();
    }
  };
  const executeSql: ExecuteSql = async (text, values) => {
    // Parameters: one statement (extended protocol). None: possibly several (pg-boss's "BEGIN; …; COMMIT").
    if (values && values.length) return client.query<Record<string, unknown>>(text, values);
    const results = await client.exec(text);
    return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
  };
  return { db, kind: 'pglite', executeSql, close, flusher };
}

async function openPostgres(url: string, logger?: { logQuery: QueryLog }): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // Dates stay ISO strings ("2026-05-12"), as on PGlite, instead of becoming local-time Date objects.
  pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL: idle connection closed (${error.message})`));
  const db = drizzle(pool, { schema, logger }) as unknown as Db;
  const executeSql: ExecuteSql = (text, values, name) => (name ? pool.query({ name, text, values }) : pool.query(text, values));
  return { db, kind: 'postgresql', executeSql, close: () => pool.end() };
}
