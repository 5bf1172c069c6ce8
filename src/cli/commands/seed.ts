import { parseArgs } from 'node:util';

export const summary = 'tạo dữ liệu: --demo tạo phường mẫu Nông Tiến (chỉ khi cơ sở dữ liệu còn trống)';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
  if (!values.demo) {
    console.error('Hãy ghi rõ loại dữ liệu: quantriet seed --demo');
    return 2;
  }
  const { loadEnv } = await import('../../server/env');
  const { openMigratedDatabase } = await import('../../server/database');
  const { seedDemo, demoAccounts, DEMO_PASSWORD } = await import('../../server/seed/demo');
  const database = await openMigratedDatabase(loadEnv());
  try {
    if (!(await seedDemo(database.db))) {
      console.log('Cơ sở dữ liệu đã có dữ liệu; không tạo lại phường mẫu.');
      return 0;
    }
    console.log(`Đã tạo phường mẫu. Tài khoản (mật khẩu ${DEMO_PASSWORD}): ${demoAccounts.map((a) => a.username).join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}
