import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';

export const summary =
  'khởi tạo cơ sở dữ liệu trống cho sử dụng thật: --province, --commune, --admin (mật khẩu từ QT_ADMIN_PASSWORD hoặc nhập vào)';

const USAGE = 'Cách dùng: quantriet init --province "Đảng bộ tỉnh …" --commune "Đảng ủy phường …" --admin TÊN_ĐĂNG_NHẬP';

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { province: { type: 'string' }, commune: { type: 'string' }, admin: { type: 'string' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.province || !values.commune || !values.admin) {
    console.error(USAGE);
    return 2;
  }
  const password = process.env.QT_ADMIN_PASSWORD ?? (await ask('Mật khẩu của quản trị viên: '));
  const { loadEnv } = await import('../../server/env');
  const { openMigratedDatabase } = await import('../../server/database');
  const { bootstrapOrganisation } = await import('../../server/seed/bootstrap');
  const { AppError } = await import('../../server/errors');
  const database = await openMigratedDatabase(loadEnv());
  try {
    await bootstrapOrganisation(database.db, { province: values.province, commune: values.commune, adminUsername: values.admin, adminPassword: password });
    console.log(`Đã khởi tạo ${values.commune} (thuộc ${values.province}). Quản trị viên: ${values.admin.toLowerCase()}.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
