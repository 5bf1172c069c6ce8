// The demo ward's organisation: Đảng bộ tỉnh Tuyên Quang → Đảng ủy phường Nông Tiến, with its
// cells, grassroots party organisations, agencies, mass organisations and residential groups.
import type { UnitKind } from '../features/units/tables';

export interface OrgNode {
  key: string;
  kind: UnitKind;
  name: string;
  children?: OrgNode[];
  /** Members to generate in a cell. */
  size?: number;
}

const residentialAreas: [string, number][] = [
  ['Tràng Đà', 12],
  ['Nông Tiến', 8],
  ['Ỷ La', 6],
  ['Xóm Cỏ', 4],
  ['Khuôn Hấu', 4],
];

const residentialCells: OrgNode[] = residentialAreas.flatMap(([area, count]) =>
  Array.from({ length: count }, (_, i) => ({
    key: `cell-${area}-${i + 1}`,
    kind: 'cell' as const,
    name: `Chi bộ ${area} ${i + 1}`,
    size: 26 + ((i * 7 + area.length * 3) % 16),
  })),
);

const residentialGroups: OrgNode[] = residentialAreas.flatMap(([area, count]) =>
  Array.from({ length: count }, (_, i) => ({ key: `group-${area}-${i + 1}`, kind: 'residentialGroup' as const, name: `Tổ dân phố ${area} ${i + 1}` })),
);

export const demoOrgChart: OrgNode = {
  key: 'province',
  kind: 'province',
  name: 'Đảng bộ tỉnh Tuyên Quang',
  children: [
    {
      key: 'commune',
      kind: 'commune',
      name: 'Đảng ủy phường Nông Tiến',
      children: [
        { key: 'agency-office', kind: 'agency', name: 'Văn phòng Đảng ủy' },
        { key: 'agency-building', kind: 'agency', name: 'Ban xây dựng Đảng' },
        { key: 'agency-inspection', kind: 'agency', name: 'Ủy ban kiểm tra Đảng ủy' },
        { key: 'agency-ubnd', kind: 'agency', name: 'Ủy ban nhân dân phường' },
        { key: 'agency-hdnd', kind: 'agency', name: 'Hội đồng nhân dân phường' },
        { key: 'mass-front', kind: 'massOrg', name: 'Ủy ban Mặt trận Tổ quốc phường' },
        { key: 'mass-veterans', kind: 'massOrg', name: 'Hội Cựu chiến binh phường' },
        { key: 'mass-women', kind: 'massOrg', name: 'Hội Liên hiệp Phụ nữ phường' },
        { key: 'mass-youth', kind: 'massOrg', name: 'Đoàn Thanh niên Cộng sản Hồ Chí Minh phường' },
        { key: 'mass-farmers', kind: 'massOrg', name: 'Hội Nông dân phường' },
        { key: 'cell-party-agencies', kind: 'cell', name: 'Chi bộ các cơ quan Đảng', size: 22 },
        { key: 'cell-military', kind: 'cell', name: 'Chi bộ Quân sự phường', size: 12 },
        { key: 'cell-police', kind: 'cell', name: 'Chi bộ Công an phường', size: 24 },
        { key: 'cell-school-thcs', kind: 'cell', name: 'Chi bộ Trường THCS Nông Tiến', size: 18 },
        { key: 'cell-school-th', kind: 'cell', name: 'Chi bộ Trường Tiểu học Tràng Đà', size: 15 },
        { key: 'cell-health', kind: 'cell', name: 'Chi bộ Trạm Y tế phường', size: 9 },
        {
          key: 'org-ubnd',
          kind: 'grassrootsOrg',
          name: 'Đảng bộ Ủy ban nhân dân phường',
          children: [
            { key: 'cell-ubnd-office', kind: 'cell', name: 'Chi bộ Văn phòng HĐND - UBND', size: 14 },
            { key: 'cell-ubnd-economy', kind: 'cell', name: 'Chi bộ Phòng Kinh tế, Hạ tầng và Đô thị', size: 11 },
            { key: 'cell-ubnd-culture', kind: 'cell', name: 'Chi bộ Phòng Văn hóa - Xã hội', size: 10 },
          ],
        },
        {
          key: 'org-cement',
          kind: 'grassrootsOrg',
          name: 'Đảng bộ Công ty cổ phần Xi măng Tân Quang',
          children: [
            { key: 'cell-cement-office', kind: 'cell', name: 'Chi bộ Khối Văn phòng Công ty', size: 16 },
            { key: 'cell-cement-raw', kind: 'cell', name: 'Chi bộ Phân xưởng Nguyên liệu', size: 13 },
            { key: 'cell-cement-kiln', kind: 'cell', name: 'Chi bộ Phân xưởng Lò nung', size: 12 },
          ],
        },
        ...residentialCells,
        ...residentialGroups,
      ],
    },
  ],
};
