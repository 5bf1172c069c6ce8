import { type Actor, type UnitRef, hasRoleOver } from '../../auth/actor';
import type { Role } from '../../auth/tables';
import type { Plan } from '../plans/tables';
import type { Conference } from './tables';

/** The ward runs its conferences: the office, the leadership, the administrator. */
export const conferenceManagers = ['admin', 'wardStaff', 'wardLeader'] as const satisfies readonly Role[];

export function canManageConferences(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, conferenceManagers, commune);
}

/** A conference is created from an issued plan. */
export function canCreateConference(actor: Actor, plan: Pick<Plan, 'status'>, commune: UnitRef): boolean {
  return plan.status === 'issued' && canManageConferences(actor, commune);
}

/**
 * Read by the ward's managers, the province above it, and each person summoned to it (their own
 * convocation), once it was sent to them.
 */
export function canViewConference(actor: Actor, commune: UnitRef, summoned: boolean): boolean {
  return canManageConferences(actor, commune) || hasRoleOver(actor, ['provinceViewer'], commune) || summoned;
}

export function canEditConference(actor: Actor, conference: Pick<Conference, 'status'>, commune: UnitRef): boolean {
  return conference.status !== 'held' && canManageConferences(actor, commune);
}

/** Attendance is marked once the convocation went out. */
export function canMarkConferenceAttendance(actor: Actor, conference: Pick<Conference, 'status'>, commune: UnitRef): boolean {
  return conference.status !== 'draft' && canManageConferences(actor, commune);
}
