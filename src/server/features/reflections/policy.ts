// Who writes, reads and reviews the members' own study, and who reads the yearly record (decision
// 012: asked by the service that loads the target; 404 when the actor may not know it exists, 403
// when they see it but may not act). A member sees only their own.
import { type Actor, type UnitRef, editors, hasAnyRole, hasRoleOver, overseers } from '../../auth/actor';
import type { Role } from '../../auth/tables';

/** The member a piece of study belongs to, as a policy sees it. */
export interface MemberRef {
  id: string;
  tenantId: string;
}

/** Whoever reviews the reflections of a cell: its secretary (a grassroots organisation's, for its cells). */
export const reflectionReviewers = ['cellSecretary'] as const satisfies readonly Role[];

/** The portal: any account of a commune that is (or stands for) a member; the service finds the member. */
export function canStudyOwn(actor: Actor): boolean {
  return actor.communeId !== null;
}

/** A member writes (and edits) only their own reflection. */
export function canWriteReflection(actor: Actor, member: MemberRef, ownMemberId: string | null): boolean {
  return ownMemberId !== null && ownMemberId === member.id && actor.tenantId === member.tenantId;
}

/** A reflection is read by its member, the secretary of its cell, and the ward's overseers. */
export function canViewReflection(actor: Actor, member: MemberRef, cell: UnitRef, ownMemberId: string | null): boolean {
  return ownMemberId === member.id || hasRoleOver(actor, [...reflectionReviewers, ...overseers], cell);
}

/** Đạt / Chưa đạt: the cell's secretary. */
export function canReviewReflection(actor: Actor, cell: UnitRef): boolean {
  return hasRoleOver(actor, reflectionReviewers, cell);
}

/** The list of a plan's reflections by cell: the secretaries (their cells) and the ward's overseers. */
export function canListReflections(actor: Actor): boolean {
  return hasAnyRole(actor, [...reflectionReviewers, ...overseers]);
}

/** The deadline for reflections on a plan: the ward staff. */
export function canSetReflectionDeadline(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** A member's yearly record: their own, their cell's secretary, the ward's overseers. */
export function canViewMemberRecord(actor: Actor, member: MemberRef, cell: UnitRef, ownMemberId: string | null): boolean {
  return canViewReflection(actor, member, cell, ownMemberId);
}

/** A cell's yearly record (XLSX) for the year-end evaluation: its secretary and the ward's overseers. */
export function canExportCellRecord(actor: Actor, cell: UnitRef): boolean {
  return hasRoleOver(actor, [...reflectionReviewers, ...overseers], cell);
}
