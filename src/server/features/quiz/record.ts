// The quiz's part of a member's yearly record (issue 14, item 5): for each resolution whose quiz the
// member took in the year, the score that counts and the number of attempts.
//
// `best` is the counted score as a fraction 0–1 (correct answers / questions drawn), by the ward's
// choice for that resolution (quiz_settings.counting): the best finished attempt or the last one. A
// finished attempt is a submitted one, or one not submitted by its deadline (plus the grace), which
// scores 0. `best` is null while no attempt is finished (one still running). `attempts` counts every
// attempt started. The year is the calendar year in Việt Nam (Asia/Ho_Chi_Minh) of the attempt's start.
// No access check: the caller (the record's route) has made it.
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { now } from '../../clock';
import { countedScore } from '../../../domain/quiz';
import { quizAttempts, quizSettings } from './tables';
import { finishedScore } from './attempts';

export interface QuizRecordEntry {
  /** The counted score, 0–1 (best or last attempt as the ward chose); null when none is finished. */
  best: number | null;
  attempts: number;
}

export async function quizRecord(tx: DbOrTx, tenantId: string, memberId: string, year: number): Promise<Map<string, QuizRecordEntry>> {
  const all = await quizRecords(tx, tenantId, [memberId], year);
  return new Map([...all].map(([key, entry]) => [key.slice(memberId.length + 1), entry]));
}

/** The same for several members at once (a cell's record): keyed `${memberId}:${resolutionId}`. */
export async function quizRecords(tx: DbOrTx, tenantId: string, memberIds: readonly string[], year: number): Promise<Map<string, QuizRecordEntry>> {
  if (memberIds.length === 0) return new Map();
  const from = new Date(`${year}-01-01T00:00:00+07:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+07:00`);
  const rows = await tx
    .select({ attempt: quizAttempts, counting: quizSettings.counting })
    .from(quizAttempts)
    .leftJoin(quizSettings, and(eq(quizSettings.tenantId, quizAttempts.tenantId), eq(quizSettings.resolutionId, quizAttempts.resolutionId)))
    .where(and(eq(quizAttempts.tenantId, tenantId), inArray(quizAttempts.memberId, [...memberIds]), gte(quizAttempts.startedAt, from), lt(quizAttempts.startedAt, to)))
    .orderBy(asc(quizAttempts.memberId), asc(quizAttempts.resolutionId), asc(quizAttempts.number));
  const at = now();
  const byResolution = new Map<string, { counting: 'best' | 'last'; finished: { number: number; score: number }[]; attempts: number }>();
  for (const { attempt, counting } of rows) {
    const key = `${attempt.memberId}:${attempt.resolutionId}`;
    const entry = byResolution.get(key) ?? { counting: counting ?? 'best', finished: [], attempts: 0 };
    byResolution.set(key, entry);
    entry.attempts += 1;
    const score = finishedScore(attempt, at);
    if (score !== null) entry.finished.push({ number: attempt.number, score });
  }
  return new Map([...byResolution].map(([id, e]) => [id, { best: countedScore(e.finished, e.counting), attempts: e.attempts }]));
}
