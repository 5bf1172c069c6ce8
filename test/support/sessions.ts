// Helpers for the study-session tests: an issued plan's session of a named cell.
import { eq } from 'drizzle-orm';
import type { Session, TestApp } from './app';
import { issueImportedPlan } from './fixtures';
import { findUnit } from './factories';
import { studySessions } from '../../src/server/features/study-sessions/tables';
import { rubricItems, type RubricContent } from '../../src/domain/rubrics';

/** Issues the fixture plan on `issuedOn` and returns the plan and the session of `cellName`. */
export async function sessionOfCell(t: TestApp, staff: Session, leader: Session, cellName: string, issuedOn = '2026-05-15') {
  const plan = await issueImportedPlan(staff, leader, { issuedOn });
  const cell = await findUnit(t.database, cellName);
  const rows = await t.database.db.select().from(studySessions).where(eq(studySessions.planId, plan.id));
  const session = rows.find((r) => r.unitId === cell.id);
  if (!session) throw new Error(`no session for ${cellName}`);
  return { plan, cell, sessionId: session.id };
}

export const detailOf = async (s: Session, id: string) => (await s.inject({ url: `/api/sessions/${id}` })).json();

/** Full marks on every item of a rubric as the API answers it: the scores a test's report sends. */
export const fullMarks = (rubric: Pick<RubricContent, 'groups'>) => rubricItems(rubric).map((i) => ({ itemId: i.id, points: i.maxPoints }));
