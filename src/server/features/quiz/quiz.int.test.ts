// A resolution's quiz end to end: the ward staff keep the bank and the settings (idempotent creates,
// bad questions 400 with nothing changed, 409 on a stale version), nobody else does; a member starts
// an attempt (idempotent by its id; the answers never sent), submits it (graded; a retry returns the
// same result, other answers 409), bad answers 400 with nothing changed, late answers 400, the attempts
// limit; another member's attempt and another commune's ids are 404; the results by cell per role; and
// quizRecord() for the yearly record.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildMember, buildResolution, buildUserWithGrant, findUnit, FACTORY_PASSWORD } from '../../../../test/support/factories';
import { auditLog } from '../audit/tables';
import { quizAttempts, quizQuestions, quizSettings } from './tables';
import { quizRecord } from './record';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let member: Session;
let otherMember: Session;
let foreignStaff: Session;
let foreignMember: Session;
let ubnd: Session;
let resolutionId: string;
let foreignResolutionId: string;
let communeId: string;
let otherCellId: string;

const START = '2026-05-25T20:00:00+07:00';

const questionCount = async () => (await t.database.db.select({ n: count() }).from(quizQuestions).where(eq(quizQuestions.resolutionId, resolutionId)))[0]!.n;
const attemptRow = async (id: string) => (await t.database.db.select().from(quizAttempts).where(eq(quizAttempts.id, id)))[0]!;

const single = (n: number) => ({ id: randomUUID(), kind: 'single', text: `Câu hỏi một đáp án số ${n}?`, options: ['Phương án A', 'Phương án B', 'Phương án C'], correct: [n % 3] });
const multiple = (n: number) => ({ id: randomUUID(), kind: 'multiple', text: `Câu hỏi nhiều đáp án số ${n}?`, options: ['Giao thông', 'Công nghệ', 'Du lịch', 'Đô thị'], correct: [0, 1, 3] });

beforeAll(async () => {
  ({ t, staff, leader, bithu, member, ubnd } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc', bithu: 'bithu', member: 'dangvien', ubnd: 'ubnd' }));
  const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
  communeId = commune.id;
  const otherCell = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
  otherCellId = otherCell.id;
  const m = await buildMember(t.database, otherCell, { fullName: 'Lê Thị Thử Bài' });
  otherMember = await t.signIn((await buildUserWithGrant(t.database, { role: 'member', unit: otherCell, memberId: m.id })).username, FACTORY_PASSWORD);
  resolutionId = (await buildResolution(t.database, commune, { subject: 'Nghị quyết thử cho bài kiểm tra' })).resolution.id;

  const second = await buildCommune(t.database, 'Đảng ủy phường Thử Kiểm Tra');
  foreignStaff = await t.signIn((await buildUserWithGrant(t.database, { role: 'wardStaff', unit: second })).username, FACTORY_PASSWORD);
  const cell = await buildCell(t.database, second);
  const fm = await buildMember(t.database, cell);
  foreignMember = await t.signIn((await buildUserWithGrant(t.database, { role: 'member', unit: cell, memberId: fm.id })).username, FACTORY_PASSWORD);
  foreignResolutionId = (await buildResolution(t.database, second)).resolution.id;

  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-05-20T09:00:00+07:00'));
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

describe('the question bank and the settings', () => {
  it('the ward staff add questions; a retry with the same id adds nothing; it is audited', async () => {
    const q = single(1);
    const first = await staff.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/questions`, payload: q });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id: q.id, kind: 'single', correct: [1], version: 1 });
    const retry = await staff.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/questions`, payload: q });
    expect(retry.statusCode).toBe(200);
    expect(await questionCount()).toBe(1);
    for (const body of [multiple(2), single(3), single(4), multiple(5), single(6)]) {
      expect((await staff.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/questions`, payload: body })).statusCode).toBe(201);
    }
    expect(await questionCount()).toBe(6);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, q.id));
    expect(audit!.action).toBe('quiz.question.create');
  });

  it.each([
    [{ text: '  ' }, 'quiz.question-text'],
    [{ options: ['Chỉ một'] }, 'quiz.question-options-count'],
    [{ options: ['A', 'a'] , correct: [0] }, 'quiz.question-option-duplicate'],
    [{ correct: [] }, 'quiz.question-correct-none'],
    [{ correct: [0, 1] }, 'quiz.question-correct-one'],
    [{ correct: [7] }, 'quiz.question-correct-range'],
    [{ kind: 'true-false' }, 'validation'],
  ])('a bad question %o is refused (%s) and nothing is added', async (change, id) => {
    const before = await questionCount();
    const res = await staff.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/questions`, payload: { ...single(9), ...change } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe(id);
    expect(res.json().error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu);
    expect(await questionCount()).toBe(before);
  });

  it('the leadership, a secretary, a member may not manage (403); another commune does not see it (404)', async () => {
    for (const s of [leader, bithu, member]) {
      expect((await s.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/questions`, payload: single(10) })).statusCode).toBe(403);
      expect((await s.inject({ url: `/api/resolutions/${resolutionId}/quiz/questions` })).statusCode).toBe(403);
      expect((await s.inject({ method: 'PUT', url: `/api/resolutions/${resolutionId}/quiz/settings`, payload: { version: 0, questionCount: 3, timeLimitMinutes: 10, attemptsLimit: 2, counting: 'best', open: true } })).statusCode).toBe(403);
    }
    for (const s of [foreignStaff, foreignMember]) {
      expect((await s.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/questions`, payload: single(11) })).statusCode).toBe(404);
      expect((await s.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).statusCode).toBe(404);
    }
    const [question] = await t.database.db.select().from(quizQuestions).where(eq(quizQuestions.resolutionId, resolutionId));
    expect((await foreignStaff.inject({ method: 'PATCH', url: `/api/quiz/questions/${question!.id}`, payload: { version: 1, ...single(1) } })).statusCode).toBe(404);
    expect((await foreignStaff.inject({ method: 'DELETE', url: `/api/quiz/questions/${question!.id}?version=1` })).statusCode).toBe(404);
    expect((await member.inject({ method: 'DELETE', url: `/api/quiz/questions/${question!.id}?version=1` })).statusCode).toBe(403);
    // The foreign staff manage their own commune's resolution, not ours.
    expect((await foreignStaff.inject({ method: 'POST', url: `/api/resolutions/${foreignResolutionId}/quiz/questions`, payload: single(12) })).statusCode).toBe(201);
    expect(await questionCount()).toBe(6);
  });

  it('edits and deletes name the version: a stale one is 409 and changes nothing', async () => {
    const q = multiple(20);
    await staff.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/questions`, payload: q });
    const edited = await staff.inject({ method: 'PATCH', url: `/api/quiz/questions/${q.id}`, payload: { version: 1, kind: 'multiple', text: 'Các hạ tầng trọng tâm của Nghị quyết?', options: q.options, correct: [0, 1, 3] } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, text: 'Các hạ tầng trọng tâm của Nghị quyết?' });
    const stale = await staff.inject({ method: 'PATCH', url: `/api/quiz/questions/${q.id}`, payload: { version: 1, kind: 'multiple', text: 'Cũ', options: q.options, correct: [0] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('quiz-question.version-conflict');
    expect((await staff.inject({ method: 'DELETE', url: `/api/quiz/questions/${q.id}?version=1` })).statusCode).toBe(409);
    const [row] = await t.database.db.select().from(quizQuestions).where(eq(quizQuestions.id, q.id));
    expect(row!.text).toBe('Các hạ tầng trọng tâm của Nghị quyết?');
    expect((await staff.inject({ method: 'DELETE', url: `/api/quiz/questions/${q.id}?version=2` })).statusCode).toBe(204);
    expect(await questionCount()).toBe(6);
  });

  it('the settings: set up at version 0, bad values 400, a stale version 409', async () => {
    const settings = { questionCount: 4, timeLimitMinutes: 10, attemptsLimit: 2, counting: 'best', open: false };
    const bad = await staff.inject({ method: 'PUT', url: `/api/resolutions/${resolutionId}/quiz/settings`, payload: { version: 0, ...settings, attemptsLimit: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(await t.database.db.select().from(quizSettings).where(eq(quizSettings.resolutionId, resolutionId))).toEqual([]);
    const saved = await staff.inject({ method: 'PUT', url: `/api/resolutions/${resolutionId}/quiz/settings`, payload: { version: 0, ...settings } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...settings, version: 1 });
    const stale = await staff.inject({ method: 'PUT', url: `/api/resolutions/${resolutionId}/quiz/settings`, payload: { version: 0, ...settings, open: true } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('quiz-settings.version-conflict');
    const bank = (await staff.inject({ url: `/api/resolutions/${resolutionId}/quiz/questions` })).json();
    expect(bank.settings).toMatchObject({ open: false, version: 1 });
    expect(bank.questions).toHaveLength(6);
  });
});

describe('a member takes the quiz', () => {
  let attemptId: string;

  it('a closed quiz refuses to start (409 quiz.closed), nothing stored', async () => {
    const res = await member.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: randomUUID() } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.id).toBe('quiz.closed');
    expect(await t.database.db.select().from(quizAttempts).where(eq(quizAttempts.resolutionId, resolutionId))).toEqual([]);
    expect((await staff.inject({ method: 'PUT', url: `/api/resolutions/${resolutionId}/quiz/settings`, payload: { version: 1, questionCount: 4, timeLimitMinutes: 10, attemptsLimit: 2, counting: 'best', open: true } })).statusCode).toBe(200);
  });

  it('starts: four questions drawn, their answers never sent; a retry returns the same attempt', async () => {
    vi.setSystemTime(new Date(START));
    attemptId = randomUUID();
    const res = await member.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: attemptId } });
    expect(res.statusCode).toBe(201);
    const attempt = res.json();
    expect(attempt).toMatchObject({ id: attemptId, number: 1, status: 'in-progress', secondsLeft: 600, result: null, answers: null });
    expect(attempt.deadlineAt).toBe('2026-05-25T13:10:00.000Z');
    expect(attempt.questions).toHaveLength(4);
    expect(res.body).not.toContain('"correct"');
    const retry = await member.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: attemptId } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().questions).toEqual(attempt.questions);
    // Another id while this one runs: refused, pointing at the running attempt.
    const twice = await member.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: randomUUID() } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.id).toBe('quiz.attempt-open');
    // The same id for someone else's attempt: refused.
    expect((await otherMember.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: attemptId } })).json().error.id).toBe('quiz.id-taken');
    const overview = (await member.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).json();
    expect(overview.mine).toMatchObject({ attemptsLeft: 1, openAttemptId: attemptId, counted: null });
    expect(JSON.stringify(overview)).not.toContain('"correct":[');
  });

  it("another member's attempt is not found (404), reading or submitting; another commune's member neither starts here nor sees it", async () => {
    for (const s of [otherMember, bithu, staff, foreignMember, foreignStaff]) {
      expect((await s.inject({ url: `/api/quiz/attempts/${attemptId}` })).statusCode).toBe(404);
      expect((await s.inject({ method: 'POST', url: `/api/quiz/attempts/${attemptId}/submit`, payload: { answers: {} } })).statusCode).toBe(404);
    }
    expect((await foreignMember.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: randomUUID() } })).statusCode).toBe(404);
    expect((await attemptRow(attemptId)).submittedAt).toBeNull();
  });

  it('bad answers are refused (400 with an id) and change nothing', async () => {
    const row = await attemptRow(attemptId);
    const s = row.questions.find((q) => q.kind === 'single') ?? row.questions[0]!;
    const cases: [Record<string, unknown>, string][] = [
      [{ [randomUUID()]: [0] }, 'quiz.answer-unknown-question'],
      [{ [s.id]: [9] }, 'quiz.answer-bad-option'],
      [{ [s.id]: [-1] }, 'quiz.answer-bad-option'],
      [{ [s.id]: ['A'] }, 'validation'],
    ];
    if (s.kind === 'single') cases.push([{ [s.id]: [0, 1] }, 'quiz.answer-one-option']);
    for (const [answers, id] of cases) {
      const res = await member.inject({ method: 'POST', url: `/api/quiz/attempts/${attemptId}/submit`, payload: { answers } });
      expect(res.statusCode, id).toBe(400);
      expect(res.json().error.id).toBe(id);
    }
    const after = await attemptRow(attemptId);
    expect(after.submittedAt).toBeNull();
    expect(after.answers).toBeNull();
  });

  it('submits within the time: graded (a multiple choice only when exactly right); a retry returns the result, other answers 409', async () => {
    vi.setSystemTime(new Date('2026-05-25T20:09:50+07:00'));
    const row = await attemptRow(attemptId);
    // All right except the first question, answered wrongly (a multiple choice: one option short).
    const answers: Record<string, number[]> = {};
    row.questions.forEach((q, i) => {
      answers[q.id] = i === 0 ? (q.kind === 'multiple' ? q.correct.slice(1) : [(q.correct[0]! + 1) % q.options.length]) : q.correct;
    });
    const res = await member.inject({ method: 'POST', url: `/api/quiz/attempts/${attemptId}/submit`, payload: { answers } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', result: { correct: 3, total: 4, score: 0.75 } });
    expect(res.json().result.results[0]).toEqual({ questionId: row.questions[0]!.id, correct: false });
    const again = await member.inject({ method: 'POST', url: `/api/quiz/attempts/${attemptId}/submit`, payload: { answers } });
    expect(again.statusCode).toBe(200);
    expect(again.json().result.score).toBe(0.75);
    const other = await member.inject({ method: 'POST', url: `/api/quiz/attempts/${attemptId}/submit`, payload: { answers: {} } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.id).toBe('quiz.already-submitted');
    expect((await attemptRow(attemptId)).score).toBe(0.75);
  });

  it('answers after the time limit and its 30 s grace are refused (400 quiz.time-up) and the attempt counts as 0', async () => {
    vi.setSystemTime(new Date('2026-05-26T07:00:00+07:00'));
    const id = randomUUID();
    const started = await member.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id } });
    expect(started.json().number).toBe(2);
    const row = await attemptRow(id);
    const answers = Object.fromEntries(row.questions.map((q) => [q.id, q.correct]));
    vi.setSystemTime(new Date('2026-05-26T07:10:31+07:00'));
    const late = await member.inject({ method: 'POST', url: `/api/quiz/attempts/${id}/submit`, payload: { answers } });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({ id: 'quiz.time-up', message: 'Đã hết thời gian làm bài: bài nộp sau thời hạn không được chấm.' });
    const after = await attemptRow(id);
    expect(after.submittedAt).toBeNull();
    expect(after.score).toBeNull();
    const overview = (await member.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).json();
    expect(overview.mine.attempts.map((a: { status: string; score: number | null }) => [a.status, a.score])).toEqual([['submitted', 0.75], ['expired', 0]]);
    expect(overview.mine.counted).toBe(0.75);
  });

  it('beyond the attempts limit: refused with its message (409 quiz.attempts-exhausted), nothing stored', async () => {
    const res = await member.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: randomUUID() } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ id: 'quiz.attempts-exhausted', message: 'Bạn đã làm đủ 2 lần cho phép của bài kiểm tra này, không thể làm thêm.' });
    expect(await t.database.db.select().from(quizAttempts).where(and(eq(quizAttempts.resolutionId, resolutionId), eq(quizAttempts.memberId, member.me.user.memberId!)))).toHaveLength(2);
  });

  it('the staff switch to "last": the expired attempt counts', async () => {
    const settings = (await staff.inject({ url: `/api/resolutions/${resolutionId}/quiz/questions` })).json().settings;
    await staff.inject({ method: 'PUT', url: `/api/resolutions/${resolutionId}/quiz/settings`, payload: { ...settings, counting: 'last' } });
    expect((await member.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).json().mine.counted).toBe(0);
    await staff.inject({ method: 'PUT', url: `/api/resolutions/${resolutionId}/quiz/settings`, payload: { ...settings, version: settings.version + 1, counting: 'best' } });
  });
});

describe('who takes it', () => {
  it('an office holder\'s account takes it as the member it stands for; an account that is no member is refused (409)', async () => {
    vi.setSystemTime(new Date('2026-05-27T08:00:00+07:00'));
    const overview = (await staff.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).json();
    expect(overview.canTake).toBe(true);
    expect(overview.mine).toMatchObject({ attempts: [], attemptsLeft: 2 });
    const before = (await t.database.db.select({ n: count() }).from(quizAttempts))[0]!.n;
    const refused = await ubnd.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id: randomUUID() } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.id).toBe('quiz.not-a-member');
    expect((await ubnd.inject({ url: `/api/resolutions/${resolutionId}/quiz` })).json()).toMatchObject({ canTake: false, mine: null });
    expect((await t.database.db.select({ n: count() }).from(quizAttempts))[0]!.n).toBe(before);
  });
});

describe('results by cell and the yearly record', () => {
  beforeAll(async () => {
    vi.setSystemTime(new Date('2026-05-27T19:00:00+07:00'));
    const id = randomUUID();
    await otherMember.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/quiz/attempts`, payload: { id } });
    const row = await attemptRow(id);
    await otherMember.inject({ method: 'POST', url: `/api/quiz/attempts/${id}/submit`, payload: { answers: Object.fromEntries(row.questions.map((q) => [q.id, q.correct])) } });
  });

  it('the ward staff and the leadership see every cell; a secretary their own; a member 403; another commune 404', async () => {
    for (const s of [staff, leader]) {
      const res = await s.inject({ url: `/api/resolutions/${resolutionId}/quiz/results` });
      expect(res.statusCode).toBe(200);
      const cells = res.json().cells;
      expect(cells.map((c: { cellName: string }) => c.cellName)).toEqual(['Chi bộ Tràng Đà 1', 'Chi bộ Tràng Đà 2']);
      expect(cells[0]).toMatchObject({ taken: 1, average: 0.75 });
      expect(cells[1]).toMatchObject({ cellId: otherCellId, taken: 1, average: 1, members: [{ fullName: 'Lê Thị Thử Bài', attempts: 1, counted: 1 }] });
    }
    const own = (await bithu.inject({ url: `/api/resolutions/${resolutionId}/quiz/results` })).json();
    expect(own.cells.map((c: { cellName: string }) => c.cellName)).toEqual(['Chi bộ Tràng Đà 1']);
    expect((await member.inject({ url: `/api/resolutions/${resolutionId}/quiz/results` })).statusCode).toBe(403);
    expect((await foreignStaff.inject({ url: `/api/resolutions/${resolutionId}/quiz/results` })).statusCode).toBe(404);
  });

  it('quizRecord(tx, tenantId, memberId, year): the counted score 0–1 and the attempts, by resolution, of that year only', async () => {
    const record = await quizRecord(t.database.db, communeId, member.me.user.memberId!, 2026);
    expect(record.get(resolutionId)).toEqual({ best: 0.75, attempts: 2 });
    expect((await quizRecord(t.database.db, communeId, member.me.user.memberId!, 2025)).has(resolutionId)).toBe(false);
    expect((await quizRecord(t.database.db, communeId, otherMember.me.user.memberId!, 2026)).get(resolutionId)).toEqual({ best: 1, attempts: 1 });
  });
});
