import { describe, expect, it } from 'vitest';
import {
  answersProblem,
  attemptsLeft,
  countedScore,
  deadlineOf,
  drawQuestions,
  gradeAttempt,
  isCorrect,
  isTooLate,
  markOutOfTen,
  questionProblem,
  secondsLeft,
  seededRandom,
  type QuizQuestion,
} from './quiz';

const single: QuizQuestion = { id: 'q1', kind: 'single', text: 'Nghị quyết đột phá về lĩnh vực nào?', options: ['Hạ tầng', 'Giáo dục', 'Y tế'], correct: [0] };
const multiple: QuizQuestion = { id: 'q2', kind: 'multiple', text: 'Các hạ tầng trọng tâm?', options: ['Giao thông', 'Công nghệ', 'Du lịch', 'Đô thị'], correct: [0, 1, 3] };

describe('a question of the bank', () => {
  it('is fine with text, 2–8 distinct options and its correct ones', () => {
    expect(questionProblem(single)).toBeNull();
    expect(questionProblem(multiple)).toBeNull();
    expect(questionProblem({ ...multiple, correct: [2] })).toBeNull();
  });
  it.each([
    [{ text: '   ' }, 'text'],
    [{ options: ['Một'] }, 'options-count'],
    [{ options: Array.from({ length: 9 }, (_, i) => `Ý ${i}`) }, 'options-count'],
    [{ options: ['Hạ tầng', ' '] }, 'option-empty'],
    [{ options: ['Hạ tầng', 'hạ tầng '] }, 'option-duplicate'],
    [{ correct: [] }, 'correct-none'],
    [{ correct: [0, 1] }, 'correct-one'],
    [{ correct: [3] }, 'correct-range'],
    [{ correct: [-1] }, 'correct-range'],
  ])('%o is refused as %s', (change, problem) => {
    expect(questionProblem({ ...single, ...change })).toBe(problem);
  });
});

describe('the random draw', () => {
  const bank = ['a', 'b', 'c', 'd', 'e', 'f'];
  it('draws the asked number without repeats, the same for the same seed', () => {
    const one = drawQuestions(bank, 4, seededRandom(7));
    expect(one).toHaveLength(4);
    expect(new Set(one).size).toBe(4);
    expect(one.every((x) => bank.includes(x))).toBe(true);
    expect(drawQuestions(bank, 4, seededRandom(7))).toEqual(one);
    expect(bank).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });
  it('follows the random source: always 0 keeps the order, always just below 1 takes from the end', () => {
    expect(drawQuestions(bank, 3, () => 0)).toEqual(['a', 'b', 'c']);
    expect(drawQuestions(bank, 2, () => 0.9999)).toEqual(['f', 'a']);
  });
  it('gives the whole bank when it is smaller than the count, and nothing for 0', () => {
    expect(drawQuestions(bank, 10, () => 0).sort()).toEqual(bank);
    expect(drawQuestions(bank, 0, Math.random)).toEqual([]);
  });
  it('reaches every question over many seeds', () => {
    const seen = new Set<string>();
    for (let s = 1; s < 50; s++) for (const x of drawQuestions(bank, 1, seededRandom(s))) seen.add(x);
    expect(seen).toEqual(new Set(bank));
  });
});

describe('answers', () => {
  it('may leave questions out; refuses a question not drawn, an option out of range, two options to a single choice', () => {
    expect(answersProblem([single, multiple], {})).toBeNull();
    expect(answersProblem([single, multiple], { q1: [0], q2: [0, 1] })).toBeNull();
    expect(answersProblem([single], { q2: [0] })).toBe('unknown-question');
    expect(answersProblem([single], { q1: [3] })).toBe('bad-option');
    expect(answersProblem([single], { q1: [0.5] })).toBe('bad-option');
    expect(answersProblem([single], { q1: [0, 1] })).toBe('one-option');
    expect(answersProblem([single], { q1: [1, 1] })).toBeNull();
  });
});

describe('grading', () => {
  it('a single choice scores on the correct option', () => {
    expect(isCorrect(single, [0])).toBe(true);
    expect(isCorrect(single, [1])).toBe(false);
    expect(isCorrect(single, [])).toBe(false);
    expect(isCorrect(single, undefined)).toBe(false);
  });
  it('a multiple choice scores only when exactly right: none missing, none extra, order ignored', () => {
    expect(isCorrect(multiple, [3, 0, 1])).toBe(true);
    expect(isCorrect(multiple, [0, 1])).toBe(false);
    expect(isCorrect(multiple, [0, 1, 2, 3])).toBe(false);
  });
  it('the score is the fraction of questions right, 0–1', () => {
    const grade = gradeAttempt([single, multiple], { q1: [0], q2: [0, 1] });
    expect(grade).toEqual({ correct: 1, total: 2, score: 0.5, results: [{ questionId: 'q1', correct: true }, { questionId: 'q2', correct: false }] });
    expect(gradeAttempt([single, multiple], {}).score).toBe(0);
    expect(gradeAttempt([], {}).score).toBe(0);
    expect(markOutOfTen(0.85)).toBe('8,5');
    expect(markOutOfTen(1)).toBe('10');
  });
});

describe('the time limit', () => {
  const started = new Date('2026-05-25T20:00:00+07:00');
  const deadline = deadlineOf(started, 15);
  it('ends after the minutes given; 30 seconds of grace, then refused', () => {
    expect(deadline.toISOString()).toBe('2026-05-25T13:15:00.000Z');
    expect(isTooLate(deadline, new Date('2026-05-25T20:14:59+07:00'))).toBe(false);
    expect(isTooLate(deadline, new Date('2026-05-25T20:15:30+07:00'))).toBe(false);
    expect(isTooLate(deadline, new Date('2026-05-25T20:15:31+07:00'))).toBe(true);
    expect(isTooLate(deadline, new Date('2026-05-25T20:15:01+07:00'), 0)).toBe(true);
  });
  it('the timer counts down to 0 and stays there', () => {
    expect(secondsLeft(deadline, started)).toBe(900);
    expect(secondsLeft(deadline, new Date('2026-05-25T20:14:59.5+07:00'))).toBe(1);
    expect(secondsLeft(deadline, new Date('2026-05-25T20:20:00+07:00'))).toBe(0);
  });
});

describe('attempts and the score that counts', () => {
  it('a limit of 3: 3 left, then none', () => {
    expect(attemptsLeft(3, 0)).toBe(3);
    expect(attemptsLeft(3, 2)).toBe(1);
    expect(attemptsLeft(3, 3)).toBe(0);
    expect(attemptsLeft(3, 5)).toBe(0);
  });
  it('best takes the highest score, last the latest attempt; none finished: null', () => {
    const finished = [{ number: 1, score: 0.6 }, { number: 3, score: 0.7 }, { number: 2, score: 0.9 }];
    expect(countedScore(finished, 'best')).toBe(0.9);
    expect(countedScore(finished, 'last')).toBe(0.7);
    expect(countedScore([], 'best')).toBeNull();
    expect(countedScore([], 'last')).toBeNull();
  });
});
