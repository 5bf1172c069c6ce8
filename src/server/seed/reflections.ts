// The demo's own study of plan 1-KH/ĐU (issued 15/05/2026; reflections due with its grassroots deadline,
// 31/05/2026): members of Chi bộ Tràng Đà 1 and Tràng Đà 2 write their reflection and commitment, most
// in the last week of May, two in early June (marked late); the secretary of Tràng Đà 1 ("bithu")
// reviews some (Đạt, one Chưa đạt with a comment) and leaves the rest waiting. The demo member
// ("dangvien") and the secretary write none: the member's story starts there.
// Members without an account write as themselves: the actor names the member (its userId is the member's id).
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { atMoment } from '../clock';
import { members } from '../features/members/tables';
import { units } from '../features/units/tables';
import { createReflection, reviewReflection } from '../features/reflections/service';

const REFLECTIONS = [
  'Nghị quyết xác định phát triển kết cấu hạ tầng là khâu đột phá; trọng tâm là hạ tầng giao thông, hạ tầng đô thị và hạ tầng công nghệ. Bản thân nhận thức rõ trách nhiệm tuyên truyền để Nhân dân đồng thuận.',
  'Qua học tập, tôi nắm được mục tiêu đến năm 2030 và các nhóm nhiệm vụ, giải pháp chủ yếu; liên hệ với tổ dân phố nơi cư trú, việc mở rộng tuyến đường cần sự đồng thuận của các hộ dân.',
  'Nghị quyết nhấn mạnh huy động nguồn lực xã hội hóa, đầu tư có trọng tâm, trọng điểm. Là đảng viên, tôi cần gương mẫu chấp hành chủ trương giải phóng mặt bằng.',
];
const COMMITMENTS = [
  'Tôi cam kết tuyên truyền, vận động gia đình và bà con tổ dân phố ủng hộ các công trình hạ tầng trên địa bàn.',
  'Tôi cam kết gương mẫu hiến đất mở rộng ngõ xóm theo chủ trương của phường và vận động 05 hộ xung quanh cùng thực hiện.',
  'Tôi cam kết tham gia giám sát việc thực hiện các công trình ở khu dân cư và phản ánh kịp thời với chi bộ.',
];

interface Written {
  at: string;
  review?: { at: string; result: 'passed' | 'failed'; comment?: string };
}

const trangDa1: Written[] = [
  { at: '2026-05-21T20:15:00+07:00', review: { at: '2026-05-28T19:00:00+07:00', result: 'passed', comment: 'Bài viết nắm chắc nội dung cốt lõi, cam kết cụ thể.' } },
  { at: '2026-05-23T21:00:00+07:00', review: { at: '2026-05-28T19:10:00+07:00', result: 'passed' } },
  { at: '2026-05-25T06:30:00+07:00', review: { at: '2026-05-28T19:20:00+07:00', result: 'failed', comment: 'Bản cam kết còn chung chung, đề nghị đồng chí nêu rõ việc làm cụ thể của cá nhân.' } },
  { at: '2026-05-27T20:40:00+07:00', review: { at: '2026-06-01T20:00:00+07:00', result: 'passed' } },
  { at: '2026-05-30T22:00:00+07:00' },
  { at: '2026-06-02T19:45:00+07:00', review: { at: '2026-06-05T19:30:00+07:00', result: 'passed', comment: 'Nộp chậm so với hạn, nội dung đạt yêu cầu.' } },
  { at: '2026-06-04T21:10:00+07:00' },
];
const trangDa2: Written[] = [{ at: '2026-05-22T20:00:00+07:00' }, { at: '2026-05-24T20:30:00+07:00' }, { at: '2026-05-29T21:00:00+07:00' }];

async function writersOf(db: Db, tenantId: string, cellName: string, skip: readonly (string | null)[], count: number) {
  const [cell] = await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.name, cellName)));
  const list = await db
    .select()
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.cellId, cell!.id), eq(members.exempt, false), isNull(members.leftOn)))
    .orderBy(asc(members.fullName));
  return list.filter((m) => !skip.includes(m.id)).slice(-count);
}

const memberActor = (m: { id: string; tenantId: string; fullName: string }): Actor => ({
  userId: m.id,
  username: `dang-vien-${m.id.slice(0, 8)}`,
  displayName: m.fullName,
  tenantId: m.tenantId,
  communeId: m.tenantId,
  memberId: m.id,
  grants: [],
});

/** Deterministic ids, so a re-run finds each reflection (the create is idempotent by id). */
const idOf = (cell: number, i: number) => `7ef1ec70-0000-4000-8000-${String(cell * 100 + i + 1).padStart(12, '0')}`;

export async function seedDemoReflections(db: Db, actors: { bithu: Actor; dangvien: Actor }, planId: string): Promise<void> {
  const tenantId = actors.bithu.tenantId;
  const skip = [actors.bithu.memberId, actors.dangvien.memberId];
  const cells: [string, Written[]][] = [
    ['Chi bộ Tràng Đà 1', trangDa1],
    ['Chi bộ Tràng Đà 2', trangDa2],
  ];
  for (const [c, [cellName, plan]] of cells.entries()) {
    const writers = await writersOf(db, tenantId, cellName, skip, plan.length);
    for (const [i, w] of plan.entries()) {
      const member = writers[i];
      if (!member) break;
      const { reflection } = await atMoment(w.at, () =>
        createReflection(db, memberActor(member), planId, { id: idOf(c, i), reflection: REFLECTIONS[i % REFLECTIONS.length]!, commitment: COMMITMENTS[i % COMMITMENTS.length]! }),
      );
      if (w.review) {
        const review = w.review;
        await atMoment(review.at, () => reviewReflection(db, actors.bithu, reflection.id, { version: reflection.version, result: review.result, comment: review.comment ?? null }));
      }
    }
  }
}
