// The demo's quiz on resolution 91-NQ/TU: the Văn phòng sets up a bank of 15 questions on the
// resolution and its plan (single and multiple choice) on 21/05/2026, the day after the ward
// conference, and opens it (10 questions drawn, 15 minutes, 3 attempts, the best counting); then
// members take it in the evenings of late May (the Thường trực 10/10, the first cell's secretary 9/10
// then 10/10, the Ban xây dựng Đảng 8/10, `dangvien` 7/10 with two attempts left for the demo).
// The draws are seeded, so the demo is the same on every start.
import type { Db } from '../db/client';
import type { Actor } from '../auth/actor';
import { atMoment } from '../clock';
import { seededRandom, type QuestionKind } from '../../domain/quiz';
import { createQuestion, saveSettings } from '../features/quiz/service';
import { startAttempt, submitAttempt } from '../features/quiz/attempts';
import { quizAttempts } from '../features/quiz/tables';
import { eq } from 'drizzle-orm';

interface DemoQuestion {
  kind: QuestionKind;
  text: string;
  options: string[];
  correct: number[];
}

export const demoQuizQuestions: DemoQuestion[] = [
  { kind: 'single', text: 'Nghị quyết số 91-NQ/TU ngày 12/5/2026 do cơ quan nào ban hành?', options: ['Ban Thường vụ Tỉnh ủy', 'Ban Chấp hành Trung ương Đảng', 'Hội đồng nhân dân tỉnh', 'Ủy ban nhân dân tỉnh'], correct: [0] },
  { kind: 'multiple', text: 'Nghị quyết số 91-NQ/TU xác định trọng tâm đột phá vào những loại hạ tầng nào? (chọn tất cả phương án đúng)', options: ['Hạ tầng giao thông', 'Hạ tầng công nghệ', 'Hạ tầng đô thị', 'Hạ tầng khu, cụm công nghiệp', 'Hạ tầng du lịch biển'], correct: [0, 1, 2, 3] },
  { kind: 'single', text: 'Mốc thời gian của mục tiêu đột phá xây dựng kết cấu hạ tầng theo Nghị quyết số 91-NQ/TU là năm nào?', options: ['Năm 2025', 'Năm 2030', 'Năm 2035', 'Năm 2045'], correct: [1] },
  { kind: 'single', text: 'Kết cấu hạ tầng kinh tế - xã hội của tỉnh được phát triển phù hợp với quy hoạch nào?', options: ['Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050', 'Quy hoạch tỉnh thời kỳ 2016 - 2020', 'Quy hoạch vùng trung du và miền núi phía Bắc đến năm 2025', 'Quy hoạch sử dụng đất của phường năm 2026'], correct: [0] },
  { kind: 'single', text: 'Nghị quyết yêu cầu phát triển kết cấu hạ tầng kinh tế - xã hội theo hướng nào?', options: ['Nhanh, tập trung vào đô thị trung tâm', 'Đồng bộ, hiện đại', 'Ưu tiên hạ tầng nông thôn', 'Dàn trải ở tất cả các lĩnh vực'], correct: [1] },
  { kind: 'multiple', text: 'Theo Kế hoạch, việc thực hiện Nghị quyết góp phần vào những kết quả nào? (chọn tất cả phương án đúng)', options: ['Mở rộng không gian phát triển', 'Tăng cường liên kết nội tỉnh, liên vùng và quốc tế', 'Nâng cao năng lực cạnh tranh, cải thiện mạnh mẽ môi trường đầu tư', 'Thu hẹp đầu tư công ở mọi lĩnh vực'], correct: [0, 1, 2] },
  { kind: 'single', text: 'Kế hoạch yêu cầu lấy kết quả thực hiện Nghị quyết làm gì?', options: ['Căn cứ để khen thưởng tập thể cuối nhiệm kỳ', 'Thước đo đánh giá cán bộ, đảng viên hàng năm', 'Tiêu chí xét kết nạp đảng viên mới', 'Cơ sở để phân bổ ngân sách cho chi bộ'], correct: [1] },
  { kind: 'single', text: 'Sau hội nghị, các chi bộ tự chấm điểm đánh giá chất lượng học tập theo bao nhiêu nhóm tiêu chí của Quy định số 22-QĐ/TU?', options: ['02 nhóm tiêu chí', '03 nhóm tiêu chí', '04 nhóm tiêu chí', '05 nhóm tiêu chí'], correct: [1] },
  { kind: 'multiple', text: 'Kế hoạch yêu cầu kết hợp linh hoạt học tập trực tiếp với tuyên truyền trên những kênh nào? (chọn tất cả phương án đúng)', options: ['Các nền tảng số', 'Mạng xã hội', 'Hệ thống truyền thanh của phường', 'Chỉ bằng văn bản giấy gửi từng hộ'], correct: [0, 1, 2] },
  { kind: 'single', text: 'Ai là báo cáo viên tại hội nghị tuyên truyền, quán triệt Nghị quyết cấp phường?', options: ['Thường trực Đảng ủy', 'Chủ tịch Ủy ban nhân dân phường', 'Bí thư các chi bộ', 'Ban Tuyên giáo và Dân vận Tỉnh ủy'], correct: [0] },
  { kind: 'single', text: 'Ở cấp cơ sở, Kế hoạch phân công ai làm báo cáo viên?', options: ['Đồng chí bí thư chi bộ, đảng bộ cơ sở', 'Tổ trưởng tổ dân phố', 'Cán bộ Văn phòng Đảng ủy', 'Đảng viên lớn tuổi nhất chi bộ'], correct: [0] },
  { kind: 'single', text: 'Các chi bộ tổng hợp, báo cáo kết quả phổ biến, quán triệt Nghị quyết với Ban Thường vụ Đảng ủy trước ngày nào?', options: ['31/5/2026', '05/6/2026', '15/6/2026', '30/6/2026'], correct: [1] },
  { kind: 'single', text: 'Cơ quan nào chủ trì đẩy mạnh công tác thông tin tuyên truyền Nghị quyết số 91-NQ/TU ở phường?', options: ['Văn phòng Đảng ủy', 'Ban xây dựng Đảng', 'Ủy ban Mặt trận Tổ quốc phường', 'Công an phường'], correct: [1] },
  { kind: 'multiple', text: 'Việc nghiên cứu, học tập Nghị quyết phải tránh những biểu hiện nào? (chọn tất cả phương án đúng)', options: ['Hình thức', 'Chạy theo số lượng', 'Coi trọng chất lượng thảo luận', 'Vận dụng vào thực tiễn'], correct: [0, 1] },
  { kind: 'single', text: 'Hội nghị cấp phường tuyên truyền, quán triệt Nghị quyết được tổ chức tại đâu?', options: ['Nhà văn hóa tổ dân phố Tràng Đà 1', 'Hội trường trụ sở Đảng ủy phường, tổ dân phố Tràng Đà 6', 'Hội trường Tỉnh ủy', 'Trường Trung học cơ sở của phường'], correct: [1] },
];

/** A demo question's id: fixed, so the demo is the same on every start. */
const questionId = (i: number) => `a91c0e51-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
const attemptId = (i: number) => `a91c0e51-0000-4000-9000-${String(i + 1).padStart(12, '0')}`;

type Taker = 'leader' | 'bithu' | 'building' | 'dangvien';

/** Each attempt: who, when it starts, minutes taken, how many of the drawn questions answered wrongly. */
const attempts: { by: Taker; at: string; minutes: number; wrong: number }[] = [
  { by: 'leader', at: '2026-05-22T20:30:00+07:00', minutes: 9, wrong: 0 },
  { by: 'bithu', at: '2026-05-23T21:00:00+07:00', minutes: 12, wrong: 1 },
  { by: 'building', at: '2026-05-25T19:45:00+07:00', minutes: 11, wrong: 2 },
  { by: 'bithu', at: '2026-05-26T20:15:00+07:00', minutes: 8, wrong: 0 },
  { by: 'dangvien', at: '2026-05-27T21:00:00+07:00', minutes: 14, wrong: 3 },
];

export const demoQuizMoments = { bankSetUp: '2026-05-21T09:00:00+07:00', opened: '2026-05-21T10:30:00+07:00' } as const;

export async function seedDemoQuiz(db: Db, actors: { staff: Actor } & Record<Taker, Actor>, resolutionId: string): Promise<void> {
  for (const [i, q] of demoQuizQuestions.entries()) {
    await atMoment(demoQuizMoments.bankSetUp, () => createQuestion(db, actors.staff, resolutionId, { id: questionId(i), ...q }));
  }
  await atMoment(demoQuizMoments.opened, () =>
    saveSettings(db, actors.staff, resolutionId, { version: 0, questionCount: 10, timeLimitMinutes: 15, attemptsLimit: 3, counting: 'best', open: true }),
  );
  for (const [i, a] of attempts.entries()) {
    const id = attemptId(i);
    await atMoment(a.at, () => startAttempt(db, actors[a.by], resolutionId, id, seededRandom(91 + i)));
    const [row] = await db.select().from(quizAttempts).where(eq(quizAttempts.id, id));
    // The first `wrong` questions answered wrongly (a wrong option, or a multiple choice one short).
    const answers = Object.fromEntries(
      row!.questions.map((q, n) => [q.id, n >= a.wrong ? q.correct : q.kind === 'multiple' ? q.correct.slice(1) : [q.options.findIndex((_, k) => !q.correct.includes(k))]]),
    );
    const submittedAt = new Date(new Date(a.at).getTime() + a.minutes * 60_000).toISOString();
    await atMoment(submittedAt, () => submitAttempt(db, actors[a.by], id, answers));
  }
}
