import { parseArgs } from 'node:util';

export const summary =
  'tạo dữ liệu: --demo tạo phường mẫu Nông Tiến và phường Minh Xuân đã báo cáo lên tỉnh (chỉ khi cơ sở dữ liệu còn trống); --province thêm phường Minh Xuân vào dữ liệu mẫu đã có; --generate-province sinh một tỉnh cỡ lớn (100 xã, 5.000 chi bộ, 100.000 đảng viên) để đo hiệu năng';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false }, province: { type: 'boolean', default: false }, 'generate-province': { type: 'boolean', default: false } } });
  if (values['generate-province']) return generateLargeProvince();
  if (!values.demo && !values.province) {
    console.error('Hãy ghi rõ loại dữ liệu: quantriet seed --demo, quantriet seed --province hoặc quantriet seed --generate-province');
    return 2;
  }
  if (!values.demo) return seedProvince();
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
    // The demo's second commune, as `serve --seed-demo` makes it (decision 031).
    const { seedSecondCommune, SECOND_COMMUNE } = await import('../../server/seed/second-commune');
    if (await seedSecondCommune(database.db)) console.log(`Đã thêm ${SECOND_COMMUNE} (tài khoản minhxuan), báo cáo tổng hợp đã gửi lên tỉnh.`);
    return 0;
  } finally {
    await database.close();
  }
}

/** `seed --province`: the second commune of the demo, into a demo seeded before `--demo` included it. */
async function seedProvince(): Promise<number> {
  const { loadEnv } = await import('../../server/env');
  const { openMigratedDatabase } = await import('../../server/database');
  const { seedSecondCommune, SECOND_COMMUNE } = await import('../../server/seed/second-commune');
  const database = await openMigratedDatabase(loadEnv());
  try {
    if (!(await seedSecondCommune(database.db))) {
      console.log(`Chưa có tỉnh mẫu (hãy chạy quantriet seed --demo trước) hoặc đã có ${SECOND_COMMUNE}.`);
      return 0;
    }
    console.log(`Đã thêm ${SECOND_COMMUNE} (tài khoản minhxuan), báo cáo tổng hợp đã gửi lên tỉnh.`);
    return 0;
  } finally {
    await database.close();
  }
}

/** `seed --generate-province`: a province at the benchmark's scale, beside whatever the database holds (its own units). */
async function generateLargeProvince(): Promise<number> {
  const { loadEnv } = await import('../../server/env');
  const { openMigratedDatabase } = await import('../../server/database');
  const { generateProvince } = await import('../../server/seed/province-generator');
  const database = await openMigratedDatabase(loadEnv());
  try {
    const started = performance.now();
    const province = await generateProvince(database.db, undefined, { log: console.log });
    const counts = Object.entries(province.counts).map(([table, n]) => `${table} ${n}`).join(', ');
    console.log(`Đã sinh tỉnh ${province.provinceId} trong ${((performance.now() - started) / 1000).toFixed(1)} giây: ${counts}.`);
    return 0;
  } finally {
    await database.close();
  }
}
