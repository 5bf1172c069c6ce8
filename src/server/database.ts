// Opens the configured database and brings its schema up to date.
import type { Env } from './env';
import { openDatabase, type Database } from './db/client';
import { migrateDatabase } from './db/migrate';

export async function openMigratedDatabase(env: Pick<Env, 'DATABASE_URL' | 'QT_DATA_DIR'>): Promise<Database> {
  const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.QT_DATA_DIR });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
