// A resolution's quiz: the ward staff's question bank and settings (client-chosen ids, versioned edits),
// and what the attempts (./attempts.ts) and the results (./results.ts) share: the resolution loaded
// for a named policy, its settings and its bank. Every write is transactional and audited. The rules
// themselves (draw, grading, time, attempts) are src/domain/quiz.ts.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor, UnitRef } from '../../auth/actor';
import { conflict, notFound } from '../../errors';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { loadResolution } from '../resolutions/service';
import type { Resolution } from '../resolutions/tables';
import { loadUnit, toRef } from '../units/service';
import { questionProblem } from '../../../domain/quiz';
import { canManageQuiz, canTakeQuiz, canViewQuiz } from './policy';
import { badQuestion, idTaken } from './errors';
import { quizQuestions, quizSettings, type QuizQuestionRow, type QuizSettings } from './tables';
import type { QuestionCreateInput, QuestionUpdateInput, SettingsInput } from './schema';

type Ask = readonly [(actor: Actor, commune: UnitRef) => boolean, string];
export const asks = {
  view: [canViewQuiz, 'xem bài kiểm tra của nghị quyết này'],
  manage: [canManageQuiz, 'quản lý câu hỏi và thiết lập bài kiểm tra của nghị quyết này'],
  take: [canTakeQuiz, 'làm bài kiểm tra của nghị quyết này'],
} as const satisfies Record<string, Ask>;

/** The resolution (404 when not visible) with its commune, the actor allowed by the named policy (403). */
export async function loadFor(db: DbOrTx, actor: Actor, resolutionId: string, ask: Ask) {
  const resolution = await loadResolution(db, actor, resolutionId, ask);
  const commune = toRef(await loadUnit(db, resolution.tenantId));
  return { resolution, commune };
}

export async function settingsOf(db: DbOrTx, r: Pick<Resolution, 'tenantId' | 'id'>): Promise<QuizSettings | null> {
  const [row] = await db.select().from(quizSettings).where(and(eq(quizSettings.tenantId, r.tenantId), eq(quizSettings.resolutionId, r.id)));
  return row ?? null;
}

export const describeSettings = (s: QuizSettings | null) =>
  s && { questionCount: s.questionCount, timeLimitMinutes: s.timeLimitMinutes, attemptsLimit: s.attemptsLimit, counting: s.counting, open: s.open, version: s.version };

const describeQuestion = (q: QuizQuestionRow) => ({ id: q.id, kind: q.kind, text: q.text, options: q.options, correct: q.correct, version: q.version });

export async function bankOf(db: DbOrTx, r: Pick<Resolution, 'tenantId' | 'id'>) {
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
