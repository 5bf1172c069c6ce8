import type { Actor } from '../../auth/actor';

/** Each person manages their own calendar feed: an account of a commune (the person is looked up). */
export function canManageOwnCalendar(actor: Actor): boolean {
  return actor.tenantId !== null;
}
