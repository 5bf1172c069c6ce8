// Shared by `quantriet import` and `quantriet lint`: read a plan file from disk into text (through
// the same reader as uploads), and print diagnostics in the one-a-line format.

import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Diagnostic, type ImportedPlan, importPlan } from '../domain/plan-import';
import { MAX_PLAN_BYTES, planInputError, readPlanInput } from '../server/features/plan-import/input';

export type PlanFile = { ok: true; text: string } | { ok: false; message: string };

export async function readPlanFile(path: string): Promise<PlanFile> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, message: `“${path}” là một thư mục, không phải tệp.` };
    if (info.size > MAX_PLAN_BYTES) {
      // Refused before reading: a huge file never enters memory.
      return { ok: false, message: `${path}: ${planInputError('plan-import.too-large').message}` };
    }
    const result = await readPlanInput(await readFile(path), path);
    return result.ok ? result : { ok: false, message: `${path}: ${result.error.message}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: `Không tìm thấy tệp “${path}”.` };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: `Không có quyền đọc tệp “${path}”.` };
    return { ok: false, message: `Không đọc được tệp “${path}”: ${(error as Error).message}` };
  }
}

/** "57:12 warning repeated-word Từ “bộ” bị lặp …" */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

/** 0 when the plan parsed without errors (warnings allowed), 1 when it has errors. */
export function exitCodeOf(plan: ImportedPlan): 0 | 1 {
  return plan.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/**
 * The common start of `import` and `lint`: options, help, exactly one file, read and analysed.
 * Returns the exit code when the command ends here (help, bad usage, unreadable file).
 */
export async function analysePlanArgument(
  args: string[],
  command: { usage: string; summary: string; json?: boolean },
): Promise<{ plan: ImportedPlan; json: boolean } | { exitCode: number }> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, ...(command.json ? { json: { type: 'boolean' as const } } : {}) },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${command.usage}\n`);
    return { exitCode: 2 };
  }
  if (parsed.values.help) {
    process.stdout.write(`${command.usage}\n${command.summary}.\n`);
    return { exitCode: 0 };
  }
  if (parsed.positionals.length !== 1) {
    process.stderr.write(`${command.usage}\n`);
    return { exitCode: 2 };
  }
  const file = await readPlanFile(parsed.positionals[0]!);
  if (!file.ok) {
    process.stderr.write(`${file.message}\n`);
    return { exitCode: 2 };
  }
  return { plan: importPlan(file.text), json: parsed.values.json === true };
}
