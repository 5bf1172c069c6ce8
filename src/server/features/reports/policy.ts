// Who may do what with the rubric, the cells' reports, inspections and the consolidation (decision 012).
import { type Actor, type UnitRef, editors, hasRoleOver } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { canWorkInCommune } from '../units/policy';
import { sessionReaders, sessionRunners } from '../study-sessions/policy';

/** The ward reviews the cells' reports: its office and Ban xây dựng (ward staff), its leadership, the administrator. */
export const reportReviewers = ['admin', 'wardStaff', 'wardLeader'] as const satisfies readonly Role[];

/** The rubric is read by everyone working in the commune (the secretary scores with it). */
export function canViewRubric(actor: Actor, commune: UnitRef): boolean {
  return canWorkInCommune(actor, commune);
}

/** The administrator edits or imports it (a new version). */
export function canEditRubric(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, ['admin'], commune);
}

/**
 * A cell's report: its secretary and the ward's reviewers read it. The province does not: it reads
 * what the ward submitted upward (features/province), never a cell's report before the ward has.
 */
export function canViewReport(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, sessionReaders.filter((role) => role !== 'provinceViewer'), unit);
}

/** Writing and submitting it: whoever runs the session (the secretary, the ward office on its behalf). */
export function canWriteReport(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, sessionRunners, unit);
}

/** Returning, accepting and re-scoring it. */
export function canReviewReport(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, reportReviewers, unit);
}

/** Recording an inspection (kiểm tra, giám sát) of a cell's session. */
export function canInspectSession(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, reportReviewers, unit);
}

/**
 * The plan's live consolidation and the ward's draft report: the ward's reviewers (and the province's
 * administrator). The province's viewers read only what was submitted upward (features/province).
 */
export function canViewConsolidation(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, reportReviewers, commune);
}

/** Reminding the cells whose report is missing. */
export function canRemindMissingReports(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** Drafting the ward's consolidated report (difficulties, proposals, number): the ward's reviewers. */
export function canEditConsolidatedReport(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, reportReviewers, commune);
}

/** Submitting it upward (which locks the cells' reports of the plan). */
export function canSubmitConsolidatedReport(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, reportReviewers, commune);
}

/** Reopening it (which unlocks the cells' reports). */
export function canReopenConsolidatedReport(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, reportReviewers, commune);
}
