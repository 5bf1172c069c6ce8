import { type Actor, editors, hasAnyRole } from '../../auth/actor';

/** Analysing a plan is the office's work, the first step of drafting one. */
export function canImportPlan(actor: Actor): boolean {
  return hasAnyRole(actor, editors);
}

/** Only administrators extend the vocabulary: it is shared by every commune. */
export function canEditVocabulary(actor: Actor): boolean {
  return hasAnyRole(actor, ['admin']);
}
