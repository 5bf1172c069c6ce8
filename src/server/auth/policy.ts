import type { Actor } from './actor';

/** Every signed-in person reads their own account and abilities (GET /api/me). */
export function canViewOwnAccount(actor: Actor): boolean {
  return actor.userId !== '';
}

/** Every signed-in person changes their own password, proving the current one or, in a session opened with a one-time code, the code. */
export function canChangeOwnPassword(actor: Actor): boolean {
  return actor.userId !== '';
}
