// `quantriet backup` and `restore` as an operator runs them, on embedded data folders: a round trip
// between two folders, and a refusal said in one Vietnamese line with a non-zero exit code.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'qt-cli-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const cli = (args: string[], dataDir: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, QT_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  delete env.QT_FILES_DIR;
  return spawnSync(process.execPath, [join(repo, 'bin/quantriet'), ...args], { cwd: repo, encoding: 'utf8', env });
};

it('backs up one data folder and restores it into another; refuses a foreign file', () => {
  const first = join(work, 'first');
  const second = join(work, 'second');
  const file = join(work, 'sao-luu.qtbackup');
  expect(cli(['seed', '--demo'], first).status).toBe(0);
  const made = cli(['backup', file], first);
  expect(made.stderr).toBe('');
  expect(made.status).toBe(0);
  expect(made.stdout).toMatch(/^Đã sao lưu [\d.]+ dòng của \d+ bảng và 0 tệp vào /u);

  const restored = cli(['restore', file], second);
  expect(restored.status).toBe(0);
  expect(restored.stdout).toMatch(/^Đã khôi phục [\d.]+ dòng của \d+ bảng và 0 tệp từ /u);
  // The same rows: a backup of the restored folder counts the same.
  const again = cli(['backup', join(work, 'lan-hai.qtbackup')], second);
  expect(again.stdout.split(' vào ')[0]).toBe(made.stdout.split(' vào ')[0]);

  const foreign = join(work, 'khac.txt');
  writeFileSync(foreign, 'không phải bản sao lưu');
  const refused = cli(['restore', foreign], second);
  expect(refused.status).toBe(1);
  expect(refused.stderr.trim()).toBe(`Tệp “${foreign}” không phải là bản sao lưu của QuánTriệt. Dữ liệu hiện tại được giữ nguyên.`);
  expect(cli(['restore'], second).status).toBe(2);
}, 240_000);
