import { describe, expect, it } from 'vitest';
import { proposeGroups } from './participant-groups';

const fixture =
  'Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường, Ủy viên Ủy ban kiểm tra Đảng ủy, Thường trực HĐND, lãnh đạo Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường, lãnh đạo các cơ quan chuyên trách tham mưu giúp việc Đảng ủy, các cơ quan, đơn vị, doanh nghiệp, trường học, bí thư các chi bộ bộ, đảng bộ cơ sở, chi bộ trực thuộc, tổ trưởng các tổ dân phố; đảng viên chi bộ các cơ quan Đảng, Đảng bộ Ủy ban nhân dân phường, chi bộ Quân sự phường';
const units = [
  { id: 'a', name: 'Chi bộ các cơ quan Đảng' },
  { id: 'b', name: 'Đảng bộ Ủy ban nhân dân phường' },
  { id: 'c', name: 'Chi bộ Quân sự phường' },
  { id: 'd', name: 'Chi bộ Công an phường' },
  { id: 'e', name: 'Chi bộ Tràng Đà 1' },
];

describe('proposeGroups', () => {
  it('reads the fixture plan\'s "Thành phần" into position groups in text order, then the units whose members attend', () => {
    const groups = proposeGroups(fixture, units);
    expect(groups.filter((g) => g.kind === 'positions').map((g) => (g.kind === 'positions' ? g.roles[0] : ''))).toEqual([
      'bchMember',
      'inspectionMember',
      'hdndStanding',
      'ubndLeader',
      'frontLeader',
      'massOrgLeader',
      'agencyLeader',
      'cellSecretary',
      'grassrootsSecretary',
      'residentialGroupHead',
    ]);
    const last = groups.at(-1)!;
    expect(last).toEqual({ kind: 'unitMembers', label: 'Đảng viên chi bộ các cơ quan Đảng, đảng bộ Ủy ban nhân dân phường, chi bộ Quân sự phường', unitIds: ['a', 'b', 'c'] });
  });

  it('leaves names that match no unit to the office, and reads nothing from an empty text', () => {
    expect(proposeGroups('đảng viên chi bộ Không Có Thật', units)).toEqual([]);
    expect(proposeGroups('  ', units)).toEqual([]);
    expect(proposeGroups(null, units)).toEqual([]);
  });
});
