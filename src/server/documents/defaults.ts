// Defaults of the organisation settings that a document needs, for rendering without a database
// (`quantriet render`). The server will take these from the organisation's own settings instead.
import type { ImportedSignature } from '../../domain/plan-import/types';

export const DOCUMENT_DEFAULTS = {
  superior: 'Đảng bộ tỉnh Tuyên Quang',
  issuer: 'Đảng ủy phường Nông Tiến',
  place: 'Nông Tiến',
  /** A plan without its own signature block is signed for the standing committee by its secretary. */
  signature: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: '' } satisfies ImportedSignature,
  /** A plan without recipients is at least filed. */
  recipients: ['Lưu Văn phòng Đảng ủy'],
} as const;
