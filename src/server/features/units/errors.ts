// The units' refusals: each a stable id and a Vietnamese sentence saying what to do instead.
import { AppError, badRequest, duplicate, stateConflict } from '../../errors';
import { formatDayFirst } from '../../../domain/dates';
import { kindNotAllowedMessage, unitKindNames, type UnitKind } from '../../../domain/units';

export const unitErrors = {
  nameTaken: (name: string, parentName: string) =>
    duplicate('unit.name-taken', `"${parentName}" đã có đơn vị tên "${name}". Hãy đặt tên khác.`),
  kindNotAllowed: (parent: { kind: UnitKind; name: string }, kind: UnitKind) => badRequest('unit.kind-not-allowed', kindNotAllowedMessage(parent, kind)),
  parentClosed: (parent: { name: string; closedOn: string | null }) =>
    badRequest('unit.parent-closed', `"${parent.name}" đã đóng từ ${formatDayFirst(parent.closedOn)}: không thêm hoặc chuyển đơn vị vào đơn vị đã đóng.`),
  moveIntoItself: (name: string) =>
    badRequest('unit.move-into-itself', `Không thể chuyển "${name}" vào chính nó hoặc một đơn vị trực thuộc nó.`),
  moveOutsideCommune: () => badRequest('unit.move-outside-commune', 'Chỉ chuyển được đơn vị trong cùng đảng bộ xã, phường.'),
  communeFixed: () =>
    badRequest('unit.commune-fixed', 'Đảng bộ xã, phường do cấp tỉnh quản lý: ở đây chỉ đổi được tên, không chuyển, sắp xếp, đóng hay xóa.'),
  closed: (unit: { name: string; closedOn: string | null }) =>
    stateConflict('unit.closed', `"${unit.name}" đã đóng từ ${formatDayFirst(unit.closedOn)}. Hãy mở lại đơn vị trước khi chuyển.`),
  alreadyClosed: (unit: { name: string; closedOn: string | null }) =>
    stateConflict('unit.already-closed', `"${unit.name}" đã đóng từ ${formatDayFirst(unit.closedOn)}.`),
  notClosed: (name: string) => stateConflict('unit.not-closed', `"${name}" đang hoạt động, không cần mở lại.`),
  closeBeforeOpen: (openedOn: string) =>
    badRequest('unit.close-before-open', `Ngày đóng phải từ ngày thành lập (${formatDayFirst(openedOn)}) trở đi.`),
  closeOpenChildren: (name: string, children: string[]) =>
    stateConflict(
      'unit.close-has-open-children',
      `"${name}" còn ${children.length} đơn vị trực thuộc đang hoạt động (${children.slice(0, 3).join(', ')}${children.length > 3 ? '…' : ''}). Hãy chuyển hoặc đóng các đơn vị đó trước.`,
    ),
  closeHasMembers: (name: string, count: number) =>
    stateConflict(
      'unit.close-has-members',
      `"${name}" còn ${count} đảng viên sinh hoạt. Hãy chuyển sinh hoạt các đảng viên (hoặc sáp nhập đơn vị) trước khi đóng.`,
    ),
  reorderEdge: (direction: 'up' | 'down') =>
    badRequest('unit.reorder-edge', direction === 'up' ? 'Đơn vị đã ở đầu danh sách.' : 'Đơn vị đã ở cuối danh sách.'),
  inUse: (name: string, reasons: string[]) =>
    new AppError(
      409,
      'unit.in-use',
      `Không thể xóa "${name}" vì ${reasons.join(', ')}. Hãy đóng đơn vị thay vì xóa: đơn vị đã đóng vẫn giữ lịch sử.`,
      { reasons },
    ),
  kindName: (kind: UnitKind) => unitKindNames[kind],
};
