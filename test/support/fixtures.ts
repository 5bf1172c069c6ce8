// The real plan (the demo seed's copy of shared/fixtures/ke-hoach-91-NQ-TU.md, kept in the repository so
// that a clone anywhere runs its tests), and the steps that take a plan from draft to issued.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Session } from './app';

export const planFixturePath = fileURLToPath(new URL('../../src/server/seed/data/ke-hoach-91-NQ-TU.md', import.meta.url));
export const planFixture = readFileSync(planFixturePath, 'utf8');

/** Imports `source` as a draft (by the office), has it approved (by the leadership) and issued. */
export async function issueImportedPlan(staff: Session, leader: Session, options: { source?: string; issuedOn?: string } = {}) {
  const plan = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: options.source ?? planFixture } })).json();
  await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/submit`, payload: { version: 1 } });
  await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/approve`, payload: { version: 2 } });
  const issued = await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/issue`, payload: { version: 3, issuedOn: options.issuedOn } });
  return issued.json();
}
