// The quiz's answers from the server (src/server/features/quiz/schema.ts) and their query keys.
import { api } from '../../api';

export type QuestionKind = 'single' | 'multiple';
export type CountingRule = 'best' | 'last';

export interface QuizSettings {
  questionCount: number;
  timeLimitMinutes: number;
  attemptsLimit: number;
  counting: CountingRule;
  open: boolean;
  version: number;
}

export interface AttemptSummary {
  id: string;
  number: number;
  status: 'in-progress' | 'submitted' | 'expired';
  startedAt: string;
  submittedAt: string | null;
  correct: number | null;
  total: number;
  score: number | null;
}

export interface QuizOverview {
  resolutionId: string;
  number: string;
  subject: string;
  settings: QuizSettings | null;
  bankSize: number;
  canManage: boolean;
  canTake: boolean;
  canViewResults: boolean;
  mine: { attempts: AttemptSummary[]; attemptsLeft: number; counted: number | null; openAttemptId: string | null } | null;
}

export interface Attempt {
  id: string;
  number: number;
  status: AttemptSummary['status'];
  deadlineAt: string;
  secondsLeft: number;
  questions: { id: string; kind: QuestionKind; text: string; options: string[] }[];
  answers: Record<string, number[]> | null;
  result: { correct: number; total: number; score: number; results: { questionId: string; correct: boolean }[] } | null;
}

export interface BankQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  correct: number[];
  version: number;
}

export interface Bank {
  resolutionId: string;
  number: string;
  subject: string;
  settings: QuizSettings | null;
  questions: BankQuestion[];
}

export interface Results {
  counting: CountingRule | null;
  cells: { cellId: string; cellName: string; members: { memberId: string; fullName: string; attempts: number; counted: number | null }[]; taken: number; average: number | null }[];
}

export const quizKeys = {
  overview: (resolutionId: string) => ['quiz', resolutionId, 'overview'],
  bank: (resolutionId: string) => ['quiz', resolutionId, 'bank'],
  results: (resolutionId: string) => ['quiz', resolutionId, 'results'],
  attempt: (attemptId: string) => ['quiz', 'attempt', attemptId],
};

export const overviewQuery = (resolutionId: string) => ({
  queryKey: quizKeys.overview(resolutionId),
  queryFn: ({ signal }: { signal: AbortSignal }) => api<QuizOverview>(`/api/resolutions/${resolutionId}/quiz`, { signal }),
});

/** A score 0–1 as the mark out of 10: "8,5". */
export const mark = (score: number) => (Math.round(score * 100) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export const countingLabel: Record<CountingRule, string> = { best: 'lần có điểm cao nhất', last: 'lần làm bài cuối cùng' };
export const kindLabel: Record<QuestionKind, string> = { single: 'Chọn một đáp án', multiple: 'Chọn nhiều đáp án' };
