// `quantriet backup TỆP`: the database (PGlite or PostgreSQL) and the stored files in one file
// (src/server/backup/backup.ts). On PGlite the server must be stopped (the data folder is locked);
// a running server makes its own daily backups (QT_BACKUP_KEEP, jobs/index.ts).
import { parseArgs } from 'node:util';
import { progressLine } from '../progress';

export const summary = 'sao lưu cơ sở dữ liệu và các tệp đã tải lên vào một tệp';

const USAGE = `Cách dùng: quantriet backup TỆP
Ghi toàn bộ dữ liệu (PGlite trong QT_DATA_DIR, hoặc PostgreSQL theo DATABASE_URL) và các tệp trong
QT_FILES_DIR vào TỆP. Khôi phục bằng: quantriet restore TỆP`;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    console.error(`Tuỳ chọn không hợp lệ (${(error as Error).message}).\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`Cần đúng một tệp để ghi bản sao lưu.\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0]!;
  const { loadEnv } = await import('../../server/env');
  const { openMigratedDatabase } = await import('../../server/database');
  const { backup } = await import('../../server/backup/backup');
  const env = loadEnv();
  const database = await openMigratedDatabase(env);
  const line = progressLine();
  try {
    const header = await backup(file, { database, filesDir: env.QT_FILES_DIR, onProgress: line.update });
    line.done();
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Đã sao lưu ${rows.toLocaleString('vi-VN')} dòng của ${header.tables.length} bảng và ${header.files} tệp vào ${file}.`);
    return 0;
  } finally {
    await database.close();
  }
}
