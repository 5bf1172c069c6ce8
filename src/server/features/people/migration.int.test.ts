// Migration 0010 on a database as it was before (migrations up to 0008): the existing members keep
// every row and each gets a person, a "joined" event (and an open exemption if exempt); an account
// linked to a member gets the member's person; the commune gets the standard position kinds.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { migrateDatabase, migrationsFolder } from '../../db/migrate';
import { standardPositionKinds } from '../../../domain/position-kinds';

const dir = mkdtempSync(join(tmpdir(), 'qt-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = async (db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }, q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as { rows: Record<string, unknown>[] }).rows;

describe('migration 0010 (people backfill)', () => {
  it('keeps existing members and gives each a person and a history', async () => {
    if (process.env.QT_TEST_DB === 'postgres') return; // the same SQL; this test builds its own PGlite
    cpSync(migrationsFolder, dir, { recursive: true });
    const journalFile = join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx <= 8) }));
    const database = await openDatabase({});
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder: dir });
    const db = database.db;
    const commune = crypto.randomUUID();
    const cell = crypto.randomUUID();
    await db.execute(sql`INSERT INTO units (id, tenant_id, kind, name, path) VALUES (${commune}, ${commune}, 'commune', 'Đảng ủy phường Cũ', ${`/${commune}/`})`);
    await db.execute(sql`INSERT INTO units (id, tenant_id, parent_id, kind, name, path, opened_on) VALUES (${cell}, ${commune}, ${commune}, 'cell', 'Chi bộ Cũ', ${`/${commune}/${cell}/`}, '2020-01-01')`);
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await db.execute(sql`INSERT INTO members (id, tenant_id, cell_id, full_name, gender, birth_date, joined_on, phone, exempt)
      VALUES (${a}, ${commune}, ${cell}, 'Nguyễn Văn Cũ', 'male', '1950-02-03', '1975-05-01', '0912000111', true),
             (${b}, ${commune}, ${cell}, 'Trần Thị Mới', 'female', NULL, NULL, NULL, false)`);
    await db.execute(sql`INSERT INTO users (username, display_name, member_id, tenant_id) VALUES ('cu', 'Nguyễn Văn Cũ', ${a}, ${commune})`);

    await migrateDatabase(database);

    const people = await rows(db, sql`SELECT m.id, m.full_name AS member_name, p.full_name, p.gender, p.birth_date, p.phone FROM members m JOIN persons p ON p.tenant_id = m.tenant_id AND p.id = m.person_id ORDER BY m.full_name`);
    expect(people).toEqual([
      { id: a, member_name: 'Nguyễn Văn Cũ', full_name: 'Nguyễn Văn Cũ', gender: 'male', birth_date: '1950-02-03', phone: '0912000111' },
      { id: b, member_name: 'Trần Thị Mới', full_name: 'Trần Thị Mới', gender: 'female', birth_date: null, phone: null },
    ]);
    const events = await rows(db, sql`SELECT member_id, kind, effective_on::text AS on, to_on, cell_id FROM membership_events ORDER BY member_id = ${a} DESC, kind`);
    expect(events).toEqual([
      { member_id: a, kind: 'exemption', on: '1975-05-01', to_on: null, cell_id: null },
      { member_id: a, kind: 'joined', on: '1975-05-01', to_on: null, cell_id: cell },
      { member_id: b, kind: 'joined', on: '2020-01-01', to_on: null, cell_id: cell },
    ]);
    const [user] = await rows(db, sql`SELECT u.person_id = m.person_id AS same FROM users u JOIN members m ON m.id = u.member_id`);
    expect(user).toEqual({ same: true });
    const kinds = await rows(db, sql`SELECT code, name, unit_kinds FROM position_kinds WHERE tenant_id = ${commune} ORDER BY sort_order`);
    expect(kinds.map((k) => ({ code: k.code, name: k.name, unitKinds: k.unit_kinds }))).toEqual(standardPositionKinds);
    const [nullable] = await rows(db, sql`SELECT is_nullable FROM information_schema.columns WHERE table_name = 'members' AND column_name = 'person_id'`);
    expect(nullable).toEqual({ is_nullable: 'NO' });
    await database.close();
  }, 120_000);
});
