// Who does what with a resolution's quiz (decision 012: asked by the service that loads the target;
// 404 when the resolution is not visible, 403 when visible but not theirs to act on).
import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { canViewResolutions } from '../resolutions/policy';

/** Whoever reads the resolution sees whether it has a quiz and its settings (never the answers). */
export function canViewQuiz(actor: Actor, commune: UnitRef): boolean {
  return canViewResolutions(actor, commune);
}

/** The ward staff keep the question bank and the settings. */
export function canManageQuiz(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/**
 * An account of the commune takes the quiz as the party member it stands for (its member, or the
 * member its person is: the service finds them, and refuses an account that is no member), and sees
 * only its own attempts.
 */
export function canTakeQuiz(actor: Actor, commune: UnitRef): boolean {
  return actor.communeId !== null && actor.communeId === commune.tenantId;
}

/** The results by cell: the ward's staff, leadership and the province for every cell; a secretary for their own. */
export const quizResultReaders = [...overseers, 'cellSecretary'] as const satisfies readonly Role[];
export function canViewQuizResults(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, quizResultReaders, unit);
}
