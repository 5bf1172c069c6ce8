// A resolution's quiz results by cell: each member who took it, their attempts and the score that
// counts by the ward's rule.
import { and, asc, eq } from 'drizzle-orm';
import { sortByVietnameseName } from '../../../domain/vietnamese-names';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden } from '../../errors';
import { now } from '../../clock';
import { members } from '../members/tables';
import { units } from '../units/tables';
import { countedScore, type CountingRule } from '../../../domain/quiz';
import { canViewQuizResults } from './policy';
import { quizAttempts, type QuizAttempt } from './tables';
import { asks, loadFor, settingsOf } from './service';
import { finishedScore } from './attempts';

/** Cells by name, numbers as numbers: "Tràng Đà 2" before "Tràng Đà 10". */
const cellOrder = new Intl.Collator('vi', { numeric: true }).compare;

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
