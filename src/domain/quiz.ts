// The optional quiz of a resolution (issue 14, item 4), as pure rules: a question's checks, the random
// draw (randomness injected, so tests are deterministic), the answers' checks, the grading, the time
// limit and the attempts limit, and which attempt counts (the ward's choice: best or last).
//
// Grading rule: every drawn question is worth one point. A single-choice question scores when the one
// chosen option is the correct one; a multiple-choice question scores only when the chosen options are
// exactly the correct ones (no partial credit: one missing or one extra option scores nothing). A
// question left unanswered scores nothing. The score is the fraction of points, 0–1 (`correct / total`),
// shown as a mark out of 10 in the interface (`score * 10`, one decimal).

export const questionKinds = ['single', 'multiple'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const countingRules = ['best', 'last'] as const;
export type CountingRule = (typeof countingRules)[number];

/** A question as the bank holds it: options in order, the correct ones by their index (0-based). */
export interface QuizQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  correct: number[];
}

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
/** Seconds after the time limit an answer is still taken (the network, a slow phone). */
export const GRACE_SECONDS = 30;

export type QuestionProblem = 'text' | 'options-count' | 'option-empty' | 'option-duplicate' | 'correct-none' | 'correct-one' | 'correct-range';

/** What is wrong with a question of the bank, or null. */
export function questionProblem(q: Pick<QuizQuestion, 'kind' | 'text' | 'options' | 'correct'>): QuestionProblem | null {
  if (!q.text.trim()) return 'text';
  if (q.options.length < MIN_OPTIONS || q.options.length > MAX_OPTIONS) return 'options-count';
  const trimmed = q.options.map((o) => o.trim());
  if (trimmed.some((o) => !o)) return 'option-empty';
  if (new Set(trimmed.map((o) => o.toLocaleLowerCase('vi'))).size !== trimmed.length) return 'option-duplicate';
  if (q.correct.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length)) return 'correct-range';
  const correct = new Set(q.correct);
  if (correct.size === 0) return 'correct-none';
  if (q.kind === 'single' && correct.size !== 1) return 'correct-one';
  return null;
}

/**
 * `count` question ids drawn at random without repeats (a partial Fisher–Yates shuffle), in the order
 * drawn. `random` returns a number in [0, 1), like Math.random; a bank smaller than `count` gives all.
 */
export function drawQuestions<T>(bank: readonly T[], count: number, random: () => number): T[] {
  const pool = [...bank];
  const n = Math.max(0, Math.min(count, pool.length));
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** The member's answers: question id → the chosen options' indexes. */
export type Answers = Record<string, number[]>;

export type AnswerProblem = 'unknown-question' | 'bad-option' | 'one-option';

/** What is wrong with the answers to a draw, or null (unanswered questions are allowed: they score 0). */
export function answersProblem(drawn: readonly Pick<QuizQuestion, 'id' | 'kind' | 'options'>[], answers: Answers): AnswerProblem | null {
  const byId = new Map(drawn.map((q) => [q.id, q]));
  for (const [id, chosen] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) return 'unknown-question';
    if (chosen.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length)) return 'bad-option';
    if (q.kind === 'single' && new Set(chosen).size > 1) return 'one-option';
  }
  return null;
}

/** Whether the chosen options earn the question's point (see the grading rule above). */
export function isCorrect(q: Pick<QuizQuestion, 'correct'>, chosen: readonly number[] | undefined): boolean {
  if (!chosen || chosen.length === 0) return false;
  const picked = new Set(chosen);
  const right = new Set(q.correct);
  return picked.size === right.size && [...right].every((i) => picked.has(i));
}

export interface Grade {
  correct: number;
  total: number;
  /** correct / total, 0–1 (0 for an empty draw). */
  score: number;
  /** Per question of the draw, in its order. */
  results: { questionId: string; correct: boolean }[];
}

export function gradeAttempt(drawn: readonly Pick<QuizQuestion, 'id' | 'correct'>[], answers: Answers): Grade {
  const results = drawn.map((q) => ({ questionId: q.id, correct: isCorrect(q, answers[q.id]) }));
  const correct = results.filter((r) => r.correct).length;
  return { correct, total: drawn.length, score: drawn.length === 0 ? 0 : correct / drawn.length, results };
}

/** The moment an attempt's time is up (without the grace). */
export function deadlineOf(startedAt: Date, timeLimitMinutes: number): Date {
  return new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/** Whether an answer sent at `at` comes too late: after the deadline plus the grace seconds. */
export function isTooLate(deadline: Date, at: Date, graceSeconds = GRACE_SECONDS): boolean {
  return at.getTime() > deadline.getTime() + graceSeconds * 1000;
}

/** Seconds left before the deadline (0 when past): what the member's timer shows. */
export function secondsLeft(deadline: Date, at: Date): number {
  return Math.max(0, Math.ceil((deadline.getTime() - at.getTime()) / 1000));
}

/** Attempts the member may still start (0: refused). */
export function attemptsLeft(limit: number, used: number): number {
  return Math.max(0, limit - used);
}

/** An attempt as the counting rule sees it: its score once finished (an expired attempt not submitted scores 0). */
export interface FinishedAttempt {
  number: number;
  score: number;
}

/**
 * The score that counts (0–1) by the ward's rule: the best of the finished attempts, or the last one
 * (the highest attempt number). Null when none is finished.
 */
export function countedScore(finished: readonly FinishedAttempt[], rule: CountingRule): number | null {
  if (finished.length === 0) return null;
  if (rule === 'best') return Math.max(...finished.map((a) => a.score));
  return [...finished].sort((a, b) => b.number - a.number)[0]!.score;
}

/** A score 0–1 as the mark out of 10 the interface shows: "8,5". */
export function markOutOfTen(score: number): string {
  return (Math.round(score * 100) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
}

/** A seeded random source (mulberry32) for the demo and the tests: the same seed, the same draws. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
