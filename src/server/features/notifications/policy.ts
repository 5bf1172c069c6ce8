import type { Actor } from '../../auth/actor';

/** Every signed-in account reads its own notifications (those of its person), and only those. */
export function canReadOwnNotifications(actor: Actor): boolean {
  return actor.userId !== '';
}
