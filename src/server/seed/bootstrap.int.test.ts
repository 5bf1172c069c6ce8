import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { buildApp } from '../app';
import { openDatabase, type Database } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { loadEnv } from '../env';
import { units } from '../features/units/tables';
import { bootstrapOrganisation } from './bootstrap';
import { openTestDatabase } from '../../../test/support/app';

// A production start on an empty database: no demo, no default password.
let database: Database;
beforeAll(async () => {
  database = process.env.QT_TEST_DB === 'postgres' ? await emptyPostgres() : await openDatabase({});
  await migrateDatabase(database);
});
afterAll(() => database?.close());

async function emptyPostgres(): Promise<Database> {
  // The template of the postgres project holds the demo; empty it for this file's private copy.
  const copy = await openTestDatabase();
  await copy.db.execute('TRUNCATE units, members, users, role_grants, sessions, resolutions, plans CASCADE' as never);
  return copy;
}

describe('quantriet init', () => {
  it('creates the province, the commune and an administrator who can sign in, and nothing else', async () => {
    const app = await buildApp({ env: loadEnv({ QT_WEB_DIR: '/nonexistent' }), database });
    const demo = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'quantriet' } });
    expect(demo.statusCode).toBe(401);
    await expect(
      bootstrapOrganisation(database.db, { province: 'Đảng bộ tỉnh Hà Giang', commune: 'Đảng ủy xã Minh Tân', adminUsername: 'quantri', adminPassword: '123' }),
    ).rejects.toMatchObject({ id: 'auth.weak-password' });
    await bootstrapOrganisation(database.db, { province: 'Đảng bộ tỉnh Hà Giang', commune: 'Đảng ủy xã Minh Tân', adminUsername: 'QuanTri', adminPassword: 'mot-mat-khau-dai' });
    const [row] = await database.db.select({ n: count() }).from(units);
    expect(Number(row!.n)).toBe(2);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: 'mot-mat-khau-dai' } });
    expect(login.statusCode).toBe(200);
    expect(login.json().abilities).toMatchObject({ manageUsers: true, viewOrganisation: true });
    await expect(
      bootstrapOrganisation(database.db, { province: 'x', commune: 'y', adminUsername: 'khac', adminPassword: 'mot-mat-khau-dai' }),
    ).rejects.toMatchObject({ id: 'bootstrap.not-empty' });
    await app.close();
  });
});
