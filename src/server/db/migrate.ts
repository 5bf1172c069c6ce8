// Runs the generated migrations in ./drizzle from code, on PGlite and PostgreSQL alike.
// (drizzle-kit's own migrate for PGlite silently skips CREATE EXTENSION, so it is not used.)
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client';

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Applies the migrations not yet applied; `folder` is for tests that stop at an earlier one. */
export async function migrateDatabase(database: Database, folder: string = migrationsFolder): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder: folder });
  }
}

/** A copy of the migrations folder whose journal ends at `lastTag` (for testing a migration on older data). */
export function migrationsUpTo(lastTag: string, into: string): string {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((e) => e.tag === lastTag);
  if (end < 0) throw new Error(`no migration ${lastTag}`);
  const entries = journal.entries.slice(0, end + 1);
  mkdirSync(join(into, 'meta'), { recursive: true });
  writeFileSync(join(into, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const { tag } of entries) copyFileSync(join(migrationsFolder, `${tag}.sql`), join(into, `${tag}.sql`));
  return into;
}
