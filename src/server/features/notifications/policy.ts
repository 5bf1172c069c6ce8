import { hasAnyRole, type Actor } from '../../auth/actor';

/** Every signed-in account reads its own notifications (those of its person), and only those. */
export function canReadOwnNotifications(actor: Actor): boolean {
  return actor.userId !== '';
}

/** Administrators see what the job queue could not do (failed e-mails, failed jobs) in their reach. */
export function canViewJobFailures(actor: Actor): boolean {
  return hasAnyRole(actor, ['admin']);
}
