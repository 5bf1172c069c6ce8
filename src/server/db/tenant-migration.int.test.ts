// Migrations 0009-0011 (decision 017) on a database as it was before them: every row of every table
// survives, the rows without a tenant get one, the lookup tables start full, and the province
// accounts still sign in and reach the communes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from './client';
import { migrateDatabase, migrationsUpTo } from './migrate';
import { hashPassword } from '../auth/passwords';
import { buildApp } from '../app';
import { loadEnv } from '../env';
import { openScratchDatabase } from '../../../test/support/postgres';

const BEFORE = '0008_people_positions_unit_dates';
const PASSWORD = 'mat-khau-thu-1';
const tables = [
  'units', 'members', 'member_import_mappings', 'audit_log', 'users', 'role_grants', 'sessions', 'resolutions', 'resolution_links',
  'attachments', 'plans', 'plan_resolutions', 'plan_recipients', 'plan_deliveries', 'commune_settings', 'vocabulary_extensions',
  'document_numbers', 'persons', 'position_kinds', 'positions',
];

const id = {
  province: '10000000-0000-4000-8000-000000000001',
  commune: '20000000-0000-4000-8000-000000000001',
  cell: '20000000-0000-4000-8000-000000000002',
  agency: '20000000-0000-4000-8000-000000000003',
  commune2: '30000000-0000-4000-8000-000000000001',
  cell2: '30000000-0000-4000-8000-000000000002',
  provinceAgency: '10000000-0000-4000-8000-000000000002',
  m1: '40000000-0000-4000-8000-000000000001',
  m2: '40000000-0000-4000-8000-000000000002',
  m3: '40000000-0000-4000-8000-000000000003',
  admin: '50000000-0000-4000-8000-000000000001',
  viewer: '50000000-0000-4000-8000-000000000002',
  staff: '50000000-0000-4000-8000-000000000003',
  secretary: '50000000-0000-4000-8000-000000000004',
  r1: '60000000-0000-4000-8000-000000000001',
  r2: '60000000-0000-4000-8000-000000000002',
  plan: '70000000-0000-4000-8000-000000000001',
  person: '80000000-0000-4000-8000-000000000001',
};

/** Rows of every table in their shape before 0009, with the NULL tenants of that time. */
async function seedOldRows(database: Database) {
  const hash = await hashPassword(PASSWORD);
  const p = `/${id.province}/`;
  const c = `${p}${id.commune}/`;
  const c2 = `${p}${id.commune2}/`;
  const statements = [
    sql`INSERT INTO units (id, tenant_id, parent_id, kind, name, path) VALUES
      (${id.province}, NULL, NULL, 'province', 'Đảng bộ tỉnh Thử', ${p}),
      (${id.provinceAgency}, NULL, ${id.province}, 'agency', 'Ban Tuyên giáo Tỉnh ủy', ${`${p}${id.provinceAgency}/`}),
      (${id.commune}, ${id.commune}, ${id.province}, 'commune', 'Đảng ủy phường Một', ${c}),
      (${id.cell}, ${id.commune}, ${id.commune}, 'cell', 'Chi bộ Một', ${`${c}${id.cell}/`}),
      (${id.agency}, ${id.commune}, ${id.commune}, 'agency', 'Ủy ban nhân dân phường', ${`${c}${id.agency}/`}),
      (${id.commune2}, ${id.commune2}, ${id.province}, 'commune', 'Đảng ủy xã Hai', ${c2}),
      (${id.cell2}, ${id.commune2}, ${id.commune2}, 'cell', 'Chi bộ Hai', ${`${c2}${id.cell2}/`})`,
    sql`INSERT INTO members (id, tenant_id, cell_id, full_name, gender, card_number) VALUES
      (${id.m1}, ${id.commune}, ${id.cell}, 'Nguyễn Văn Một', 'male', '01000001'),
      (${id.m2}, ${id.commune}, ${id.cell}, 'Trần Thị Hai', 'female', NULL),
      (${id.m3}, ${id.commune2}, ${id.cell2}, 'Lò Văn Ba', 'male', '01000003')`,
    sql`INSERT INTO users (id, tenant_id, username, password_hash, display_name, member_id) VALUES
      (${id.admin}, NULL, 'quantri', ${hash}, 'Quản trị', NULL),
      (${id.viewer}, NULL, 'tinhuy', ${hash}, 'Tỉnh ủy', NULL),
      (${id.staff}, ${id.commune}, 'vanphong', ${hash}, 'Văn phòng', NULL),
      (${id.secretary}, ${id.commune}, 'bithu', ${hash}, 'Nguyễn Văn Một', ${id.m1})`,
    sql`INSERT INTO role_grants (tenant_id, user_id, role, unit_id) VALUES
      (NULL, ${id.admin}, 'admin', ${id.province}),
      (NULL, ${id.viewer}, 'provinceViewer', ${id.province}),
      (${id.commune}, ${id.staff}, 'wardStaff', ${id.commune}),
      (${id.commune}, ${id.secretary}, 'cellSecretary', ${id.cell})`,
    sql`INSERT INTO sessions (id, user_id, csrf_token, expires_at) VALUES ('old-session-hash', ${id.staff}, 'csrf', now() + interval '1 hour')`,
    sql`INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id) VALUES
      (NULL, ${id.admin}, 'vocabulary.update', 'vocabulary', 'default'),
      (NULL, ${id.viewer}, 'auth.login', 'user', ${id.viewer}),
      (NULL, NULL, 'auth.login-failed', 'user', ${id.admin}),
      (${id.commune}, ${id.staff}, 'member.update', 'member', ${id.m1})`,
    sql`INSERT INTO resolutions (id, tenant_id, kind, number, issuer, subject) VALUES
      (${id.r1}, ${id.commune}, 'nghi-quyet', '91-NQ/TU', 'Tỉnh ủy', 'về phát triển'),
      (${id.r2}, ${id.commune}, 'huong-dan', '12-HD/TU', 'Tỉnh ủy', 'hướng dẫn')`,
    sql`INSERT INTO resolution_links (tenant_id, from_id, to_id, relation) VALUES (${id.commune}, ${id.r2}, ${id.r1}, 'guides')`,
    sql`INSERT INTO attachments (tenant_id, owner_type, owner_id, sha256, file_name, content_type, size) VALUES (${id.commune}, 'resolution', ${id.r1}, ${'0'.repeat(64)}, 'nq.pdf', 'application/pdf', 10)`,
    sql`INSERT INTO plans (id, tenant_id, issuer_unit_id, kind, status, title, source, body, number, number_period, issued_on) VALUES
      (${id.plan}, ${id.commune}, ${id.commune}, 'propagation', 'issued', 'Kế hoạch', 'Nội dung', '{}'::jsonb, 1, '2026', '2026-05-15')`,
    sql`INSERT INTO plan_resolutions (plan_id, resolution_id, tenant_id) VALUES (${id.plan}, ${id.r1}, ${id.commune})`,
    sql`INSERT INTO plan_recipients (tenant_id, plan_id, position, unit_id, label) VALUES (${id.commune}, ${id.plan}, 0, ${id.cell}, 'Chi bộ Một'), (${id.commune}, ${id.plan}, 1, NULL, 'Lưu')`,
    sql`INSERT INTO plan_deliveries (tenant_id, plan_id, unit_id, read_by) VALUES (${id.commune}, ${id.plan}, ${id.cell}, ${id.secretary})`,
    sql`INSERT INTO commune_settings (tenant_id, superior_name, issuer_name, place_name) VALUES (${id.commune}, 'TỈNH ỦY', 'ĐẢNG ỦY PHƯỜNG MỘT', 'Một')`,
    sql`INSERT INTO vocabulary_extensions (id, data, updated_by) VALUES ('default', '{}'::jsonb, ${id.admin})`,
    sql`INSERT INTO document_numbers (tenant_id, issuer_unit_id, symbol, period, number, document_type, document_id, issued_on) VALUES (${id.commune}, ${id.commune}, 'KH/ĐU', '2026', 1, 'plan', ${id.plan}, '2026-05-15')`,
    sql`INSERT INTO member_import_mappings (tenant_id, kind, source_key, source_name, target) VALUES (${id.commune}, 'cell', 'chi bo mot', 'Chi bộ Một', ${id.cell})`,
    sql`INSERT INTO persons (tenant_id, id, full_name) VALUES (${id.commune}, ${id.person}, 'Hoàng Văn Tổ')`,
    sql`INSERT INTO position_kinds (tenant_id, code, name) VALUES (${id.commune}, 'groupHead', 'Tổ trưởng tổ dân phố')`,
    sql`INSERT INTO positions (tenant_id, person_id, kind_code, unit_id, from_on) VALUES (${id.commune}, ${id.person}, 'groupHead', ${id.agency}, '2025-01-01')`,
  ];
  for (const statement of statements) await database.db.execute(statement);
}

async function counts(database: Database): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = (await database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))) as unknown as { rows: { n: number }[] };
    result[table] = rows[0]!.n;
  }
  return result;
}

const query = async <T>(database: Database, statement: ReturnType<typeof sql>) =>
  ((await database.db.execute(statement)) as unknown as { rows: T[] }).rows;

let database: Database;
let app: FastifyInstance;
let before: Record<string, number>;
let after: Record<string, number>;
const dir = mkdtempSync(join(tmpdir(), 'qt-migrations-'));

beforeAll(async () => {
  database =
    process.env.QT_TEST_DB === 'postgres' ? await openScratchDatabase(process.env.TEST_DATABASE_URL!, { prefix: 'qt_mig' }) : await openDatabase({});
  await migrateDatabase(database, migrationsUpTo(BEFORE, dir));
  await seedOldRows(database);
  before = await counts(database);
  await migrateDatabase(database);
  after = await counts(database);
  const env = loadEnv({ NODE_ENV: 'test', QT_LOGIN_RATE_LIMIT: '1000', QT_WEB_DIR: '/nonexistent', QT_FILES_DIR: dir });
  app = await buildApp({ env, database });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrating to tenant keys (decision 017)', () => {
  it('keeps every row of every table; sessions end, as the cookie now names its tenant', () => {
    expect(before.units).toBe(7);
    // The people migration after these (decision 015) adds a person per member and the standard
    // position kinds of each commune; everything else is kept row for row.
    const { persons, position_kinds, ...rest } = after;
    expect(rest).toEqual({ ...before, persons: undefined, position_kinds: undefined, sessions: 0 });
    expect(persons).toBe(before.persons! + before.members!);
    expect(position_kinds).toBeGreaterThan(before.position_kinds!);
  });

  it('gives the province and the units above communes the province as tenant', async () => {
    const rows = await query<{ id: string; tenant_id: string }>(database, sql`SELECT id, tenant_id FROM units WHERE id IN (${id.province}, ${id.provinceAgency}, ${id.commune}, ${id.cell})`);
    const tenantOf = new Map(rows.map((r) => [r.id, r.tenant_id]));
    expect(tenantOf.get(id.province)).toBe(id.province);
    expect(tenantOf.get(id.provinceAgency)).toBe(id.province);
    expect(tenantOf.get(id.commune)).toBe(id.commune);
    expect(tenantOf.get(id.cell)).toBe(id.commune);
  });

  it('puts province accounts, their grants and the global audit entries in the province tenant', async () => {
    const accounts = await query<{ username: string; tenant_id: string }>(database, sql`SELECT username, tenant_id FROM users ORDER BY username`);
    expect(Object.fromEntries(accounts.map((a) => [a.username, a.tenant_id]))).toEqual({ bithu: id.commune, quantri: id.province, tinhuy: id.province, vanphong: id.commune });
    const grants = await query<{ tenant_id: string }>(database, sql`SELECT tenant_id FROM role_grants WHERE user_id IN (${id.admin}, ${id.viewer})`);
    expect(grants.map((g) => g.tenant_id)).toEqual([id.province, id.province]);
    const audit = await query<{ action: string; tenant_id: string }>(database, sql`SELECT action, tenant_id FROM audit_log ORDER BY id`);
    expect(audit.map((a) => a.tenant_id)).toEqual([id.province, id.province, id.province, id.commune]);
  });

  it('fills the lookup tables of usernames and card numbers', async () => {
    expect(await query(database, sql`SELECT username, tenant_id, user_id FROM usernames ORDER BY username`)).toEqual([
      { username: 'bithu', tenant_id: id.commune, user_id: id.secretary },
      { username: 'quantri', tenant_id: id.province, user_id: id.admin },
      { username: 'tinhuy', tenant_id: id.province, user_id: id.viewer },
      { username: 'vanphong', tenant_id: id.commune, user_id: id.staff },
    ]);
    expect(await query(database, sql`SELECT card_number, tenant_id, member_id FROM member_cards ORDER BY card_number`)).toEqual([
      { card_number: '01000001', tenant_id: id.commune, member_id: id.m1 },
      { card_number: '01000003', tenant_id: id.commune2, member_id: id.m3 },
    ]);
  });

  it('lets the province viewer sign in and read the communes below, and the ward staff their ward', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tinhuy', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.tenantId).toBe(id.province);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const tree = await app.inject({ url: '/api/units', headers: { cookie } });
    expect(tree.statusCode).toBe(200);
    expect(JSON.stringify(tree.json())).toContain(id.commune2);
    const plansOfWard = await app.inject({ url: `/api/plans?communeId=${id.commune}`, headers: { cookie } });
    expect(plansOfWard.statusCode).toBe(200);
    expect(JSON.stringify(plansOfWard.json())).toContain(id.plan);
    const staff = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: PASSWORD } });
    expect(staff.statusCode).toBe(200);
  });

  it('still refuses to change the audit log', async () => {
    await expect(database.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });
});
