// Per-run PostgreSQL databases for the `postgres` test project and the benchmarks.
import { openDatabase, type Database } from '../../src/server/db/client';

export function templateName(): string {
  return `qt_template_${process.pid}`;
}

/** The same server address with another database name. */
export function adminUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A new database on the server of `url` (a copy of `template` when given), dropped on close. */
export async function openScratchDatabase(url: string, options: { prefix: string; template?: string }): Promise<Database> {
  const { default: pg } = await import('pg');
  const name = `${options.prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`);
  const database = await openDatabase({ url: adminUrl(url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
