import { parseArgs } from 'node:util';

export const summary = 'chạy máy chủ web (--seed-demo: tạo phường mẫu khi cơ sở dữ liệu còn trống)';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'seed-demo': { type: 'boolean', default: false } } });
  const { startServer } = await import('../../server/server');
  await startServer({ seedDemo: values['seed-demo'] ?? false });
  return new Promise<number>(() => {}); // runs until a signal stops it
}
