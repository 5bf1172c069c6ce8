// Defaults of the organisation settings that a document needs, for rendering without a database
// (`quantriet render`). The server will take these from the organisation's own settings instead.
import type { IssuerKind } from '../../domain/document-types';
import type { SignatureInput } from './parts';

export const DOCUMENT_DEFAULTS = {
  superior: 'Đảng bộ tỉnh Tuyên Quang',
  issuer: 'Đảng ủy phường Nông Tiến',
  place: 'Nông Tiến',
  /**
   * Who signs when a document has no signature block of its own: the commune's documents for the
   * standing committee by its secretary; a cell's for the cell by its secretary (no seal).
   */
  signature: {
    commune: { onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'BÍ THƯ', name: '' },
    cell: { onBehalfOf: 'T/M CHI BỘ', position: 'BÍ THƯ', name: '' },
  } satisfies Record<IssuerKind, SignatureInput>,
  /** A document without recipients is at least filed by its issuer. */
  recipients: {
    commune: ['Lưu Văn phòng Đảng ủy'],
    cell: ['Lưu Chi bộ'],
  } satisfies Record<IssuerKind, string[]>,
} as const;
