// The daily backup runs on the job queue (decision 021): scheduled by QT_BACKUP_CRON in Hà Nội time,
// written to QT_BACKUP_DIR, the newest QT_BACKUP_KEEP kept; QT_BACKUP_KEEP=0 schedules none.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startTestApp } from '../../../test/support/app';
import { BACKUP_JOB } from '../jobs';
import { verifyBackup } from './backup';

const dir = mkdtempSync(join(tmpdir(), 'qt-backup-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('is scheduled every day and writes a backup that verifies, keeping the newest ones', async () => {
  const t = await startTestApp({ QT_JOBS: 'true', QT_JOBS_POLL_SECONDS: '0.5', QT_BACKUP_DIR: dir, QT_BACKUP_KEEP: '1' });
  try {
    const schedules = await t.app.jobs!.boss.getSchedules();
    expect(schedules.find((s) => s.name === BACKUP_JOB)).toMatchObject({ cron: '30 2 * * *', timezone: 'Asia/Ho_Chi_Minh' });
    for (let i = 0; i < 2; i++) {
      await t.app.jobs!.send(BACKUP_JOB, {});
      await t.app.jobs!.settled([BACKUP_JOB]);
    }
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^quantriet-\d{4}-\d\d-\d\dT.*\.qtbackup$/u);
    const { header } = await verifyBackup(join(dir, files[0]!));
    expect(header.tables.find((table) => table.name === 'units')!.rows).toBeGreaterThan(5);
  } finally {
    await t.close();
  }
}, 120_000);

it('is not scheduled when QT_BACKUP_KEEP=0', async () => {
  const t = await startTestApp({ QT_JOBS: 'true', QT_BACKUP_DIR: dir, QT_BACKUP_KEEP: '0' });
  try {
    const schedules = await t.app.jobs!.boss.getSchedules();
    expect(schedules.map((s) => s.name)).not.toContain(BACKUP_JOB);
  } finally {
    await t.close();
  }
}, 120_000);
