// A resolution's quiz: the ward staff's question bank and settings (client-chosen ids, versioned edits),
// a member's attempts (start with an idempotency key: the draw and the deadline stored; submit: graded
// at once, refused after the time limit), and the results by cell. Every write is transactional and
// audited. The rules themselves (draw, grading, time, attempts) are src/domain/quiz.ts.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { users } from '../../auth/tables';
import { sortByVietnameseName } from '../../../domain/vietnamese-names';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor, UnitRef } from '../../auth/actor';
import { conflict, forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { loadResolution } from '../resolutions/service';
import type { Resolution } from '../resolutions/tables';
import { loadUnit, toRef } from '../units/service';
import { members } from '../members/tables';
import { units } from '../units/tables';
import {
  answersProblem,
  attemptsLeft,
  countedScore,
  deadlineOf,
  drawQuestions,
  GRACE_SECONDS,
  gradeAttempt,
  isTooLate,
  questionProblem,
  secondsLeft,
  type Answers,
  type CountingRule,
} from '../../../domain/quiz';
import { canManageQuiz, canTakeQuiz, canViewQuiz, canViewQuizResults } from './policy';
import { alreadySubmitted, attemptOpen, attemptsExhausted, badAnswers, badQuestion, idTaken, notAMember, quizClosed, quizEmpty, startedMeanwhile, timeUp } from './errors';
import { quizAttempts, quizQuestions, quizSettings, type QuizAttempt, type QuizQuestionRow, type QuizSettings } from './tables';
import type { QuestionCreateInput, QuestionUpdateInput, SettingsInput } from './schema';

/** Cells by name, numbers as numbers: "Tràng Đà 2" before "Tràng Đà 10". */
const cellOrder = new Intl.Collator('vi', { numeric: true }).compare;

type Ask = readonly [(actor: Actor, commune: UnitRef) => boolean, string];
const asks = {
  view: [canViewQuiz, 'xem bài kiểm tra của nghị quyết này'],
  manage: [canManageQuiz, 'quản lý câu hỏi và thiết lập bài kiểm tra của nghị quyết này'],
  take: [canTakeQuiz, 'làm bài kiểm tra của nghị quyết này'],
} as const satisfies Record<string, Ask>;

/** The resolution (404 when not visible) with its commune, the actor allowed by the named policy (403). */
async function loadFor(db: DbOrTx, actor: Actor, resolutionId: string, ask: Ask) {
  const resolution = await loadResolution(db, actor, resolutionId, ask);
  const commune = toRef(await loadUnit(db, resolution.tenantId));
  return { resolution, commune };
}

async function settingsOf(db: DbOrTx, r: Pick<Resolution, 'tenantId' | 'id'>): Promise<QuizSettings | null> {
  const [row] = await db.select().from(quizSettings).where(and(eq(quizSettings.tenantId, r.tenantId), eq(quizSettings.resolutionId, r.id)));
  return row ?? null;
}

const describeSettings = (s: QuizSettings | null) =>
  s && { questionCount: s.questionCount, timeLimitMinutes: s.timeLimitMinutes, attemptsLimit: s.attemptsLimit, counting: s.counting, open: s.open, version: s.version };

const describeQuestion = (q: QuizQuestionRow) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options, correct: q.correct, version: q.version });

async function bankOf(db: DbOrTx, r: Pick<Resolution, 'tenantId' | 'id'>) {
  return db
    .select()
    .from(quizQuestions)
    .where(and(eq(quizQuestions.tenantId, r.tenantId), eq(quizQuestions.resolutionId, r.id)))
    .orderBy(asc(quizQuestions.createdAt), asc(quizQuestions.id));
}

/** GET /api/resolutions/:id/quiz/questions: the bank with the correct options, and the settings. */
export async function questionBank(db: DbOrTx, actor: Actor, resolutionId: string) {
  const { resolution } = await loadFor(db, actor, resolutionId, asks.manage);
  return {
    resolutionId: resolution.id,
    number: resolution.number,
    subject: resolution.subject,
    settings: describeSettings(await settingsOf(db, resolution)),
    questions: (await bankOf(db, resolution)).map(describeQuestion),
  };
}

function cleanQuestion(input: Pick<QuestionCreateInput, 'kind' | 'text' | 'options' | 'correct'>) {
  const q = { kind: input.kind, text: input.text.trim(), options: input.options.map((o) => o.trim()), correct: [...new Set(input.correct)].sort((a, b) => a - b) };
  const problem = questionProblem(q);
  if (problem) throw badQuestion(problem);
  return q;
}

/** POST /api/resolutions/:id/quiz/questions: the client names the id, so a retry finds the question. */
export async function createQuestion(db: Db, actor: Actor, resolutionId: string, input: QuestionCreateInput) {
  return db.transaction(async (tx) => {
    const { resolution } = await loadFor(tx, actor, resolutionId, asks.manage);
    const [existing] = await tx.select().from(quizQuestions).where(eq(quizQuestions.id, input.id));
    if (existing) {
      if (existing.tenantId !== resolution.tenantId || existing.resolutionId !== resolution.id) throw idTaken();
      return { created: false, question: describeQuestion(existing) };
    }
    const q = cleanQuestion(input);
    const [row] = await tx
      .insert(quizQuestions)
      .values({ tenantId: resolution.tenantId, id: input.id, resolutionId: resolution.id, ...q, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, { tenantId: resolution.tenantId, actorId: actor.userId, action: 'quiz.question.create', entity: 'quiz-question', entityId: row!.id, after: row });
    return { created: true, question: describeQuestion(row!) };
  });
}

/** A question of the bank by id, the actor allowed to manage its resolution's quiz. */
async function loadQuestionFor(db: DbOrTx, actor: Actor, id: string) {
  const [question] = await db.select().from(quizQuestions).where(eq(quizQuestions.id, id));
  if (!question) throw notFound('quiz-question');
  try {
    await loadFor(db, actor, question.resolutionId, asks.manage);
  } catch (e) {
    // A question of a resolution the actor may not read is not found, whatever the policy says.
    if ((e as { status?: number }).status === 404) throw notFound('quiz-question');
    throw e;
  }
  return question;
}

const questionKey = (q: Pick<QuizQuestionRow, 'tenantId' | 'id'>) => and(eq(quizQuestions.tenantId, q.tenantId), eq(quizQuestions.id, q.id));

/** PATCH /api/quiz/questions/:id: version-conditional (409 with the question as it is now). */
export async function updateQuestion(db: Db, actor: Actor, id: string, input: QuestionUpdateInput) {
  return db.transaction(async (tx) => {
    const question = await loadQuestionFor(tx, actor, id);
    if (input.version !== question.version) throw conflict('quiz-question', describeQuestion(question));
    const q = cleanQuestion(input);
    const updated = await updateVersioned(tx, quizQuestions, questionKey(question), input.version, { ...q, updatedAt: now() }, {
      entity: 'quiz-question',
      current: async () => {
        const [row] = await tx.select().from(quizQuestions).where(questionKey(question));
        return row && describeQuestion(row);
      },
    });
    await recordAudit(tx, { tenantId: question.tenantId, actorId: actor.userId, action: 'quiz.question.update', entity: 'quiz-question', entityId: id, before: question, after: updated });
    return describeQuestion(updated);
  });
}

/** DELETE /api/quiz/questions/:id?version=n. Attempts keep their copy of the question. */
export async function deleteQuestion(db: Db, actor: Actor, id: string, version: number) {
  await db.transaction(async (tx) => {
    const question = await loadQuestionFor(tx, actor, id);
    const [gone] = await tx.delete(quizQuestions).where(and(questionKey(question), eq(quizQuestions.version, version))).returning();
    if (!gone) throw conflict('quiz-question', describeQuestion(question));
    await recordAudit(tx, { tenantId: question.tenantId, actorId: actor.userId, action: 'quiz.question.delete', entity: 'quiz-question', entityId: id, before: question });
  });
}

/** PUT /api/resolutions/:id/quiz/settings: version 0 sets the quiz up, later saves name the version. */
export async function saveSettings(db: Db, actor: Actor, resolutionId: string, input: SettingsInput) {
  return db.transaction(async (tx) => {
    const { resolution } = await loadFor(tx, actor, resolutionId, asks.manage);
    const before = await settingsOf(tx, resolution);
    const { version, ...values } = input;
    const fresh = { tenantId: resolution.tenantId, resolutionId: resolution.id, ...values, updatedBy: actor.userId };
    const key = and(eq(quizSettings.tenantId, resolution.tenantId), eq(quizSettings.resolutionId, resolution.id));
    const saved = await updateVersioned(tx, quizSettings, key, version, { ...values, updatedBy: actor.userId, updatedAt: now() }, {
      entity: 'quiz-settings',
      current: async () => describeSettings(await settingsOf(tx, resolution)),
      create: { absentVersion: 0, target: [quizSettings.tenantId, quizSettings.resolutionId], values: fresh },
    });
    await recordAudit(tx, { tenantId: resolution.tenantId, actorId: actor.userId, action: 'quiz.settings', entity: 'quiz-settings', entityId: resolution.id, before, after: saved });
    return describeSettings(saved)!;
  });
}

// ── Attempts ────────────────────────────────────────────────────────────────────────────────────

type AttemptStatus = 'in-progress' | 'submitted' | 'expired';

/** Submitted; past its deadline and grace without a submission (counts as 0); or still running. */
export function statusOf(a: Pick<QuizAttempt, 'submittedAt' | 'deadlineAt'>, at: Date): AttemptStatus {
  if (a.submittedAt) return 'submitted';
  return isTooLate(a.deadlineAt, at) ? 'expired' : 'in-progress';
}

/** The score an attempt has once finished (0–1): its grade, or 0 when it expired; null while running. */
export function finishedScore(a: Pick<QuizAttempt, 'submittedAt' | 'deadlineAt' | 'score'>, at: Date): number | null {
  const status = statusOf(a, at);
  if (status === 'submitted') return a.score ?? 0;
  return status === 'expired' ? 0 : null;
}

function describeAttempt(a: QuizAttempt) {
  const at = now();
  const status = statusOf(a, at);
  return {
    id: a.id,
    resolutionId: a.resolutionId,
    number: a.number,
    status,
    startedAt: a.startedAt.toISOString(),
    deadlineAt: a.deadlineAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    secondsLeft: status === 'in-progress' ? secondsLeft(a.deadlineAt, at) : 0,
    questions: a.questions.map(({ id, kind, text, options }) => ({ id, kind, text, options })),
    answers: a.answers ?? null,
    result: a.submittedAt ? { ...gradeAttempt(a.questions, a.answers ?? {}) } : null,
  };
}

const summarise = (a: QuizAttempt) => {
  const status = statusOf(a, now());
  return {
    id: a.id,
    number: a.number,
    status,
    startedAt: a.startedAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    correct: status === 'submitted' ? a.correctCount : status === 'expired' ? 0 : null,
    total: a.questions.length,
    score: finishedScore(a, now()),
  };
};

/**
 * The actor's member row in the commune, still a member (or null): the account's member, or the member
 * its person is (an office holder's account, like the Văn phòng's, stands for a party member too).
 */
async function memberOf(db: DbOrTx, actor: Actor, communeId: string) {
  if (actor.communeId !== communeId) return null;
  let m;
  if (actor.memberId) {
    [m] = await db.select().from(members).where(and(eq(members.tenantId, communeId), eq(members.id, actor.memberId)));
  } else {
    [m] = await db
      .select({ member: members })
      .from(users)
      .innerJoin(members, and(eq(members.tenantId, communeId), eq(members.personId, users.personId)))
      .where(and(eq(users.id, actor.userId), eq(users.tenantId, communeId), isNull(members.leftOn)))
      .then((rows) => rows.map((r) => r.member));
  }
  return m && m.leftOn === null ? m : null;
}

async function attemptsOf(db: DbOrTx, r: Pick<Resolution, 'tenantId' | 'id'>, memberId: string) {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.tenantId, r.tenantId), eq(quizAttempts.resolutionId, r.id), eq(quizAttempts.memberId, memberId)))
    .orderBy(asc(quizAttempts.number));
}

/** GET /api/resolutions/:id/quiz: the settings, and the actor's own attempts when they are a member. */
export async function quizOverview(db: DbOrTx, actor: Actor, resolutionId: string) {
  const { resolution, commune } = await loadFor(db, actor, resolutionId, asks.view);
  const settings = await settingsOf(db, resolution);
  const bank = await bankOf(db, resolution);
  const member = canTakeQuiz(actor, commune) ? await memberOf(db, actor, commune.id) : null;
  let mine = null;
  if (member) {
    const attempts = await attemptsOf(db, resolution, member.id);
    const finished = attempts.flatMap((a) => {
      const score = finishedScore(a, now());
      return score === null ? [] : [{ number: a.number, score }];
    });
    mine = {
      attempts: attempts.map(summarise),
      attemptsLeft: settings ? attemptsLeft(settings.attemptsLimit, attempts.length) : 0,
      counted: settings ? countedScore(finished, settings.counting) : null,
      openAttemptId: attempts.find((a) => statusOf(a, now()) === 'in-progress')?.id ?? null,
    };
  }
  return {
    resolutionId: resolution.id,
    number: resolution.number,
    subject: resolution.subject,
    settings: describeSettings(settings),
    bankSize: bank.length,
    canManage: canManageQuiz(actor, commune),
    canTake: !!member && !!settings?.open && bank.length > 0,
    canViewResults: canViewQuizResults(actor, commune) || actor.grants.some((g) => g.role === 'cellSecretary' && g.unitTenantId === commune.id),
    mine,
  };
}

/**
 * POST /api/resolutions/:id/quiz/attempts: the phone names the attempt's id (a retry returns the same
 * attempt, created: false). Draws the questions at random (`random`, injectable), stores the draw and
 * the deadline. Refused: quiz closed or empty, the member's attempts used up, an attempt still running.
 */
export async function startAttempt(db: Db, actor: Actor, resolutionId: string, id: string, random: () => number = Math.random) {
  return db.transaction(async (tx) => {
    const { resolution, commune } = await loadFor(tx, actor, resolutionId, asks.take);
    const member = await memberOf(tx, actor, commune.id);
    if (!member) throw notAMember();
    const [existing] = await tx.select().from(quizAttempts).where(eq(quizAttempts.id, id));
    if (existing) {
      if (existing.tenantId !== resolution.tenantId || existing.resolutionId !== resolution.id || existing.memberId !== member.id) throw idTaken();
      return { created: false, attempt: describeAttempt(existing) };
    }
    const settings = await settingsOf(tx, resolution);
    if (!settings?.open) throw quizClosed();
    const previous = await attemptsOf(tx, resolution, member.id);
    const running = previous.find((a) => statusOf(a, now()) === 'in-progress');
    if (running) throw attemptOpen(running.id);
    if (attemptsLeft(settings.attemptsLimit, previous.length) === 0) throw attemptsExhausted(settings.attemptsLimit);
    const bank = await bankOf(tx, resolution);
    if (bank.length === 0) throw quizEmpty();
    const drawn = drawQuestions(bank, settings.questionCount, random).map(({ id: qid, kind, text, options, correct }) => ({ id: qid, kind, text, options, correct }));
    const startedAt = now();
    const [row] = await tx
      .insert(quizAttempts)
      .values({
        tenantId: resolution.tenantId,
        id,
        resolutionId: resolution.id,
        memberId: member.id,
        cellId: member.cellId,
        number: previous.length + 1,
        questions: drawn,
        startedAt,
        deadlineAt: deadlineOf(startedAt, settings.timeLimitMinutes),
        createdBy: actor.userId,
      })
      // Two starts at once: the (member, number) index lets one in; the other is refused, not a 500.
      .onConflictDoNothing()
      .returning();
    if (!row) throw startedMeanwhile();
    await recordAudit(tx, { tenantId: resolution.tenantId, actorId: actor.userId, action: 'quiz.attempt.start', entity: 'quiz-attempt', entityId: id, after: { number: row!.number, questions: drawn.map((q) => q.id) } });
    return { created: true, attempt: describeAttempt(row!) };
  });
}

/** An attempt by id: its own member only (anyone else: 404, as if it did not exist). */
async function loadOwnAttempt(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const query = db.select().from(quizAttempts).where(eq(quizAttempts.id, id));
  const [attempt] = lock ? await query.for('update') : await query;
  if (!attempt || attempt.tenantId !== actor.communeId) throw notFound('quiz-attempt');
  const member = await memberOf(db, actor, attempt.tenantId);
  if (!member || attempt.memberId !== member.id) throw notFound('quiz-attempt');
  return attempt;
}

/** GET /api/quiz/attempts/:id: the member's own attempt (questions without their answers). */
export async function getAttempt(db: DbOrTx, actor: Actor, id: string) {
  return describeAttempt(await loadOwnAttempt(db, actor, id));
}

const sameAnswers = (a: Answers, b: Answers) => {
  const norm = (x: Answers) => JSON.stringify(Object.keys(x).sort().map((k) => [k, [...new Set(x[k])].sort((p, q) => p - q)]).filter(([, v]) => (v as number[]).length > 0));
  return norm(a) === norm(b);
};

/**
 * POST /api/quiz/attempts/:id/submit: graded at once. Refused after the deadline plus the grace
 * (400 quiz.time-up), answers that do not fit the draw (400). A second submit with the same answers
 * (a phone's retry) returns the result again; with other answers it is refused (409).
 */
export async function submitAttempt(db: Db, actor: Actor, id: string, answers: Answers) {
  return db.transaction(async (tx) => {
    const attempt = await loadOwnAttempt(tx, actor, id, true);
    const problem = answersProblem(attempt.questions, answers);
    if (problem) throw badAnswers(problem);
    if (attempt.submittedAt) {
      if (!sameAnswers(attempt.answers ?? {}, answers)) throw alreadySubmitted();
      return describeAttempt(attempt);
    }
    const at = now();
    if (isTooLate(attempt.deadlineAt, at, GRACE_SECONDS)) throw timeUp();
    const kept: Answers = Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, [...new Set(v)].sort((p, q) => p - q)]));
    const grade = gradeAttempt(attempt.questions, kept);
    const [row] = await tx
      .update(quizAttempts)
      .set({ submittedAt: at, answers: kept, correctCount: grade.correct, score: grade.score })
      .where(and(eq(quizAttempts.tenantId, attempt.tenantId), eq(quizAttempts.id, attempt.id)))
      .returning();
    await recordAudit(tx, { tenantId: attempt.tenantId, actorId: actor.userId, action: 'quiz.attempt.submit', entity: 'quiz-attempt', entityId: id, after: { answers: kept, correct: grade.correct, total: grade.total, score: grade.score } });
    return describeAttempt(row!);
  });
}

/**
 * GET /api/resolutions/:id/quiz/results: per cell, each member who took the quiz with their attempts
 * and the score that counts (the ward's rule). The ward's overseers see every cell; a secretary their own.
 */
export async function quizResults(db: DbOrTx, actor: Actor, resolutionId: string) {
  const { resolution, commune } = await loadFor(db, actor, resolutionId, asks.view);
  const settings = await settingsOf(db, resolution);
  const rows = await db
    .select({ attempt: quizAttempts, fullName: members.fullName, cellName: units.name, cellPath: units.path, cellKind: units.kind })
    .from(quizAttempts)
    .innerJoin(members, and(eq(members.tenantId, quizAttempts.tenantId), eq(members.id, quizAttempts.memberId)))
    .innerJoin(units, and(eq(units.tenantId, quizAttempts.tenantId), eq(units.id, quizAttempts.cellId)))
    .where(and(eq(quizAttempts.tenantId, resolution.tenantId), eq(quizAttempts.resolutionId, resolution.id)))
    .orderBy(asc(quizAttempts.number));
  const canSeeAll = canViewQuizResults(actor, commune);
  const visible = rows.filter((r) => canSeeAll || canViewQuizResults(actor, { id: r.attempt.cellId, path: r.cellPath, kind: r.cellKind, tenantId: r.attempt.tenantId }));
  if (!canSeeAll && !actor.grants.some((g) => g.role === 'cellSecretary' && g.unitTenantId === commune.id)) throw forbidden('xem kết quả bài kiểm tra');
  const rule: CountingRule = settings?.counting ?? 'best';
  const cells = new Map<string, { cellId: string; cellName: string; byMember: Map<string, { memberId: string; fullName: string; attempts: QuizAttempt[] }> }>();
  for (const r of visible) {
    const cell = cells.get(r.attempt.cellId) ?? { cellId: r.attempt.cellId, cellName: r.cellName, byMember: new Map() };
    cells.set(r.attempt.cellId, cell);
    const m = cell.byMember.get(r.attempt.memberId) ?? { memberId: r.attempt.memberId, fullName: r.fullName, attempts: [] };
    cell.byMember.set(r.attempt.memberId, m);
    m.attempts.push(r.attempt);
  }
  const at = now();
  return {
    counting: settings?.counting ?? null,
    // Cells by name; members by given name (Vietnamese order).
    cells: [...cells.values()].sort((a, b) => cellOrder(a.cellName, b.cellName)).map((c) => {
      const list = sortByVietnameseName([...c.byMember.values()], (m) => m.fullName).map((m) => ({
        memberId: m.memberId,
        fullName: m.fullName,
        attempts: m.attempts.length,
        counted: countedScore(m.attempts.flatMap((a) => (finishedScore(a, at) === null ? [] : [{ number: a.number, score: finishedScore(a, at)! }])), rule),
      }));
      const scored = list.filter((m) => m.counted !== null).map((m) => m.counted!);
      return { cellId: c.cellId, cellName: c.cellName, members: list, taken: list.length, average: scored.length ? scored.reduce((s, x) => s + x, 0) / scored.length : null };
    }),
  };
}
