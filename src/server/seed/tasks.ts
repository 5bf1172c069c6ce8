// The demo's tasks of the issued plan 1-KH/ĐU (created from its section IV when it was issued on
// 15/05/2026), each step at its moment of the campaign: the Văn phòng's done with its evidence, the
// Ban xây dựng Đảng's and the UBND's in progress, the Ban xây dựng Đảng's report "trước ngày
// 05/6/2026" still open (overdue from then), the cells' study tasks done where the demo's sessions
// were held, two cells' reports done by hand. The UBND's "Tham mưu xây dựng Kế hoạch …" is left open:
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

const cellReports = [
  { cell: 'Chi bộ Tràng Đà 3', at: '2026-06-02T16:00:00+07:00', note: 'Báo cáo số 05-BC/CB ngày 02/6/2026 đã gửi Ban xây dựng Đảng.' },
  { cell: 'Chi bộ các cơ quan Đảng', at: '2026-06-03T09:30:00+07:00', note: 'Báo cáo số 03-BC/CB ngày 03/6/2026 đã gửi Ban xây dựng Đảng.' },
];

export async function seedDemoTasks(db: Db, actors: { staff: Actor; building: Actor; ubnd: Actor }, planId: string): Promise<void> {
  const top = await db
    .select()
    .from(planTasks)
    .where(and(eq(planTasks.planId, planId), isNull(planTasks.parentId)))
    .orderBy(asc(planTasks.position));
  const [propagate, , , , ubndInfo, office, , cellsReport] = top;
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

  // Two cells' reports, taken in by the Ban xây dựng Đảng.
  for (const r of cellReports) {
    const [child] = await db
      .select({ id: planTasks.id, version: planTasks.version })
      .from(planTasks)
      .innerJoin(units, and(eq(units.tenantId, planTasks.tenantId), eq(units.id, planTasks.assigneeUnitId)))
      .where(and(eq(planTasks.parentId, cellsReport!.id), eq(units.name, r.cell)));
    await atMoment(r.at, () => completeTask(db, actors.building, child!.id, { version: child!.version, note: r.note }));
  }
  // Read back once, so a broken seed fails here rather than on the first page view.
  await taskFor(db, actors.staff, office!.id);
}
