// The demo's reminders and escalations (issue 12): the hourly job (jobs/index.ts) as it ran each
// morning of the campaign, from the plan's issue to 08/06/2026, through the real reminder service at
// each moment. So the cells' and the units' people got their "còn 7 / 3 / 1 ngày", "hôm nay là hạn
// cuối" and "quá hạn" reminders, and the ward's staff the escalations: the cells' overdue tasks, and
// on 07/06/2026 the Ban xây dựng Đảng's report "trước ngày 05/6/2026", three days overdue. Run after
// the other steps, so a task done since is left alone (the service reads the tasks as they are now).
import type { Db } from '../db/client';
import { atMoment } from '../clock';
import { runReminders } from '../features/tasks/reminders';

/** The mornings the reminder job ran, in Vietnam time. */
export const reminderRunDays = { from: '2026-05-16', to: '2026-06-08' } as const;

export async function seedDemoReminders(db: Db): Promise<number> {
  let decided = 0;
  for (let day: string = reminderRunDays.from; day <= reminderRunDays.to; day = nextDay(day)) {
    decided += (await atMoment(`${day}T07:05:00+07:00`, () => runReminders(db))).decided;
  }
  return decided;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
