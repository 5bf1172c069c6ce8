// `quantriet citus-distribute`: prints the SQL an operator runs on a Citus coordinator to distribute
// the database by tenant (decision 017, docs/scaling.md). It reads the schema; it connects to nothing.
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { citusScript } from '../../server/db/citus';

export const summary = 'in các câu lệnh SQL phân tán cơ sở dữ liệu trên Citus (theo đơn vị thuê)';

const USAGE = `Cách dùng: quantriet citus-distribute [-o TỆP_RA]
In ra (hoặc ghi vào TỆP_RA) các câu lệnh chạy trên coordinator của Citus, theo đúng thứ tự:
bảng tham chiếu, bảng theo đơn vị thuê (cùng vị trí theo tenant_id), bảng tra cứu, rồi trigger.`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }));
  } catch (error) {
    console.error(`Tuỳ chọn không hợp lệ (${(error as Error).message}).\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const script = citusScript();
  if (values.output) {
    await writeFile(values.output, script);
    console.error(`Đã ghi các câu lệnh vào ${values.output}.`);
  } else process.stdout.write(script);
  return 0;
}
