// Once per test run: one migrated database holding the demo ward, that every test file clones.
// PGlite: a dump of its data folder in a temporary file. PostgreSQL: a template database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { seedDemo } from '../../src/server/seed/demo';
import { adminUrl, templateName } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  if (project.config.env?.QT_TEST_DB === 'postgres') return setupPostgres(project);
  const dir = mkdtempSync(join(tmpdir(), 'qt-template-'));
  const database = await openDatabase({});
  await migrateDatabase(database);
  await seedDemo(database.db);
  const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDump', file);
  project.provide('templateDatabase', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const { default: pg } = await import('pg');
  const url = process.env.TEST_DATABASE_URL!;
  const name = templateName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ url: adminUrl(url, name) });
  await migrateDatabase(database);
  await seedDemo(database.db);
  await database.close();
  project.provide('templateDatabase', name);
  project.provide('templateDump', '');
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
}
