import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';

/** The commune's overseers read how its documents are numbered and spelled. */
export function canViewSettings(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, overseers, commune);
}

/** The office sets how its documents are numbered and spelled. */
export function canEditSettings(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** The settings page belongs to the ward: its office and leadership, not the province that oversees it. */
export function canUseSettingsPage(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, ['admin', 'wardStaff', 'wardLeader'], commune);
}
