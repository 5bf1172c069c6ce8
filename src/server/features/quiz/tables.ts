// The optional quiz of a resolution (issue 14, item 4): the ward's settings, its question bank, and the
// members' attempts. Tenant-keyed (decision 017): primary keys (tenant_id, …), composite foreign keys.
// An attempt keeps the questions it drew as they were (text, options, correct ones), so editing or
// deleting a question of the bank never changes an attempt already made.
import { boolean, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { resolutions } from '../resolutions/tables';
import { members } from '../members/tables';
import { units } from '../units/tables';
import type { Answers, CountingRule, QuestionKind, QuizQuestion } from '../../../domain/quiz';

/** One row per resolution that has a quiz; absent: no quiz (version 0 on the first save). */
export const quizSettings = pgTable(
  'quiz_settings',
  {
    tenantId: uuid('tenant_id').notNull(),
    resolutionId: uuid('resolution_id').notNull(),
    /** Questions drawn at random for each attempt. */
    questionCount: integer('question_count').notNull(),
    timeLimitMinutes: integer('time_limit_minutes').notNull(),
    attemptsLimit: integer('attempts_limit').notNull(),
    /** Which finished attempt counts in the member's record: the best or the last. */
    counting: text('counting').$type<CountingRule>().notNull(),
    /** Members may start attempts only while open. */
    open: boolean('open').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.resolutionId] }),
    foreignKey({ columns: [t.tenantId, t.resolutionId], foreignColumns: [resolutions.tenantId, resolutions.id], name: 'quiz_settings_resolution_fk' }),
  ],
);
export type QuizSettings = typeof quizSettings.$inferSelect;

export const quizQuestions = pgTable(
  'quiz_questions',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** Chosen by the client: a retried create finds the question instead of adding a twin. */
    id: uuid('id').notNull(),
    resolutionId: uuid('resolution_id').notNull(),
    kind: text('kind').$type<QuestionKind>().notNull(),
    text: text('text').notNull(),
    options: jsonb('options').$type<string[]>().notNull(),
    /** Indexes (0-based) of the correct options. Never sent to a member. */
    correct: jsonb('correct').$type<number[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('quiz_questions_id_idx').on(t.id),
    index('quiz_questions_resolution_idx').on(t.tenantId, t.resolutionId, t.createdAt),
    foreignKey({ columns: [t.tenantId, t.resolutionId], foreignColumns: [resolutions.tenantId, resolutions.id], name: 'quiz_questions_resolution_fk' }),
  ],
);
export type QuizQuestionRow = typeof quizQuestions.$inferSelect;

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** Chosen by the phone (the idempotency key): a retried start finds the attempt. */
    id: uuid('id').notNull(),
    resolutionId: uuid('resolution_id').notNull(),
    memberId: uuid('member_id').notNull(),
    /** The member's cell when the attempt started: the ward's results by cell. */
    cellId: uuid('cell_id').notNull(),
    /** 1, 2, 3…: unique per member and resolution, so two starts at once cannot pass the limit. */
    number: integer('number').notNull(),
    /** The questions drawn, in order, as they were (the correct ones kept for grading). */
    questions: jsonb('questions').$type<QuizQuestion[]>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    answers: jsonb('answers').$type<Answers>(),
    correctCount: integer('correct_count'),
    /** correct / total, 0–1; null until submitted (an attempt not submitted by its deadline counts as 0). */
    score: doublePrecision('score'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('quiz_attempts_id_idx').on(t.id),
    uniqueIndex('quiz_attempts_member_number_uq').on(t.tenantId, t.resolutionId, t.memberId, t.number),
    index('quiz_attempts_cell_idx').on(t.tenantId, t.resolutionId, t.cellId),
    foreignKey({ columns: [t.tenantId, t.resolutionId], foreignColumns: [resolutions.tenantId, resolutions.id], name: 'quiz_attempts_resolution_fk' }),
    foreignKey({ columns: [t.tenantId, t.memberId], foreignColumns: [members.tenantId, members.id], name: 'quiz_attempts_member_fk' }),
    foreignKey({ columns: [t.tenantId, t.cellId], foreignColumns: [units.tenantId, units.id], name: 'quiz_attempts_cell_fk' }),
  ],
);
export type QuizAttempt = typeof quizAttempts.$inferSelect;
