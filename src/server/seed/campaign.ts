// The demo campaign (PRODUCT.md §6): resolution 91-NQ/TU registered, its plan imported from the
// real fixture and issued, delivered and partly read; a second plan waiting for approval.
// Built through the same services users call, so the demo exercises the real rules. Each step runs
// at its moment of the campaign's calendar (Vietnam time), whatever day the seed runs: the receipts
// of a plan issued on 15/05/2026 say they were read on 15 and 16/05/2026.
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loadActorForUser } from '../auth/service';
import { findAccountByUsername } from '../auth/accounts';
import { planDeliveries } from '../features/plans/tables';
import { createResolution } from '../features/resolutions/service';
import { createPlan } from '../features/plans/service';
import { approvePlan, issuePlan, submitPlan } from '../features/plans/workflow';
import { markDeliveryRead } from '../features/plans/inbox';
import { atMoment } from '../clock';
import { seedDemoConference } from './conference';
import { seedDemoSessions } from './sessions';
import { seedDemoTasks } from './tasks';
import { seedDemoReports } from './reports';
import { seedDemoPropaganda } from './propaganda';
import { seedDemoReminders } from './reminders';
import { seedDemoReflections } from './reflections';
import { seedDemoQuiz } from './quiz';

const fixture = readFileSync(new URL('./data/ke-hoach-91-NQ-TU.md', import.meta.url), 'utf8');

async function actorNamed(db: Db, username: string) {
  const user = await findAccountByUsername(db, username);
  return loadActorForUser(db, user!);
}

/** The campaign's calendar, in Vietnam time. */
export const campaignMoments = {
  wardSetUp: '2026-05-11T08:00:00+07:00',
  resolutionRegistered: '2026-05-13T08:30:00+07:00',
  guidanceRegistered: '2026-05-13T08:40:00+07:00',
  planImported: '2026-05-14T09:20:00+07:00',
  planSubmitted: '2026-05-14T16:00:00+07:00',
  planApproved: '2026-05-15T08:00:00+07:00',
  planIssued: '2026-05-15T09:00:00+07:00',
  readByUbnd: '2026-05-15T10:12:00+07:00',
  readByBithu: '2026-05-16T07:45:00+07:00',
  nextResolutionRegistered: '2026-06-15T14:00:00+07:00',
  nextPlanDrafted: '2026-06-16T09:30:00+07:00',
  nextPlanSubmitted: '2026-06-17T15:30:00+07:00',
} as const;

export async function seedDemoCampaign(db: Db): Promise<void> {
  const staff = await actorNamed(db, 'vanphong');
  const leader = await actorNamed(db, 'thuongtruc');
  const m = campaignMoments;

  const r91 = await atMoment(m.resolutionRegistered, () => createResolution(db, staff, {
    kind: 'nghi-quyet',
    number: '91-NQ/TU',
    issuedOn: '2026-05-12',
    issuer: 'Ban Thường vụ Tỉnh ủy',
    subject:
      'tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội, trọng tâm là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp đến năm 2030',
    content:
      'Tiếp tục đột phá phát triển kết cấu hạ tầng kinh tế - xã hội của tỉnh theo hướng đồng bộ, hiện đại, phù hợp với Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.\n\nTập trung đầu tư các lĩnh vực hạ tầng trọng điểm, có tính nền tảng, lan tỏa và dẫn dắt, nhất là hạ tầng giao thông, hạ tầng công nghệ, hạ tầng đô thị, hạ tầng khu, cụm công nghiệp.',
  }));
  await atMoment(m.guidanceRegistered, () => createResolution(db, staff, {
    kind: 'quy-dinh',
    number: '22-QĐ/TU',
    issuedOn: '2025-03-20',
    issuer: 'Ban Thường vụ Tỉnh ủy',
    subject: 'đánh giá chất lượng học tập, quán triệt, triển khai thực hiện các nghị quyết, chỉ thị, kết luận của Đảng',
    content: 'Quy định 03 nhóm tiêu chí chấm điểm chất lượng học tập nghị quyết ở chi bộ.',
  }));

  // The real plan: imported, submitted, approved by the Thường trực, issued on 15/5/2026.
  const planId = await atMoment(m.planImported, () => createPlan(db, staff, { from: 'import', kind: 'propagation', source: fixture }));
  await atMoment(m.planSubmitted, () => submitPlan(db, staff, planId, 1));
  await atMoment(m.planApproved, () => approvePlan(db, leader, planId, 2));
  await atMoment(m.planIssued, () => issuePlan(db, staff, planId, 3, '2026-05-15'));

  // Some recipients have read it: the UBND the same morning, the first cell the next day.
  for (const [username, moment] of [['ubnd', m.readByUbnd], ['bithu', m.readByBithu]] as const) {
    const reader = await actorNamed(db, username);
    const deliveries = await db.select().from(planDeliveries).where(eq(planDeliveries.planId, planId));
    const own = deliveries.find((d) => reader.grants.some((g) => g.unitId === d.unitId));
    if (own) await atMoment(moment, () => markDeliveryRead(db, reader, own.id));
  }

  // Section III "Cấp phường": the ward conference, convened on 16/5 and held on 20/5/2026.
  await seedDemoConference(db, staff, planId);
  // The cells' study sessions: held with attendance, scheduled, at the ward conference, make-ups.
  await seedDemoSessions(db, staff, planId);
  // Section IV's tasks (created on issue): done with evidence, in progress, overdue, the cells' partly done.
  await seedDemoTasks(db, { staff, building: await actorNamed(db, 'banxaydung'), ubnd: await actorNamed(db, 'ubnd') }, planId);
  // The cells' reports: accepted and re-scored, on time, returned, late, a draft, the rest missing.
  await seedDemoReports(db, staff, planId);
  // Propaganda on every channel (some public) and the ward loudspeaker's schedule, one broadcast missed.
  await seedDemoPropaganda(db, { staff, ubnd: await actorNamed(db, 'ubnd'), bithu: await actorNamed(db, 'bithu') }, planId);
  // The members' own study: reflections written (two late) and some reviewed by the secretary of Tràng Đà 1.
  await seedDemoReflections(db, { bithu: await actorNamed(db, 'bithu'), dangvien: await actorNamed(db, 'dangvien') }, planId);
  // The quiz on 91-NQ/TU: 15 questions, opened on 21/05, taken by several members in late May.
  await seedDemoQuiz(
    db,
    { staff, leader, bithu: await actorNamed(db, 'bithu'), building: await actorNamed(db, 'banxaydung'), dangvien: await actorNamed(db, 'dangvien') },
    r91.id,
  );
  // The reminder job's mornings up to 08/06/2026: reminders, and the overdue tasks escalated to the ward's staff.
  await seedDemoReminders(db);

  // The next campaign in preparation: in June, 57-NQ/TW registered and a plan drafted from the
  // template, waiting for the Thường trực's approval.
  const r57 = await atMoment(m.nextResolutionRegistered, () =>
    createResolution(db, staff, {
      kind: 'nghi-quyet',
      number: '57-NQ/TW',
      issuedOn: '2024-12-22',
      issuer: 'Bộ Chính trị',
      subject: 'đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
      content: '',
    }),
  );
  const next = await atMoment(m.nextPlanDrafted, () => createPlan(db, staff, { from: 'template', kind: 'propagation', resolutionId: r57.id }));
  await atMoment(m.nextPlanSubmitted, () => submitPlan(db, staff, next, 1));
}
