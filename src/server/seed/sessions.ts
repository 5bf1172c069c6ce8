// The demo's study sessions of the issued plan 1-KH/ĐU (fanned out when it was issued on 15/05/2026),
// each step at its moment of the campaign: cells that held theirs with attendance (some absences),
// cells scheduled and not yet held, a cell studying at the ward conference, make-ups done and pending.
// Chi bộ Tràng Đà 1 (the "bithu" account) is left not scheduled: its secretary's story starts there.
// Unheld sessions read as overdue once the plan's deadline (31/05/2026) has passed.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { atMoment } from '../clock';
import { units } from '../features/units/tables';
import { studySessions } from '../features/study-sessions/tables';
import { markHeld, saveAttendance, sessionFor, setAtConference, updateSchedule } from '../features/study-sessions/service';
import { createMakeUp } from '../features/study-sessions/make-up';

interface Held {
  cell: string;
  day: string;
  away: number;
  /** How many of those away made it up at the cell's make-up session (the rest stay owed). */
  madeUp?: number;
}

const held: Held[] = [
  { cell: 'Chi bộ Tràng Đà 2', day: '2026-05-20', away: 3, madeUp: 2 },
  { cell: 'Chi bộ Tràng Đà 3', day: '2026-05-21', away: 0 },
  { cell: 'Chi bộ các cơ quan Đảng', day: '2026-05-22', away: 2, madeUp: 2 },
  { cell: 'Chi bộ Công an phường', day: '2026-05-23', away: 4 },
  { cell: 'Chi bộ Trường THCS Nông Tiến', day: '2026-05-25', away: 1 },
];
const scheduled = [
  { cell: 'Chi bộ Tràng Đà 4', at: '2026-05-29T19:30:00+07:00' },
  { cell: 'Chi bộ Trạm Y tế phường', at: '2026-05-30T14:00:00+07:00' },
];
const atConference = ['Chi bộ Quân sự phường'];

const REASONS = ['Ốm, nằm viện', 'Đi công tác', 'Việc gia đình', 'Đi làm ăn xa'];

async function sessionOf(db: Db, planId: string, cellName: string) {
  const [row] = await db
    .select({ id: studySessions.id })
    .from(studySessions)
    .innerJoin(units, and(eq(units.tenantId, studySessions.tenantId), eq(units.id, studySessions.unitId)))
    .where(and(eq(studySessions.planId, planId), eq(units.name, cellName), eq(studySessions.kind, 'regular')));
  return row!.id;
}

export async function seedDemoSessions(db: Db, staff: Actor, planId: string): Promise<void> {
  for (const { cell, at } of scheduled) {
    const id = await sessionOf(db, planId, cell);
    await atMoment('2026-05-18T09:00:00+07:00', () => updateSchedule(db, staff, id, { version: 1, scheduledAt: at, place: `Hội trường ${cell.replace('Chi bộ ', '')}` }));
  }
  for (const cell of atConference) {
    const id = await sessionOf(db, planId, cell);
    await atMoment('2026-05-18T09:10:00+07:00', () => setAtConference(db, staff, id, { version: 1, atConference: true }));
  }
  for (const h of held) {
    const id = await sessionOf(db, planId, h.cell);
    const evening = `${h.day}T19:30:00+07:00`;
    let detail = await atMoment('2026-05-18T09:20:00+07:00', () =>
      updateSchedule(db, staff, id, {
        version: 1,
        scheduledAt: evening,
        place: `Hội trường ${h.cell.replace('Chi bộ ', '')}`,
        reachedYouth: 3,
        reachedAssociation: 5,
        reachedPublic: 12,
        notes: 'Đồng chí Bí thư chi bộ truyền đạt nội dung cốt lõi của Nghị quyết số 91-NQ/TU và Kế hoạch số 1-KH/ĐU của Ban Thường vụ Đảng ủy phường.',
        opinions: 'Chi bộ thống nhất nội dung, đề nghị tăng cường tuyên truyền đến Nhân dân trên địa bàn.',
      }),
    );
    const away = detail.expected.slice(0, h.away).map((p) => p.memberId);
    const marks = detail.expected.map((p, i) =>
      i < h.away ? { memberId: p.memberId, status: i % 2 ? ('excused' as const) : ('absent' as const), reason: REASONS[i % REASONS.length]! } : { memberId: p.memberId, status: 'present' as const },
    );
    const moment = `${h.day}T21:00:00+07:00`;
    detail = await atMoment(moment, () => saveAttendance(db, staff, id, { version: detail.version, marks }));
    await atMoment(moment, () => markHeld(db, staff, id, { version: detail.version, heldOn: h.day }));
    if (h.away === 0) continue;
    // A make-up a week later: those who came are made up, the others stay owed.
    const makeUpDay = '2026-05-30';
    const makeUp = await atMoment(`${makeUpDay}T08:00:00+07:00`, () => createMakeUp(db, staff, id, { scheduledAt: `${makeUpDay}T08:00:00+07:00` }));
    const came = away.slice(0, h.madeUp ?? 0);
    if (came.length === 0) continue;
    const saved = await atMoment(`${makeUpDay}T10:00:00+07:00`, () =>
      saveAttendance(db, staff, makeUp.id, { version: makeUp.version, marks: came.map((memberId) => ({ memberId, status: 'present' as const })) }),
    );
    await atMoment(`${makeUpDay}T10:00:00+07:00`, () => markHeld(db, staff, makeUp.id, { version: saved.version, heldOn: makeUpDay }));
  }
  // Read back once, so a broken seed fails here rather than on the first page view.
  await sessionFor(db, staff, await sessionOf(db, planId, held[0]!.cell));
}
