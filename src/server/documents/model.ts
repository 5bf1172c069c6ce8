// The document model: one small tree that the DOCX and HTML renderers both print, so the editable
// file and the preview never disagree. Every string in it is already as printed (capitals, number
// line, date line, recipient punctuation); the renderers only choose fonts, sizes and positions.
import { LAYOUT } from './layout';

/** A run of text inside a paragraph; emphasis comes from the source's bold/italic markers. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  /** A body paragraph: justified, first-line indent. */
  | { kind: 'paragraph'; inlines: Inline[] }
  /** A dash paragraph ("- Địa điểm: …"), printed like a body paragraph that starts with "- ". */
  | { kind: 'bullet'; inlines: Inline[] }
  /** "I. MỤC ĐÍCH, YÊU CẦU" (level 1), "1. Mục đích" (level 2), "a) …" (level 3); `text` as printed. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A bordered table (a sign-in sheet, a list of participants): a bold header row, then the rows. */
  | { kind: 'table'; columns: TableColumn[]; rows: string[][] };

export interface TableColumn {
  title: string;
  /** Share of the text width, the shares summing to 1. */
  share: number;
  align?: 'left' | 'center';
}

export interface DocumentHeader {
  /** "ĐẢNG BỘ TỈNH TUYÊN QUANG" (a cell's: "ĐẢNG BỘ PHƯỜNG NÔNG TIẾN"), in capitals as printed. */
  superior: string;
  /** "ĐẢNG ỦY PHƯỜNG NÔNG TIẾN" (a cell's: "CHI BỘ …"), in capitals as printed, with the organisation's spelling. */
  issuer: string;
  /** "45-KH/ĐU"; null for an unissued draft and for a type that is not numbered. */
  number: string | null;
  /** "Số 45-KH/ĐU" or "Số    -KH/ĐU"; null for a type that is not numbered, which prints no number line. */
  numberLine: string | null;
  place: string;
  /** ISO date; null for an undated draft. */
  date: string | null;
  /** "Nông Tiến, ngày 15 tháng 5 năm 2026". */
  dateLine: string;
}

export interface DocumentSignature {
  /** "T/M BAN THƯỜNG VỤ", "T/M CHI BỘ", capitals. */
  onBehalfOf: string;
  /** "PHÓ BÍ THƯ", capitals. */
  position: string;
  /** "Nguyễn Mạnh Hùng"; empty when not known yet. */
  name: string;
}

export interface DocumentModel {
  header: DocumentHeader;
  /** "KẾ HOẠCH": the registry's name of the type (domain/document-types.ts). */
  docType: string;
  /** The abstract (trích yếu) under the type; null when the source has no title. */
  abstract: string | null;
  body: Block[];
  signature: DocumentSignature;
  /** Recipient lines as printed: "- Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo),", the last ending in ".". */
  recipients: string[];
  /**
   * A second signer, printed in the left column instead of the recipients: minutes are signed by the
   * meeting's secretary (left, "THƯ KÝ") and its chair (right, `signature`).
   */
  counterSignature?: DocumentSignature;
}

/** The plain text of a block, as printed (dash included): for tests, search and previews. */
export function blockText(block: Block): string {
  if (block.kind === 'heading') return block.text;
  if (block.kind === 'table') return [block.columns.map((c) => c.title), ...block.rows].map((r) => r.join('\t')).join('\n');
  const text = block.inlines.map((i) => i.text).join('');
  return block.kind === 'bullet' ? `${LAYOUT.body.dashPrefix}${text}` : text;
}
