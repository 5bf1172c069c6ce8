// `quantriet import` and `quantriet lint` as a user runs them: spawned through bin/quantriet.

import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { planFixturePath } from '../../../test/support/fixtures';

const root = resolve(import.meta.dirname, '../../..');
const fixture = planFixturePath;
const run = promisify(execFile);

async function quantriet(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [resolve(root, 'bin/quantriet'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('quantriet import / lint', () => {
  it('import --json prints the whole contract, 2-space indented, and exits 0 on warnings', async () => {
    const { code, stdout, stderr } = await quantriet('import', fixture, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.startsWith('{\n  "kind": "ke-hoach",')).toBe(true);
    const plan = JSON.parse(stdout);
    expect(plan.resolutions[0].number).toBe('91-NQ/TU');
    expect(plan.tasks).toHaveLength(8);
    expect(plan.diagnostics.map((d: { code: string }) => d.code)).toEqual(['repeated-punctuation', 'known-misspelling', 'repeated-word', 'known-misspelling']);
  });

  it('import without --json prints a Vietnamese summary, diagnostics on stderr', async () => {
    const { code, stdout, stderr } = await quantriet('import', fixture);
    expect(code).toBe(0);
    expect(stdout).toContain('Nghị quyết số 91-NQ/TU ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy');
    expect(stdout).toContain('Nhiệm vụ (8):');
    expect(stderr.split('\n')[0]).toBe('15:777 warning repeated-punctuation Dấu câu bị lặp: “..”.');
  });

  it('lint prints LINE:COL severity code message and exits 1 on errors, 2 on an unreadable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quantriet-lint-'));
    const bad = join(dir, 'ke-hoach.md');
    writeFileSync(bad, 'KẾ HOẠCH\n\nI. MỤC ĐÍCH\n\nBáo cáo trước ngày 31/4/2026.\n');
    const errors = await quantriet('lint', bad);
    expect(errors.code).toBe(1);
    const lines = errors.stdout.trim().split('\n');
    expect(lines).toContain('5:20 error invalid-date Ngày “31/4/2026” không tồn tại: tháng 4/2026 chỉ có 30 ngày.');
    for (const line of lines) expect(line).toMatch(/^\d+:\d+ (error|warning|info) [a-z-]+ \S/u);

    const binary = join(dir, 'ke-hoach.txt');
    writeFileSync(binary, Buffer.from([1, 0, 2]));
    const unreadable = await quantriet('lint', binary);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('Tệp chứa dữ liệu nhị phân');
    const missing = await quantriet('import', join(dir, 'khong-co.md'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy tệp');
  });
});
