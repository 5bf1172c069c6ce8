// The registry of document types: what each official document is called, the symbol it is numbered
// under, who issues it and how it is counted (Hướng dẫn 36-HD/VPTW, shared/spec/DOCUMENTS.md). Pure
// data and the counting-period rule; the documents layer builds headers from it and the numbering
// service (server/documents/numbering.ts) counts with it.
import { documentSymbol } from './document-numbering';
import { parseIsoDate } from './dates';

/**
 * Who issues a document. A commune document is the committee's ("ĐẢNG ỦY PHƯỜNG …", symbol "…/ĐU");
 * a cell document is a cell's ("CHI BỘ …" under "ĐẢNG BỘ PHƯỜNG …", symbol "…/CB").
 */
export type IssuerKind = 'commune' | 'cell';

/** The issuer's abbreviation in the symbol ("KH/ĐU", "BC/CB"), by kind of issuer. */
export const ISSUER_ABBREVIATIONS: Readonly<Record<IssuerKind, string>> = { commune: 'ĐU', cell: 'CB' };

/**
 * The period a number counts in, always per issuer and symbol:
 * - 'setting': the commune's setting, each year or over the committee's term (commune documents);
 * - 'year': each calendar year. A cell's congress and term do not follow the commune committee's,
 *   and the product keeps no term of its own for a cell, so cells count per year.
 */
export type NumberingPeriod = 'setting' | 'year';

interface TypeFields {
  /** The type of document as printed under the header, in capitals: "KẾ HOẠCH". */
  name: string;
  issuerKind: IssuerKind;
}

/** A numbered type: "Số 45-KH/ĐU" counts per issuer, symbol and period. */
interface NumberedType extends TypeFields {
  numbered: true;
  /** The type's abbreviation in the symbol: "KH" in "KH/ĐU". */
  symbol: string;
  period: NumberingPeriod;
}

/** A document printed without a number line (a sign-in sheet, a cell's minutes, a letter). */
interface UnnumberedType extends TypeFields {
  numbered: false;
  /** The abbreviation the type would take if an office ever numbered it; null when it has none. */
  symbol: string | null;
  period: null;
}

const REGISTRY = {
  /** Kế hoạch of the committee (a plan). */
  plan: { name: 'KẾ HOẠCH', symbol: 'KH', issuerKind: 'commune', numbered: true, period: 'setting' },
  /** Báo cáo of the committee: the consolidated report upward, and its other reports. */
  report: { name: 'BÁO CÁO', symbol: 'BC', issuerKind: 'commune', numbered: true, period: 'setting' },
  /** Báo cáo of a cell on its study session: "Số 3-BC/CB", signed "T/M CHI BỘ / BÍ THƯ". */
  cellReport: { name: 'BÁO CÁO', symbol: 'BC', issuerKind: 'cell', numbered: true, period: 'year' },
  /** Giấy triệu tập to a conference. */
  convocation: { name: 'GIẤY TRIỆU TẬP', symbol: 'GTT', issuerKind: 'commune', numbered: true, period: 'setting' },
  /** Biên bản of a committee conference, registered with the office like its other documents. */
  minutes: { name: 'BIÊN BẢN', symbol: 'BB', issuerKind: 'commune', numbered: true, period: 'setting' },
  /** Biên bản of a cell session: cells do not number their minutes. */
  cellMinutes: { name: 'BIÊN BẢN', symbol: 'BB', issuerKind: 'cell', numbered: false, period: null },
  /** Danh sách đảng viên dự hội nghị: the sign-in sheet of a conference, not numbered. */
  signInSheet: { name: 'DANH SÁCH', symbol: null, issuerKind: 'commune', numbered: false, period: null },
  /** The same sheet for a cell's study session. */
  cellSignInSheet: { name: 'DANH SÁCH', symbol: null, issuerKind: 'cell', numbered: false, period: null },
  /** A member's study of the year on one page (the year-end evaluation's "đánh giá, xếp loại đảng viên"): not numbered. */
  memberRecord: { name: 'PHIẾU TỔNG HỢP', symbol: null, issuerKind: 'cell', numbered: false, period: null },
  /** The printed letter handing an account and its one-time code to a member: not an official document. */
  accountLetter: { name: 'THÔNG TIN TÀI KHOẢN', symbol: null, issuerKind: 'commune', numbered: false, period: null },
} as const satisfies Record<string, NumberedType | UnnumberedType>;

export type DocumentTypeId = keyof typeof REGISTRY;
export type DocumentType = (NumberedType | UnnumberedType) & { id: DocumentTypeId };
export type NumberedDocumentType = NumberedType & { id: DocumentTypeId };

/** Every document type by id. */
export const DOCUMENT_TYPES: { readonly [K in DocumentTypeId]: DocumentType } = Object.fromEntries(
  Object.entries(REGISTRY).map(([id, type]) => [id, Object.freeze({ id, ...type })]),
) as { [K in DocumentTypeId]: DocumentType };

export const documentTypeIds = Object.keys(REGISTRY) as DocumentTypeId[];

export function isDocumentTypeId(id: string): id is DocumentTypeId {
  return Object.hasOwn(REGISTRY, id);
}

/**
 * The whole symbol of a numbered type: "KH/ĐU", "BC/CB". `abbreviation` overrides the issuer's
 * (an organisation that signs "ĐUP"); null for a type without a symbol.
 */
export function symbolOf(type: DocumentType, abbreviation: string = ISSUER_ABBREVIATIONS[type.issuerKind]): string | null {
  return type.symbol === null ? null : documentSymbol(type.symbol, abbreviation);
}

/** The commune's numbering setting (commune_settings). */
export interface NumberingSetting {
  numbering: 'year' | 'term';
  /** First day of the committee's term (ISO date); 'term' counts from it. */
  termStartedOn: string | null;
}

/**
 * The period a number of `type` issued on `issuedOn` counts in: "2026", or "term:2025-10-01" when the
 * commune numbers over its term and the document is dated within it. A document dated before the
 * term's start (a late registration) counts in its year.
 */
export function numberingPeriod(type: NumberedDocumentType, setting: NumberingSetting, issuedOn: string): string {
  const { year } = parseIsoDate(issuedOn);
  const start = setting.termStartedOn;
  if (type.period === 'setting' && setting.numbering === 'term' && start && issuedOn >= start) return `term:${start}`;
  return String(year);
}
