import { type Actor, type UnitRef, editors, hasRoleOver, overseers } from '../../auth/actor';

/** Everyone of a commune reads its registry (members read the resolution); the province reads all. */
export function canViewResolutions(actor: Actor, commune: UnitRef): boolean {
  return (actor.communeId !== null && actor.communeId === commune.tenantId) || hasRoleOver(actor, overseers, commune);
}

/** A file attached to a document is read by whoever reads the document. */
export function canDownloadAttachment(actor: Actor, commune: UnitRef): boolean {
  return canViewResolutions(actor, commune);
}

/** The ward office registers guiding documents of its commune. */
export function canCreateResolution(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** The ward office edits the documents it registered. */
export function canEditResolution(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** Linking (and unlinking) documents is editing the one the link starts from. */
export function canLinkResolutions(actor: Actor, commune: UnitRef): boolean {
  return canEditResolution(actor, commune);
}

/** Attaching a file to a document is editing it. */
export function canAttachFile(actor: Actor, commune: UnitRef): boolean {
  return canEditResolution(actor, commune);
}
