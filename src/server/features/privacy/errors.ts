// The erasure's refusals: stable ids, Vietnamese messages (decision 028).
import { stateConflict } from '../../errors';

/** An erased person's record takes no personal data again (an edit would undo the erasure). */
export const erasedRecord = () =>
  stateConflict('privacy.erased', 'Dữ liệu cá nhân của người này đã được xóa: không ghi lại thông tin cá nhân vào hồ sơ này.');
export const alreadyErased = () => stateConflict('privacy.already-erased', 'Dữ liệu cá nhân của người này đã được xóa trước đây.');
export const holdsAdministrator = () =>
  stateConflict('privacy.holds-administrator', 'Người này đang giữ một tài khoản quản trị: hãy thu hồi vai trò quản trị trước khi xóa dữ liệu cá nhân.');
