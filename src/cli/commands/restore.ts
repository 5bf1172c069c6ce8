// `quantriet restore TỆP`: replaces the data and the stored files by a backup's. The file is checked
// whole first (magic, version, length, checksum, schema level): a foreign, truncated or corrupt file
// is refused with a message and nothing changes. On PGlite the server must be stopped.
import { parseArgs } from 'node:util';
import { progressLine } from '../progress';

export const summary = 'khôi phục dữ liệu và các tệp từ một tệp sao lưu (thay toàn bộ dữ liệu hiện có)';

const USAGE = `Cách dùng: quantriet restore TỆP
Thay toàn bộ dữ liệu hiện có (QT_DATA_DIR hoặc DATABASE_URL, và QT_FILES_DIR) bằng dữ liệu trong TỆP.
Tệp được kiểm tra trước: tệp lạ, bị cắt cụt hoặc bị hỏng sẽ bị từ chối và dữ liệu hiện tại giữ nguyên.`;

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
    console.error(`Cần đúng một tệp sao lưu.\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0]!;
  const { loadEnv } = await import('../../server/env');
  const { openMigratedDatabase } = await import('../../server/database');
  const { restore, verifyBackup } = await import('../../server/backup/backup');
  const env = loadEnv();
  const line = progressLine();
  // Checked before the database opens: a bad file never touches it.
  await verifyBackup(file, line.update);
  const database = await openMigratedDatabase(env);
  try {
    const header = await restore(file, { database, filesDir: env.QT_FILES_DIR, onProgress: line.update });
    line.done();
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(`Đã khôi phục ${rows.toLocaleString('vi-VN')} dòng của ${header.tables.length} bảng và ${header.files} tệp từ ${file} (tạo lúc ${header.createdAt}).`);
    return 0;
  } finally {
    await database.close();
  }
}
