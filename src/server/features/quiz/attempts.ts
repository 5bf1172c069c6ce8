// A member's quiz attempts: the overview of a resolution's quiz with the member's own attempts; start
// (the phone names the id: a retry finds the attempt; the draw and the deadline stored); read; submit
// (graded at once, refused after the time limit). Every write is transactional and audited.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { users } from '../../auth/tables';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { notFound } from '../../errors';
import { now } from '../../clock';
import { recordAudit } from '../audit/service';
import type { Resolution } from '../resolutions/tables';
import { members } from '../members/tables';
import { attemptsLeft, answersProblem, countedScore, deadlineOf, drawQuestions, GRACE_SECONDS, gradeAttempt, isTooLate, secondsLeft, type Answers } from '../../../domain/quiz';
import { canManageQuiz, canTakeQuiz, canViewQuizResults } from './policy';
import { alreadySubmitted, attemptOpen, attemptsExhausted, badAnswers, idTaken, notAMember, quizClosed, quizEmpty, startedMeanwhile, timeUp } from './errors';
import { quizAttempts, type QuizAttempt } from './tables';
import { asks, bankOf, describeSettings, loadFor, settingsOf } from './service';

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
