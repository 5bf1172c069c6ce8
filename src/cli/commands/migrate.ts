export const summary = 'tạo và cập nhật cấu trúc cơ sở dữ liệu';

export async function run(): Promise<number> {
  const { loadEnv } = await import('../../server/env');
  const { openMigratedDatabase } = await import('../../server/database');
  const env = loadEnv();
  const database = await openMigratedDatabase(env);
  await database.close();
  console.log(`Đã cập nhật cơ sở dữ liệu (${database.kind === 'pglite' ? env.QT_DATA_DIR : 'PostgreSQL'}).`);
  return 0;
}
