// The plan's "Thành phần" of a ward conference, read into participant groups: each group is a rule
// the server resolves to people (PRODUCT.md §7 "thành phần"). A phrase names holders of positions
// ("Ủy viên Ban Chấp hành Đảng bộ phường", "bí thư các chi bộ") or every member of named units
// ("đảng viên chi bộ các cơ quan Đảng, Đảng bộ Ủy ban nhân dân phường"). The position groups use
// the product's position roles (PositionRole); the server maps them to the commune's kind codes in one
// place (server/features/conferences/position-kinds.ts).
import { foldVietnamese } from './vietnamese-names';
import { nameSimilarity } from './name-matching';

export const positionRoles = [
  'bchMember', // Ủy viên Ban Chấp hành Đảng bộ
  'inspectionMember', // Ủy viên Ủy ban kiểm tra
  'hdndStanding', // Thường trực HĐND
  'ubndLeader', // lãnh đạo UBND
  'frontLeader', // lãnh đạo Ủy ban MTTQ
  'massOrgLeader', // lãnh đạo các tổ chức chính trị - xã hội
  'agencyLeader', // lãnh đạo các cơ quan, đơn vị, trường học
  'cellSecretary', // bí thư chi bộ
  'grassrootsSecretary', // bí thư đảng bộ cơ sở
  'residentialGroupHead', // tổ trưởng tổ dân phố
] as const;
export type PositionRole = (typeof positionRoles)[number];

export const positionRoleNames: Record<PositionRole, string> = {
  bchMember: 'Ủy viên Ban Chấp hành Đảng bộ',
  inspectionMember: 'Ủy viên Ủy ban kiểm tra Đảng ủy',
  hdndStanding: 'Thường trực Hội đồng nhân dân',
  ubndLeader: 'Lãnh đạo Ủy ban nhân dân',
  frontLeader: 'Lãnh đạo Ủy ban Mặt trận Tổ quốc',
  massOrgLeader: 'Lãnh đạo các tổ chức chính trị - xã hội',
  agencyLeader: 'Lãnh đạo các cơ quan, đơn vị, trường học',
  cellSecretary: 'Bí thư các chi bộ',
  grassrootsSecretary: 'Bí thư các đảng bộ cơ sở',
  residentialGroupHead: 'Tổ trưởng các tổ dân phố',
};

/** Folded phrases (no diacritics, lower case) that name each role in a "Thành phần" text. */
const ROLE_PHRASES: [PositionRole, RegExp][] = [
  ['bchMember', /uy vien ban chap hanh/u],
  ['inspectionMember', /uy vien uy ban kiem tra/u],
  ['hdndStanding', /thuong truc (hdnd|hoi dong nhan dan)/u],
  ['ubndLeader', /lanh dao (uy ban nhan dan|ubnd)/u],
  ['frontLeader', /mat tran to quoc|mttq/u],
  ['massOrgLeader', /to chuc chinh tri - xa hoi|doan the/u],
  ['agencyLeader', /lanh dao cac co quan/u],
  ['cellSecretary', /bi thu (cac )?chi bo/u],
  ['grassrootsSecretary', /bi thu[^;]*dang bo co so/u],
  ['residentialGroupHead', /to truong (cac )?to dan pho/u],
];

export type ProposedGroup =
  | { kind: 'positions'; label: string; roles: PositionRole[] }
  | { kind: 'unitMembers'; label: string; unitIds: string[] };

export interface NamedUnit {
  id: string;
  name: string;
}

/**
 * The groups a "Thành phần" text names: one group per position role it mentions, in the order of the
 * text, and one "unit members" group for each "đảng viên …" clause whose unit names match units of the
 * commune (names that match none are left to the office to add by hand).
 */
export function proposeGroups(participants: string | null | undefined, units: readonly NamedUnit[]): ProposedGroup[] {
  if (!participants?.trim()) return [];
  const groups: ProposedGroup[] = [];
  for (const clause of participants.split(';')) {
    const folded = foldVietnamese(clause);
    const members = /(^|\s)dang vien\s+(.*)$/u.exec(folded);
    if (members && !/uy vien/u.test(folded.slice(0, members.index))) {
      const original = clause.slice(clause.length - members[2]!.length);
      const unitIds = matchUnits(original, units);
      if (unitIds.length) groups.push({ kind: 'unitMembers', label: `Đảng viên ${unitNames(unitIds, units)}`, unitIds });
      continue;
    }
    const found = ROLE_PHRASES.map(([role, re]) => ({ role, at: re.exec(folded)?.index ?? -1 }))
      .filter((r) => r.at >= 0)
      .sort((a, b) => a.at - b.at);
    for (const { role } of found) groups.push({ kind: 'positions', label: positionRoleNames[role], roles: [role] });
  }
  return groups;
}

/** Each comma-separated name matched to its most similar unit, when similar enough. */
function matchUnits(text: string, units: readonly NamedUnit[]): string[] {
  const ids: string[] = [];
  for (const raw of text.split(',')) {
    const name = raw.replace(/[.;]+$/u, '').trim();
    if (!name) continue;
    let best: { id: string; score: number } | null = null;
    for (const unit of units) {
      const score = nameSimilarity(name, unit.name);
      if (score > (best?.score ?? 0)) best = { id: unit.id, score };
    }
    if (best && best.score >= 0.75 && !ids.includes(best.id)) ids.push(best.id);
  }
  return ids;
}

function unitNames(ids: readonly string[], units: readonly NamedUnit[]): string {
  return ids.map((id) => units.find((u) => u.id === id)!.name.replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'))).join(', ');
}
