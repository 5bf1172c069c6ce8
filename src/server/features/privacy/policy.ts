// Who exports and erases a person's data (Nghị định 13/2023/NĐ-CP; decision 028): the commune's
// administrators, and every signed-in person for their own data.
import { type Actor, type UnitRef, hasRoleOver } from '../../auth/actor';

/** A person's data, downloaded whole: an administrator over the person's commune. */
export function canExportPersonalData(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, ['admin'], commune);
}

/** One's own data (GET /api/me/personal-data): every signed-in account. */
export function canExportOwnData(actor: Actor): boolean {
  return actor.userId !== '';
}

/** Erasing a person's data: an administrator over the person's commune. */
export function canErasePersonalData(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, ['admin'], commune);
}
