import type { SQL } from 'drizzle-orm';
import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import { withinGrants } from '../units/policy';
import { units } from '../units/tables';

/** Who runs a session: its cell's (or grassroots organisation's) secretary, and the ward office. */
export const sessionRunners = [...editors, 'cellSecretary'] as const satisfies readonly Role[];
/** Who reads it: the ward's overseers and the secretary. */
export const sessionReaders = [...overseers, 'cellSecretary'] as const satisfies readonly Role[];

/** A session's page, its attendance and minutes. */
export function canViewSession(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, sessionReaders, unit);
}

/** Scheduling, attendance, held, minutes' content, the QR code shown to the room. */
export function canRunSession(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, sessionRunners, unit);
}

/** A grassroots organisation with cells chooses one joint session or one per cell. */
export function canChooseSessionMode(actor: Actor, org: UnitRef): boolean {
  return org.kind === 'grassrootsOrg' && hasRoleOver(actor, sessionRunners, org);
}

/** The ward marks the cells that study at the ward conference, and sends members to another cell's make-up. */
export function canPlanSessions(actor: Actor, unit: UnitRef): boolean {
  return hasRoleOver(actor, editors, unit);
}

/** The ward's overview of a plan's sessions: its overseers. */
export function canViewSessionOverview(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, overseers, commune);
}

/** The list form of canViewSession: the sessions GET /api/plans/:id/sessions returns (joined to their unit). */
export function sessionListFilter(actor: Actor): SQL {
  return withinGrants(actor, sessionReaders, units.path);
}
