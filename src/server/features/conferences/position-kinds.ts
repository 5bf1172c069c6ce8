// The one place that says which position kinds (positions.kind_code) stand for each position role a
// "Thành phần" names. The Organisation issue fixes the codes; align this table with it at merge.
import type { PositionRole } from '../../../domain/conference-groups';

export const POSITION_KIND_CODES: Record<PositionRole, readonly string[]> = {
  bchMember: ['bchMember', 'standingMember', 'secretary', 'deputySecretary'],
  inspectionMember: ['inspectionMember', 'inspectionChair'],
  hdndStanding: ['hdndChair', 'hdndViceChair'],
  ubndLeader: ['ubndChair', 'ubndViceChair'],
  frontLeader: ['frontChair', 'frontViceChair'],
  massOrgLeader: ['massOrgChair', 'massOrgViceChair'],
  agencyLeader: ['agencyHead', 'agencyDeputy'],
  cellSecretary: ['cellSecretary'],
  grassrootsSecretary: ['grassrootsSecretary'],
  residentialGroupHead: ['residentialGroupHead'],
};

export const kindCodesOf = (roles: readonly PositionRole[]) => [...new Set(roles.flatMap((r) => POSITION_KIND_CODES[r]))];
