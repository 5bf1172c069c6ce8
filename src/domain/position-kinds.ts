// The standard positions (chức vụ) of a commune, seeded when the commune is created; an
// administrator adds more. `code` is stable, `name` is shown, `unitKinds` says where it is held
// (empty = anywhere). Migration 0010 inserts the same list for communes that existed before.
export interface StandardPositionKind {
  code: string;
  name: string;
  unitKinds: string[];
}

export const standardPositionKinds: StandardPositionKind[] = [
  { code: 'cellSecretary', name: 'Bí thư chi bộ', unitKinds: ['cell'] },
  { code: 'cellDeputySecretary', name: 'Phó Bí thư chi bộ', unitKinds: ['cell'] },
  { code: 'executiveCommitteeMember', name: 'Ủy viên Ban Chấp hành Đảng bộ', unitKinds: ['commune', 'grassrootsOrg'] },
  { code: 'standingCommitteeMember', name: 'Ủy viên Ban Thường vụ', unitKinds: ['commune', 'grassrootsOrg'] },
  { code: 'inspectionCommitteeMember', name: 'Ủy viên Ủy ban kiểm tra', unitKinds: ['commune', 'agency'] },
  { code: 'standingDeputySecretary', name: 'Thường trực Đảng ủy', unitKinds: ['commune'] },
  { code: 'partySecretary', name: 'Bí thư Đảng ủy', unitKinds: ['commune', 'grassrootsOrg'] },
  { code: 'partyDeputySecretary', name: 'Phó Bí thư Đảng ủy', unitKinds: ['commune', 'grassrootsOrg'] },
  { code: 'peoplesCommitteeChair', name: 'Chủ tịch UBND', unitKinds: ['agency'] },
  { code: 'peoplesCommitteeViceChair', name: 'Phó Chủ tịch UBND', unitKinds: ['agency'] },
  { code: 'frontChair', name: 'Chủ tịch Ủy ban MTTQ', unitKinds: ['massOrg'] },
  { code: 'veteransChair', name: 'Chủ tịch Hội Cựu chiến binh', unitKinds: ['massOrg'] },
  { code: 'womenChair', name: 'Chủ tịch Hội Phụ nữ', unitKinds: ['massOrg'] },
  { code: 'youthSecretary', name: 'Bí thư Đoàn Thanh niên', unitKinds: ['massOrg'] },
  { code: 'farmersChair', name: 'Chủ tịch Hội Nông dân', unitKinds: ['massOrg'] },
  { code: 'partyBuildingHead', name: 'Trưởng Ban xây dựng Đảng', unitKinds: ['agency'] },
  { code: 'officeChief', name: 'Chánh Văn phòng Đảng ủy', unitKinds: ['agency'] },
  { code: 'residentialGroupHead', name: 'Tổ trưởng tổ dân phố', unitKinds: ['residentialGroup'] },
];

/** A code for a kind an administrator adds: the name folded to ASCII words in camelCase. */
export function positionKindCode(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('') || 'position';
}

/** Whether a kind may be held in a unit of this kind. */
export function kindFitsUnit(kind: { unitKinds: string[] }, unitKind: string): boolean {
  return kind.unitKinds.length === 0 || kind.unitKinds.includes(unitKind);
}
