import { parseArgs } from 'node:util';

export const summary = 'chạy máy chủ web (--seed-demo: tạo phường mẫu khi cơ sở dữ liệu còn trống)';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'seed-demo': { type: 'boolean', default: false } } });
  const { PortInUseError, startServer } = await import('../../server/server');
  try {
    await startServer({ seedDemo: values['seed-demo'] ?? false });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    console.error(error.message);
    return 1;
  }
  return new Promise<number>(() => {}); // runs until a signal stops it
}
