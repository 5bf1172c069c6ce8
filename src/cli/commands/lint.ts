// quantriet lint FILE — prints the plan's diagnostics, one a line: LINE:COL severity code message.
// Exit codes: 0 no error (warnings allowed), 1 errors, 2 the file could not be read.

import { analysePlanArgument, exitCodeOf, formatDiagnostic } from '../plan-file';

export const summary = 'Kiểm tra một kế hoạch (.docx, .txt, .md): in các lỗi và cảnh báo, mỗi dòng một mục';

const USAGE = 'Cách dùng: quantriet lint TỆP';

export async function run(args: string[]): Promise<number> {
  const result = await analysePlanArgument(args, { usage: USAGE, summary });
  if ('exitCode' in result) return result.exitCode;
  const { plan } = result;
  if (plan.diagnostics.length > 0) process.stdout.write(`${plan.diagnostics.map(formatDiagnostic).join('\n')}\n`);
  return exitCodeOf(plan);
}
