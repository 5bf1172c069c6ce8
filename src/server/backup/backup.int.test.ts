// Backup and restore (issue 15, item 6), on PGlite and on PostgreSQL: a round trip gives the same rows
// of every table and the same stored files; a foreign, truncated, corrupt, other-version or
// other-schema file is refused with its message and nothing changes, nor does a restore that fails
// half-way.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createFileStore } from '../files/store';
import { AppError } from '../errors';
import { openTestDatabase } from '../../../test/support/app';
import { BACKUP_MAGIC, backup, backupTables, restore, scheduledBackup, verifyBackup, type BackupHeader, type Progress } from './backup';

const work = mkdtempSync(join(tmpdir(), 'qt-backup-'));
let source: Database;
let target: Database;
const sourceFiles = join(work, 'source-files');
const targetFiles = join(work, 'target-files');
const good = join(work, 'good.qtbackup');

/** Every row of every table (generated columns included), sorted: two databases compare equal or not. */
async function snapshot(database: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of backupTables()) {
    const result = await database.db.execute(sql.raw(`SELECT row_to_json(t)::text AS j FROM "${table}" t`));
    out[table] = (result as unknown as { rows: { j: string }[] }).rows.map((r) => r.j).sort();
  }
  return out;
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out[relative(dir, join(d, e.name))] = createHash('sha256').update(readFileSync(join(d, e.name))).digest('hex');
    }
  };
  walk(dir);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error;
}

beforeAll(async () => {
  source = await openTestDatabase();
  target = await openTestDatabase();
  // The source differs from the target: a unit of its own and two stored files.
  await source.db.execute(sql`UPDATE units SET name = name || ' (nguồn)' WHERE kind = 'cell'`);
  const store = createFileStore(sourceFiles);
  await store.save(Buffer.from('%PDF-1.4 tệp thứ nhất'));
  await store.save(Buffer.alloc(300_000, 7));
  await createFileStore(targetFiles).save(Buffer.from('a file only the target has'));
}, 120_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let header: BackupHeader;
  const progress: Progress[] = [];

  it('writes a file with a header: magic, version, migration level, rows per table, checksum', async () => {
    header = await backup(good, { database: source, filesDir: sourceFiles, onProgress: (p) => progress.push(p) });
    const bytes = readFileSync(good);
    expect(bytes.subarray(0, BACKUP_MAGIC.length).toString()).toBe(BACKUP_MAGIC);
    expect(header.version).toBe(1);
    expect(header.migrations).toBeGreaterThan(10);
    expect(header.files).toBe(2);
    expect(header.tables.map((t) => t.name).sort()).toEqual(backupTables().sort());
    expect(header.tables.find((t) => t.name === 'members')!.rows).toBeGreaterThan(50);
    expect(progress.at(-1)).toMatchObject({ phase: 'backup', files: 2 });
    expect((await verifyBackup(good)).header).toEqual(header);
  });

  const untouched = async (run: () => Promise<unknown>, refused = true) => {
    const rows = await snapshot(target);
    const files = filesOf(targetFiles);
    const error = await failure(run());
    if (refused) expect(error).toBeInstanceOf(AppError);
    expect(await snapshot(target)).toEqual(rows);
    expect(filesOf(targetFiles)).toEqual(files);
    expect(readdirSync(work).filter((n) => n.includes('.restoring-') || n.includes('.replaced-'))).toEqual([]);
    return error as AppError;
  };
  const restoreInto = (file: string) => () => restore(file, { database: target, filesDir: targetFiles });
  const variant = (name: string, bytes: Buffer) => {
    const path = join(work, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('refuses a file that is not a backup, changing nothing', async () => {
    const error = await untouched(restoreInto(variant('foreign.qtbackup', Buffer.from('PK\u0003\u0004 một tệp khác'))));
    expect(error.id).toBe('backup.foreign');
    expect(error.message).toContain('không phải là bản sao lưu của QuánTriệt');
  });

  it('refuses a missing file', async () => {
    const error = await untouched(restoreInto(join(work, 'none.qtbackup')));
    expect(error.id).toBe('backup.not-found');
    expect(error.message).toContain('Không tìm thấy tệp sao lưu');
  });

  it('refuses a truncated file, changing nothing', async () => {
    const bytes = readFileSync(good);
    const error = await untouched(restoreInto(variant('cut.qtbackup', bytes.subarray(0, bytes.length - 1000))));
    expect(error.id).toBe('backup.truncated');
    expect(error.message).toContain('bị cắt cụt');
    const headless = await untouched(restoreInto(variant('cut-head.qtbackup', bytes.subarray(0, BACKUP_MAGIC.length + 20))));
    expect(headless.id).toBe('backup.truncated');
  });

  it('refuses a corrupt file (one byte changed, or bytes added), changing nothing', async () => {
    const bytes = Buffer.from(readFileSync(good));
    bytes[bytes.length - 5000] = bytes[bytes.length - 5000]! ^ 0xff;
    const error = await untouched(restoreInto(variant('flip.qtbackup', bytes)));
    expect(error.id).toBe('backup.corrupt');
    expect(error.message).toContain('mã kiểm tra không khớp');
    const longer = await untouched(restoreInto(variant('longer.qtbackup', Buffer.concat([readFileSync(good), Buffer.from('x')]))));
    expect(longer.id).toBe('backup.corrupt');
    const badHeader = await untouched(restoreInto(variant('bad-header.qtbackup', Buffer.from(`${BACKUP_MAGIC}{not json\n0000`))));
    expect(badHeader.id).toBe('backup.corrupt');
  });

  const withHeader = (name: string, change: (h: BackupHeader) => BackupHeader, payload?: Buffer) => {
    const bytes = readFileSync(good);
    const end = bytes.indexOf(0x0a, BACKUP_MAGIC.length);
    const body = payload ?? bytes.subarray(end + 1);
    const h = change(JSON.parse(bytes.subarray(BACKUP_MAGIC.length, end).toString()) as BackupHeader);
    return variant(name, Buffer.concat([Buffer.from(`${BACKUP_MAGIC}${JSON.stringify(h)}\n`), body]));
  };

  it('refuses another format version and another schema level, changing nothing', async () => {
    const version = await untouched(restoreInto(withHeader('v2.qtbackup', (h) => ({ ...h, version: 2 }))));
    expect(version.id).toBe('backup.version');
    expect(version.message).toContain('phiên bản 2');
    const schema = await untouched(restoreInto(withHeader('old.qtbackup', (h) => ({ ...h, migrations: h.migrations - 1 }))));
    expect(schema.id).toBe('backup.schema');
    expect(schema.message).toContain('cấu trúc dữ liệu khác');
  });

  it('a restore that fails half-way (a row the schema refuses) leaves the data and files as they were', async () => {
    const record = (kind: string, body: Buffer) => {
      const head = Buffer.alloc(5);
      head.write(kind, 0, 'latin1');
      head.writeUInt32BE(body.length, 1);
      return Buffer.concat([head, body]);
    };
    const name = Buffer.from('ab/abc');
    const payload = gzipSync(
      Buffer.concat([
        record('T', Buffer.from(JSON.stringify({ table: 'units', columns: ['tenant_id', 'id', 'name'] }))),
        record('F', Buffer.concat([Buffer.from([0, name.length]), name, Buffer.from('x')])),
        record('R', Buffer.from(JSON.stringify([{ tenant_id: null, id: null, name: 'hỏng' }]))),
        record('E', Buffer.from('{}')),
      ]),
    );
    const file = withHeader('half.qtbackup', (h) => ({ ...h, payloadBytes: payload.length, sha256: createHash('sha256').update(payload).digest('hex') }), payload);
    // The database's own refusal (NOT NULL) after the tables were emptied and a file staged: rolled back.
    const error = await untouched(restoreInto(file), false);
    expect(error).not.toBeInstanceOf(AppError);
  });

  it('a round trip gives the same rows in every table and the same stored files', async () => {
    expect(await snapshot(target)).not.toEqual(await snapshot(source));
    const progress: Progress[] = [];
    const restored = await restore(good, { database: target, filesDir: targetFiles, onProgress: (p) => progress.push(p) });
    expect(restored).toEqual(header);
    expect(await snapshot(target)).toEqual(await snapshot(source));
    expect(filesOf(targetFiles)).toEqual(filesOf(sourceFiles));
    expect(Object.keys(filesOf(targetFiles))).toHaveLength(2);
    expect(progress.some((p) => p.phase === 'verify')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'restore', files: 2 });
    // The audit log's identity goes on after the restored entries, and the log stays append-only.
    await target.db.execute(sql`INSERT INTO audit_log (tenant_id, action, entity) SELECT tenant_id, 'test.after-restore', 'unit' FROM units LIMIT 1`);
    const ids = await target.db.execute(sql`SELECT count(*)::int AS n, count(DISTINCT id)::int AS d FROM audit_log`);
    const [row] = (ids as unknown as { rows: { n: number; d: number }[] }).rows;
    expect(row!.n).toBe(row!.d);
    await expect(target.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });

  it('the daily backup keeps the newest files up to its retention count', async () => {
    const dir = join(work, 'daily');
    const made: string[] = [];
    for (let day = 1; day <= 4; day++) {
      const { file, removed } = await scheduledBackup(dir, 2, { database: source, filesDir: sourceFiles }, new Date(Date.UTC(2026, 4, day, 19, 30)));
      made.push(file);
      if (day > 2) expect(removed).toEqual([made[day - 3]!.split('/').at(-1)]);
    }
    expect(readdirSync(dir).sort()).toEqual(['quantriet-2026-05-03T19-30-00-000Z.qtbackup', 'quantriet-2026-05-04T19-30-00-000Z.qtbackup']);
    await verifyBackup(join(dir, readdirSync(dir)[0]!));
  });
});
