// quantriet lint FILE — prints the plan's diagnostics, one a line: LINE:COL severity code message.
// Exit codes: 0 no error (warnings allowed), 1 errors, 2 the file could not be read.

import { parseArgs } from 'node:util';
import { importPlan } from '../../domain/plan-import';
import { exitCodeOf, formatDiagnostic, readPlanFile } from '../plan-file';

export const summary = 'Kiểm tra một kế hoạch (.docx, .txt, .md): in các lỗi và cảnh báo, mỗi dòng một mục';

const USAGE = 'Cách dùng: quantriet lint TỆP';

export async function run(args: string[]): Promise<number> {
  let positionals: string[];
  let help = false;
  try {
    const parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    positionals = parsed.positionals;
    help = parsed.values.help ?? false;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (help) {
    process.stdout.write(`${USAGE}\n${summary}.\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = await readPlanFile(positionals[0]);
  if (!file.ok) {
    process.stderr.write(`${file.message}\n`);
    return 2;
  }
  const plan = importPlan(file.text);
  if (plan.diagnostics.length > 0) process.stdout.write(`${plan.diagnostics.map(formatDiagnostic).join('\n')}\n`);
  return exitCodeOf(plan);
}
