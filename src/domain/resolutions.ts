// Guiding documents' kinds and numbers, shared by the server (tables, schema, plan templates) and the
// web (the form's check, the kind names). No I/O.

export const resolutionKinds = ['nghi-quyet', 'chi-thi', 'ket-luan', 'quy-dinh', 'huong-dan', 'de-an', 'ke-hoach', 'van-ban'] as const;
export type ResolutionKind = (typeof resolutionKinds)[number];

/** The kind's word in a document's name and in a plan's text: "Nghị quyết số 91-NQ/TU". */
export const kindNames: Record<ResolutionKind, string> = {
  'nghi-quyet': 'Nghị quyết',
  'chi-thi': 'Chỉ thị',
  'ket-luan': 'Kết luận',
  'quy-dinh': 'Quy định',
  'huong-dan': 'Hướng dẫn',
  'de-an': 'Đề án',
  'ke-hoach': 'Kế hoạch',
  'van-ban': 'Văn bản',
};

/** Spaces removed and letters in capitals, as stored: "91 - nq/tu" → "91-NQ/TU". */
export const normaliseResolutionNumber = (text: string) => text.normalize('NFC').replace(/\s+/gu, '').toUpperCase();

/** A number: digits first, then letters, digits and - / . ("91-NQ/TU", "57-NQ/TW"), 3 to 40 characters. */
export const RESOLUTION_NUMBER_PATTERN = /^\d+[-/]?[\p{L}\d/.-]*$/u;
export const RESOLUTION_NUMBER_MIN = 3;
export const RESOLUTION_NUMBER_MAX = 40;

export function isResolutionNumber(text: string): boolean {
  const value = normaliseResolutionNumber(text);
  return value.length >= RESOLUTION_NUMBER_MIN && value.length <= RESOLUTION_NUMBER_MAX && RESOLUTION_NUMBER_PATTERN.test(value);
}
