// The one place that says which position kinds (positions.kind_code) stand for each position role a
// "Thành phần" names. The codes are the standard list's (src/domain/position-kinds.ts, decision 015).
import type { PositionRole } from '../../../domain/participant-groups';

export const POSITION_KIND_CODES: Record<PositionRole, readonly string[]> = {
  bchMember: ['executiveCommitteeMember', 'standingCommitteeMember', 'partySecretary', 'partyDeputySecretary', 'standingDeputySecretary'],
  inspectionMember: ['inspectionCommitteeMember'],
  // The standard list (domain/position-kinds.ts) has no HĐND kinds; an administrator who adds them
  // under these codes gets them resolved.
  hdndStanding: ['councilChair', 'councilViceChair'],
  ubndLeader: ['peoplesCommitteeChair', 'peoplesCommitteeViceChair'],
  frontLeader: ['frontChair'],
  massOrgLeader: ['veteransChair', 'womenChair', 'youthSecretary', 'farmersChair'],
  agencyLeader: ['partyBuildingHead', 'officeChief'],
  cellSecretary: ['cellSecretary'],
  grassrootsSecretary: ['partySecretary'],
  residentialGroupHead: ['residentialGroupHead'],
};

export const kindCodesOf = (roles: readonly PositionRole[]) => [...new Set(roles.flatMap((r) => POSITION_KIND_CODES[r]))];
