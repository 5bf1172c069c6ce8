import { z } from 'zod';
import { countingRules, MAX_OPTIONS, questionKinds } from '../../../domain/quiz';

export const questionIdParams = z.object({ id: z.uuid({ message: 'Mã câu hỏi không hợp lệ.' }) });
export const attemptIdParams = z.object({ id: z.uuid({ message: 'Mã lần làm bài không hợp lệ.' }) });
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

const questionFields = {
  kind: z.enum(questionKinds, { message: 'Hãy chọn loại câu hỏi: một đáp án hoặc nhiều đáp án.' }),
  text: z.string().max(2000, { message: 'Câu hỏi quá dài (tối đa 2000 ký tự).' }),
  options: z.array(z.string().max(500, { message: 'Phương án trả lời quá dài (tối đa 500 ký tự).' })).max(MAX_OPTIONS + 2),
  correct: z.array(z.number().int()).max(MAX_OPTIONS + 2),
};
export const questionCreateBody = z.object({ id: z.uuid({ message: 'Mã câu hỏi không hợp lệ.' }), ...questionFields });
export type QuestionCreateInput = z.infer<typeof questionCreateBody>;
export const questionUpdateBody = z.object({ version: z.number().int().min(1), ...questionFields });
export type QuestionUpdateInput = z.infer<typeof questionUpdateBody>;

export const settingsBody = z.object({
  /** 0 for a quiz not set up yet. */
  version: z.number().int().min(0),
  questionCount: z.number({ message: 'Số câu hỏi mỗi lần làm bài không hợp lệ.' }).int().min(1, { message: 'Mỗi lần làm bài có ít nhất 1 câu hỏi.' }).max(100, { message: 'Mỗi lần làm bài có tối đa 100 câu hỏi.' }),
  timeLimitMinutes: z.number({ message: 'Thời gian làm bài không hợp lệ.' }).int().min(1, { message: 'Thời gian làm bài ít nhất 1 phút.' }).max(180, { message: 'Thời gian làm bài tối đa 180 phút.' }),
  attemptsLimit: z.number({ message: 'Số lần làm bài không hợp lệ.' }).int().min(1, { message: 'Cho phép làm bài ít nhất 1 lần.' }).max(10, { message: 'Cho phép làm bài tối đa 10 lần.' }),
  counting: z.enum(countingRules, { message: 'Hãy chọn tính lần làm bài cao nhất hoặc lần cuối cùng.' }),
  open: z.boolean(),
});
export type SettingsInput = z.infer<typeof settingsBody>;

export const startBody = z.object({ id: z.uuid({ message: 'Mã lần làm bài không hợp lệ.' }) });
export const submitBody = z.object({
  answers: z.record(z.string().max(100), z.array(z.number({ message: 'Phương án trả lời không hợp lệ.' })).max(MAX_OPTIONS + 2)),
});

export const settingsSchema = z.object({
  questionCount: z.number().int(),
  timeLimitMinutes: z.number().int(),
  attemptsLimit: z.number().int(),
  counting: z.enum(countingRules),
  open: z.boolean(),
  version: z.number().int(),
});

export const questionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(questionKinds),
  text: z.string(),
  options: z.array(z.string()),
  correct: z.array(z.number().int()),
  version: z.number().int(),
});

export const bankResponse = z.object({
  resolutionId: z.uuid(),
  number: z.string(),
  subject: z.string(),
  settings: settingsSchema.nullable(),
  questions: z.array(questionSchema),
});

const resultSchema = z.object({
  correct: z.number().int(),
  total: z.number().int(),
  score: z.number(),
  results: z.array(z.object({ questionId: z.string(), correct: z.boolean() })),
});

export const attemptStatuses = ['in-progress', 'submitted', 'expired'] as const;

export const attemptSchema = z.object({
  id: z.uuid(),
  resolutionId: z.uuid(),
  number: z.number().int(),
  status: z.enum(attemptStatuses),
  startedAt: z.string(),
  deadlineAt: z.string(),
  submittedAt: z.string().nullable(),
  secondsLeft: z.number().int(),
  /** The drawn questions without their correct options. */
  questions: z.array(z.object({ id: z.string(), kind: z.enum(questionKinds), text: z.string(), options: z.array(z.string()) })),
  answers: z.record(z.string(), z.array(z.number().int())).nullable(),
  result: resultSchema.nullable(),
});

const attemptSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(attemptStatuses),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  correct: z.number().int().nullable(),
  total: z.number().int(),
  score: z.number().nullable(),
});

export const overviewResponse = z.object({
  resolutionId: z.uuid(),
  number: z.string(),
  subject: z.string(),
  settings: settingsSchema.nullable(),
  bankSize: z.number().int(),
  canManage: z.boolean(),
  canTake: z.boolean(),
  canViewResults: z.boolean(),
  /** The actor's own attempts (a member); null for an account that is not a member of the commune. */
  mine: z
    .object({
      attempts: z.array(attemptSummary),
      attemptsLeft: z.number().int(),
      counted: z.number().nullable(),
      openAttemptId: z.uuid().nullable(),
    })
    .nullable(),
});

export const resultsResponse = z.object({
  counting: z.enum(countingRules).nullable(),
  cells: z.array(
    z.object({
      cellId: z.uuid(),
      cellName: z.string(),
      members: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), attempts: z.number().int(), counted: z.number().nullable() })),
      taken: z.number().int(),
      average: z.number().nullable(),
    }),
  ),
});
