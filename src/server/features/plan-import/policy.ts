import { type Actor, type UnitRef, editors, hasAnyRole, hasRoleOver, overseers } from '../../auth/actor';

/** Analysing a plan is the office's work for its commune, the first step of drafting one. */
export function canImportPlan(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** The vocabulary is shared by every commune: read by the office and the overseers (settings, plan analysis). */
export function canViewVocabulary(actor: Actor): boolean {
  return hasAnyRole(actor, overseers);
}

/** Only administrators extend the vocabulary: it is shared by every commune. */
export function canEditVocabulary(actor: Actor): boolean {
  return hasAnyRole(actor, ['admin']);
}
