// The demo's tasks of the issued plan 1-KH/ĐU (created from its section IV when it was issued on
// 15/05/2026), each step at its moment of the campaign: the Văn phòng's done with its evidence, the
// Ban xây dựng Đảng's and the UBND's in progress, the Ban xây dựng Đảng's report "trước ngày
// 05/6/2026" still open (overdue from then), the cells' study tasks done where the demo's sessions
// were held, the cells' report tasks done as the ward accepts their reports. The UBND's "Tham mưu xây dựng Kế hoạch …" is left open:
// its officer's story (the "ubnd" account) completes it.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { atMoment } from '../clock';
import { units } from '../features/units/tables';
import { planTasks } from '../features/tasks/tables';
import { completeTask, taskFor, updateTask } from '../features/tasks/service';
import { addEvidence } from '../features/tasks/evidence';
import { loadTaskFor } from '../features/tasks/service';
import type { FileStore } from '../files/store';

/** Evidence here is a note: the seed writes no files (the demo has no file folder of its own to fill). */
const noFiles: FileStore = {
  save: () => Promise.reject(new Error('the demo seed stores no files')),
  open: () => {
    throw new Error('the demo seed stores no files');
  },
  has: () => false,
};


export async function seedDemoTasks(db: Db, actors: { staff: Actor; building: Actor; ubnd: Actor }, planId: string): Promise<void> {
  const top = await db
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.planId, planId), isNull(planTasks.parentId)))
    .orderBy(asc(planTasks.position));
  const [propagate, , , , ubndInfo, office] = top;
  const version = async (id: string) => (await db.select({ v: planTasks.version }).from(planTasks).where(eq(planTasks.id, id)))[0]!.v;

  // Ban xây dựng Đảng: the propagation under way (no deadline written).
  await atMoment('2026-05-16T08:30:00+07:00', () => updateTask(db, actors.building, propagate!.id, { version: propagate!.version, status: 'in-progress' }));
  // UBND: the information campaign of May under way, with what is done so far.
  await atMoment('2026-05-18T10:00:00+07:00', () => updateTask(db, actors.ubnd, ubndInfo!.id, { version: ubndInfo!.version, status: 'in-progress' }));
  await atMoment('2026-05-22T15:00:00+07:00', async () =>
    addEvidence(db, noFiles, actors.ubnd, await loadTaskFor(db, actors.ubnd, ubndInfo!.id), { note: 'Đã đăng 4 tin bài về Nghị quyết số 91-NQ/TU trên Cổng thông tin điện tử phường; 12/12 tổ dân phố đã phát loa.' }),
  );
  // Văn phòng Đảng ủy: the conference prepared and held on 20/5/2026.
  await atMoment('2026-05-20T11:30:00+07:00', async () =>
    addEvidence(db, noFiles, actors.staff, await loadTaskFor(db, actors.staff, office!.id), { note: 'Hội nghị tổ chức ngày 20/5/2026 tại Hội trường Đảng ủy phường; giấy triệu tập gửi ngày 16/5/2026.' }),
  );
  await atMoment('2026-05-20T11:35:00+07:00', async () => completeTask(db, actors.staff, office!.id, { version: await version(office!.id), note: 'Đã chuẩn bị và phục vụ Hội nghị ngày 20/5/2026.' }));

  // The cells' report tasks follow their reports: done when the ward accepts one (seed/reports.ts).
  // Read back once, so a broken seed fails here rather than on the first page view.
  await taskFor(db, actors.staff, office!.id);
}
