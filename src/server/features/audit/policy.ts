import { type Actor, editors, hasAnyRole } from '../../auth/actor';

/** The ward office and administrators read the audit log of their commune. */
export function canViewAudit(actor: Actor): boolean {
  return hasAnyRole(actor, editors);
}
