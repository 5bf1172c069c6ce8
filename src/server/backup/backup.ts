// Backup and restore of a whole installation (the issue on reliability, item 6): every table of the
// product's schema and every stored file, in one file that restores on PGlite or PostgreSQL alike.
//
// The file:   "QUANTRIET-BACKUP\n" · one line of JSON (the header) · the payload (gzip).
// The header: format version, the schema's migration level, the tables, counts, and the payload's
//             length and SHA-256, so that restore refuses a foreign, truncated or corrupt file
//             before it touches anything.
// The payload: records `kind (1 byte) · length (u32, big-endian) · body`:
//   T  {"table","columns"}              the rows that follow belong to this table
//   R  [row, row, …]                    up to BATCH rows as JSON (row_to_json), inserted as they are
//   F  path length (u16) · path · bytes one stored file, its path under QT_FILES_DIR
//   E  {"rows","files"}                 the end
// The rows are read in one REPEATABLE READ transaction (a consistent picture while the server runs)
// and written back in one transaction: a restore that fails half-way leaves the data as it was.
// One logical format rather than PGlite's dumpDataDir or pg_dump: the same file moves a commune from
// the embedded database to a PostgreSQL server, and it needs no client tools on the machine.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/client';
import { distributionSteps, schemaTables } from '../db/citus';
import { backupRefused } from '../errors';

export const BACKUP_MAGIC = 'QUANTRIET-BACKUP\n';
export const BACKUP_VERSION = 1;
const BATCH = 1000;

export interface BackupHeader {
  version: number;
  createdAt: string;
  database: 'pglite' | 'postgresql';
  /** Migrations applied to the schema the rows come from: restore needs the same. */
  migrations: number;
  tables: { name: string; rows: number }[];
  files: number;
  payloadBytes: number;
  sha256: string;
}

export interface Progress {
  phase: 'backup' | 'verify' | 'restore';
  table?: string;
  rows: number;
  files: number;
  bytes?: number;
  totalBytes?: number;
}

export interface BackupOptions {
  database: Database;
  filesDir: string;
  onProgress?: (progress: Progress) => void;
}

const rowsOf = (result: unknown) => ((result as { rows: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The product's tables in the order their rows can be inserted (each after the tables it points at). */
export function backupTables(): string[] {
  return distributionSteps(schemaTables()).map((s) => s.table);
}

async function migrationLevel(db: DbOrTx): Promise<number> {
  const result = await db.execute(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return Number(rowsOf(result)[0]?.n ?? 0);
}

/** The columns a row is restored through: every stored column but the generated ones. */
async function writableColumns(db: DbOrTx, table: string): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table} AND is_generated = 'NEVER'
    ORDER BY ordinal_position`);
  return rowsOf(result).map((r) => String(r.column_name));
}

function record(kind: 'T' | 'R' | 'F' | 'E', body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(kind, 0, 'latin1');
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

async function* storedFiles(dir: string, root = dir): AsyncGenerator<string> {
  if (!existsSync(dir)) return;
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* storedFiles(path, root);
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) yield relative(root, path).split(sep).join('/');
  }
}

/** Writes a backup of the database and the stored files to `target` (atomically: aside, then renamed). */
export async function backup(target: string, { database, filesDir, onProgress }: BackupOptions): Promise<BackupHeader> {
  await mkdir(dirname(target), { recursive: true });
  const payloadPath = `${target}.${process.pid}.payload.tmp`;
  const finalTemp = `${target}.${process.pid}.tmp`;
  const gzip = createGzip();
  const hash = createHash('sha256');
  let payloadBytes = 0;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      payloadBytes += chunk.length;
      done(null, chunk);
    },
  });
  const written = pipeline(gzip, counting, createWriteStream(payloadPath));
  const push = async (buffer: Buffer) => {
    if (!gzip.write(buffer)) await new Promise((resolve) => gzip.once('drain', resolve));
  };
  const progress: Progress = { phase: 'backup', rows: 0, files: 0 };
  const tables: BackupHeader['tables'] = [];
  let migrations = 0;
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY'));
      migrations = await migrationLevel(tx);
      for (const table of backupTables()) {
        const columns = await writableColumns(tx, table);
        await push(record('T', Buffer.from(JSON.stringify({ table, columns }))));
        const list = columns.map(ident).join(', ');
        await tx.execute(sql.raw(`DECLARE qt_backup NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${list} FROM ${ident(table)}) r`));
        let count = 0;
        for (;;) {
          const batch = rowsOf(await tx.execute(sql.raw(`FETCH FORWARD ${BATCH} FROM qt_backup`))).map((r) => String(r.j));
          if (batch.length === 0) break;
          await push(record('R', Buffer.from(`[${batch.join(',')}]`)));
          count += batch.length;
          progress.rows += batch.length;
          onProgress?.({ ...progress, table });
        }
        await tx.execute(sql.raw('CLOSE qt_backup'));
        tables.push({ name: table, rows: count });
      }
    });
    for await (const path of storedFiles(filesDir)) {
      const bytes = await readFile(join(filesDir, path));
      const name = Buffer.from(path);
      const head = Buffer.alloc(2);
      head.writeUInt16BE(name.length);
      await push(record('F', Buffer.concat([head, name, bytes])));
      progress.files++;
      onProgress?.({ ...progress });
    }
    await push(record('E', Buffer.from(JSON.stringify({ rows: progress.rows, files: progress.files }))));
    gzip.end();
    await written;
    const header: BackupHeader = {
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      database: database.kind,
      migrations,
      tables,
      files: progress.files,
      payloadBytes,
      sha256: hash.digest('hex'),
    };
    const headerLine = Buffer.from(`${BACKUP_MAGIC}${JSON.stringify(header)}\n`);
    await pipeline(
      async function* () {
        yield headerLine;
        yield* createReadStream(payloadPath);
      },
      createWriteStream(finalTemp, { flush: true }),
    );
    await rename(finalTemp, target);
    return header;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(finalTemp, { force: true });
    throw error;
  } finally {
    await rm(payloadPath, { force: true });
  }
}

/** Reads and checks the header and the payload's length and checksum; refuses with a reason. */
export async function verifyBackup(file: string, onProgress?: (progress: Progress) => void): Promise<{ header: BackupHeader; payloadStart: number }> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw backupRefused('not-found', `“${file}” không phải là một tệp sao lưu.`);
    size = info.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw backupRefused('not-found', `Không tìm thấy tệp sao lưu “${file}”.`);
    throw error;
  }
  const handle = await open(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(Math.min(size, 1024 * 1024));
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (head.subarray(0, BACKUP_MAGIC.length).toString('latin1') !== BACKUP_MAGIC) {
    throw backupRefused('foreign', `Tệp “${file}” không phải là bản sao lưu của QuánTriệt. Dữ liệu hiện tại được giữ nguyên.`);
  }
  const end = head.indexOf(0x0a, BACKUP_MAGIC.length);
  let header: BackupHeader;
  try {
    if (end < 0) throw new Error('no header');
    header = JSON.parse(head.subarray(BACKUP_MAGIC.length, end).toString('utf8')) as BackupHeader;
    if (typeof header.version !== 'number' || typeof header.sha256 !== 'string' || typeof header.payloadBytes !== 'number') throw new Error('header');
  } catch {
    throw backupRefused(end < 0 && size < head.length + 1 ? 'truncated' : 'corrupt', `Tệp sao lưu “${file}” bị hỏng (phần đầu không đọc được). Dữ liệu hiện tại được giữ nguyên.`);
  }
  if (header.version !== BACKUP_VERSION) {
    throw backupRefused('version', `Tệp sao lưu “${file}” có định dạng phiên bản ${header.version}, phiên bản này chỉ khôi phục được định dạng ${BACKUP_VERSION}. Dữ liệu hiện tại được giữ nguyên.`);
  }
  const payloadStart = end + 1;
  const actual = size - payloadStart;
  if (actual < header.payloadBytes) {
    throw backupRefused('truncated', `Tệp sao lưu “${file}” bị cắt cụt (thiếu ${header.payloadBytes - actual} byte). Dữ liệu hiện tại được giữ nguyên.`);
  }
  const hash = createHash('sha256');
  let read = 0;
  if (actual === header.payloadBytes) {
    for await (const chunk of createReadStream(file, { start: payloadStart })) {
      hash.update(chunk as Buffer);
      read += (chunk as Buffer).length;
      onProgress?.({ phase: 'verify', rows: 0, files: 0, bytes: read, totalBytes: header.payloadBytes });
    }
  }
  if (actual !== header.payloadBytes || hash.digest('hex') !== header.sha256) {
    throw backupRefused('corrupt', `Tệp sao lưu “${file}” bị hỏng (mã kiểm tra không khớp). Dữ liệu hiện tại được giữ nguyên.`);
  }
  return { header, payloadStart };
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly iterator: AsyncIterator<Buffer>;
  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }
  async read(n: number): Promise<Buffer> {
    while (this.buffered < n) {
      const next = await this.iterator.next();
      if (next.done) throw backupRefused('corrupt', 'Tệp sao lưu kết thúc giữa chừng. Dữ liệu hiện tại được giữ nguyên.');
      this.chunks.push(next.value);
      this.buffered += next.value.length;
    }
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}

async function resetIdentities(tx: DbOrTx, tables: readonly string[]) {
  const result = await tx.execute(sql`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')`);
  for (const row of rowsOf(result)) {
    const table = String(row.table_name);
    if (!tables.includes(table)) continue;
    const column = String(row.column_name);
    await tx.execute(
      sql.raw(`SELECT setval(pg_get_serial_sequence('${ident(table).replace(/'/g, "''")}', '${column.replace(/'/g, "''")}'), coalesce(max(${ident(column)}), 0) + 1, false) FROM ${ident(table)}`),
    );
  }
}

/**
 * Replaces the database's rows and the stored files by the backup's. Checks the whole file first;
 * the rows go in one transaction and the files into a folder beside QT_FILES_DIR that takes its place
 * only after the commit: a refusal or a failure leaves the current data and files as they were.
 */
export async function restore(file: string, { database, filesDir, onProgress }: BackupOptions): Promise<BackupHeader> {
  const { header, payloadStart } = await verifyBackup(file, onProgress);
  const current = await migrationLevel(database.db);
  if (header.migrations !== current) {
    throw backupRefused(
      'schema',
      `Tệp sao lưu được tạo với cấu trúc dữ liệu khác (${header.migrations} bước cập nhật, hiện tại ${current}). ` +
        'Hãy khôi phục bằng phiên bản QuánTriệt đã tạo ra nó. Dữ liệu hiện tại được giữ nguyên.',
    );
  }
  const known = backupTables();
  const unknown = header.tables.map((t) => t.name).filter((name) => !known.includes(name));
  if (unknown.length) throw backupRefused('schema', `Tệp sao lưu có bảng không có trong cơ sở dữ liệu này (${unknown.join(', ')}). Dữ liệu hiện tại được giữ nguyên.`);

  const staging = `${filesDir.replace(/[\\/]+$/u, '')}.restoring-${randomUUID()}`;
  await mkdir(staging, { recursive: true });
  const progress: Progress = { phase: 'restore', rows: 0, files: 0 };
  try {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`TRUNCATE ${known.map(ident).join(', ')}`));
      const reader = new ByteReader(createReadStream(file, { start: payloadStart }).pipe(createGunzip()) as AsyncIterable<Buffer>);
      let table: { table: string; columns: string[] } | null = null;
      for (;;) {
        const head = await reader.read(5);
        const kind = head.toString('latin1', 0, 1);
        const body = await reader.read(head.readUInt32BE(1));
        if (kind === 'T') {
          table = JSON.parse(body.toString('utf8')) as { table: string; columns: string[] };
          if (!known.includes(table.table)) throw backupRefused('schema', `Tệp sao lưu có bảng lạ (${table.table}).`);
        } else if (kind === 'R') {
          if (!table) throw backupRefused('corrupt', 'Tệp sao lưu bị hỏng (dòng dữ liệu không thuộc bảng nào).');
          const list = table.columns.map(ident).join(', ');
          const inserted = await tx.execute(
            sql`INSERT INTO ${sql.raw(ident(table.table))} (${sql.raw(list)}) OVERRIDING SYSTEM VALUE SELECT ${sql.raw(list)} FROM json_populate_recordset(NULL::${sql.raw(ident(table.table))}, ${body.toString('utf8')}::json)`,
          );
          const counted = inserted as { rowCount?: number | null; affectedRows?: number };
          progress.rows += Number(counted.rowCount ?? counted.affectedRows ?? 0);
          onProgress?.({ ...progress, table: table.table });
        } else if (kind === 'F') {
          const length = body.readUInt16BE(0);
          const path = body.subarray(2, 2 + length).toString('utf8');
          if (path.split('/').some((part) => part === '..' || part === '') || path.includes('\\')) throw backupRefused('corrupt', 'Tệp sao lưu bị hỏng (đường dẫn tệp không hợp lệ).');
          await mkdir(dirname(join(staging, path)), { recursive: true });
          await writeFile(join(staging, path), body.subarray(2 + length));
          progress.files++;
          onProgress?.({ ...progress });
        } else if (kind === 'E') {
          break;
        } else throw backupRefused('corrupt', 'Tệp sao lưu bị hỏng (bản ghi không rõ loại).');
      }
      await resetIdentities(tx, known);
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  // The rows are in: the files take their place (the old folder moved aside, then removed).
  const old = `${filesDir.replace(/[\\/]+$/u, '')}.replaced-${randomUUID()}`;
  if (existsSync(filesDir)) await rename(filesDir, old);
  await mkdir(dirname(filesDir), { recursive: true });
  await rename(staging, filesDir);
  await rm(old, { recursive: true, force: true });
  return header;
}

/** Scheduled backups: `quantriet-<time>.qtbackup` in `dir`, the newest `keep` kept. */
export async function scheduledBackup(dir: string, keep: number, options: BackupOptions, at: Date = new Date()): Promise<{ file: string; removed: string[] }> {
  const name = `quantriet-${at.toISOString().replace(/[:.]/g, '-')}.qtbackup`;
  const file = join(dir, name);
  await backup(file, options);
  const all = (await readdir(dir)).filter((n) => /^quantriet-.*\.qtbackup$/u.test(n)).sort();
  const removed = all.slice(0, Math.max(0, all.length - keep));
  for (const old of removed) await rm(join(dir, old), { force: true });
  return { file, removed };
}
