import type { Actor } from '../../auth/actor';

/** Checking in with a QR code: a signed-in member (whether they are expected is the meeting's business). */
export function canCheckIn(actor: Actor): boolean {
  return actor.memberId !== null;
}
