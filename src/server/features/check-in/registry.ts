// The rotating QR check-in serves every kind of meeting: a cell's study session registers here
// ("session"), the ward conference registers its own kind. The token names `<kind>_<id>`, so one
// endpoint verifies any code and hands the check-in to the meeting's own rules (who is expected,
// who may show the code).
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';

export interface CheckInOutcome {
  /** "checked-in": marked present now; "already": they had been marked present (or late) before. */
  outcome: 'checked-in' | 'already';
  /** What the member reads: "Buổi sinh hoạt … của Chi bộ …". */
  title: string;
}

export interface CheckInTarget {
  /** Whether the actor may show this meeting's code; throws the target's 404/403 otherwise. Returns its title. */
  authoriseOrganiser(db: DbOrTx, actor: Actor, id: string): Promise<{ title: string }>;
  /**
   * Marks the signed-in member present, once; throws a 400 naming the reason when they are not expected,
   * or when the code (its time step `step`) is one they already checked in with (check-in.replayed).
   */
  checkIn(db: Db, actor: Actor, id: string, step: number): Promise<CheckInOutcome>;
}

const targets = new Map<string, CheckInTarget>();

export function registerCheckInTarget(kind: string, target: CheckInTarget) {
  if (!/^[a-z-]+$/.test(kind)) throw new Error(`check-in kind "${kind}" must be lower-case letters`);
  targets.set(kind, target);
}

export function checkInTarget(kind: string): CheckInTarget | undefined {
  return targets.get(kind);
}

/** The subject a token signs: "session_<uuid>". */
export const checkInSubject = (kind: string, id: string) => `${kind}_${id}`;

export function parseCheckInSubject(subject: string): { kind: string; id: string } | null {
  const match = /^([a-z-]+)_([0-9a-f-]{36})$/.exec(subject);
  return match ? { kind: match[1]!, id: match[2]! } : null;
}
