// The parts every Party document shares (Hướng dẫn 36-HD/VPTW, shared/spec/DOCUMENTS.md): the header
// block, the signature block, the recipients ("Nơi nhận") and the capitals they print. A document's
// model builder (plan-document.ts, and one file per further type) takes its type from the registry
// (domain/document-types.ts), builds these parts and adds only its own title and body.
import type { DocumentType, IssuerKind } from '../../domain/document-types';
import { ISSUER_ABBREVIATIONS, symbolOf } from '../../domain/document-types';
import { documentSymbol, formatDateLine, formatNumberLine, issuerAbbreviation } from '../../domain/document-numbering';
import { DOCUMENT_DEFAULTS } from './defaults';
import { LAYOUT, applyUySpelling, type UySpelling } from './layout';
import type { DocumentHeader, DocumentSignature } from './model';
import { stripMarkers } from './text-blocks';

export interface HeaderInput {
  /** The type of document, from the registry: its symbol and whether it carries a number line. */
  type: DocumentType;
  /**
   * Line 1, printed in capitals: the body above the issuer. "Đảng bộ tỉnh Tuyên Quang" for the
   * commune committee; "Đảng bộ phường Nông Tiến" for one of its cells (`cellSuperior`).
   */
  superior: string;
  /** Line 2, printed in bold capitals: "Đảng ủy phường Nông Tiến", "Chi bộ Tổ dân phố 3". */
  issuer: string;
  /** 45, "45" or "45-KH/ĐU"; null for an unissued draft (a blank to fill in by hand). Ignored for an unnumbered type. */
  number: number | string | null;
  /** "Nông Tiến". */
  place: string;
  /** ISO date; null for an undated draft. */
  date: string | null;
  /** The whole symbol when the record keeps its own ("KH/ĐUP"); otherwise derived from the type and issuer. */
  symbol?: string;
  /** The issuer's abbreviation in a derived symbol; from the issuer's name when absent ("ĐU", "CB"). */
  issuerAbbreviation?: string;
}

/**
 * The header block: left column superior / issuer (bold) / "*" / number line, right column the party
 * title and the place and date. A cell's header is the same block with its own lines:
 * "ĐẢNG BỘ PHƯỜNG NÔNG TIẾN" / "CHI BỘ …" / "*" / "Số 3-BC/CB". An unnumbered type (a sign-in sheet,
 * a cell's minutes) has no number line.
 */
export function buildHeader(input: HeaderInput, spelling: UySpelling = LAYOUT.spelling): DocumentHeader {
  const dateLine = formatDateLine(input.place, input.date, {
    day: LAYOUT.header.blankDay,
    month: LAYOUT.header.blankMonth,
    year: LAYOUT.header.blankYear,
  });
  const common = {
    superior: capitals(input.superior, spelling),
    issuer: capitals(input.issuer, spelling),
    place: input.place.trim(),
    date: input.date,
    dateLine,
  };
  const symbol = input.symbol ?? headerSymbol(input);
  if (!input.type.numbered || symbol === null) return { ...common, number: null, numberLine: null };
  const number = input.number === null ? null : String(input.number).trim() || null;
  const numberLine = formatNumberLine(number, symbol, LAYOUT.header.blankNumber);
  // A bare number gets the symbol, so `number` always reads like the number line without "Số ".
  return { ...common, number: number === null ? null : numberLine.replace(/^Số /u, ''), numberLine };
}

function headerSymbol(input: HeaderInput): string | null {
  if (input.type.symbol === null) return null;
  if (input.issuerAbbreviation) return symbolOf(input.type, input.issuerAbbreviation);
  // The issuer's name says what it is ("Chi bộ …" → CB); a name that does not falls back to the kind's.
  const fromName = issuerAbbreviation(input.issuer);
  const abbreviation = fromName === ISSUER_ABBREVIATIONS.commune ? ISSUER_ABBREVIATIONS[input.type.issuerKind] : fromName;
  return documentSymbol(input.type.symbol, abbreviation);
}

/**
 * The superior line of a cell's header: the commune's party organisation, named from its committee
 * ("Đảng ủy phường Nông Tiến" → "Đảng bộ phường Nông Tiến").
 */
export function cellSuperior(communeIssuer: string): string {
  return communeIssuer.trim().replace(/^(Đảng|ĐẢNG)\s+(ủy|uỷ|ỦY|UỶ)(?!\p{L})/u, (_m, dang: string, uy: string) =>
    `${dang} ${uy === uy.toLocaleUpperCase('vi') ? 'BỘ' : 'bộ'}`,
  );
}

/** The signature block as a document's source or settings give it. */
export interface SignatureInput {
  /** "T/M BAN THƯỜNG VỤ", "T/M CHI BỘ"; printed in bold capitals. */
  onBehalfOf: string;
  /** "PHÓ BÍ THƯ", "BÍ THƯ"; printed in capitals. */
  position: string;
  /** "Nguyễn Mạnh Hùng"; empty when not known yet (signed by hand). */
  name: string;
}

/**
 * The signature block, right of the recipients: authority (bold capitals), position (capitals), the
 * gap for the signature and seal, the signer's name (bold). Party documents sign "T/M" the collective
 * body and print the signer's own position under it ("T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"); a cell signs
 * "T/M CHI BỘ / BÍ THƯ" (`defaultSignature('cell')`).
 */
export function buildSignature(signature: SignatureInput, spelling: UySpelling = LAYOUT.spelling): DocumentSignature {
  return {
    onBehalfOf: capitals(signature.onBehalfOf, spelling),
    position: capitals(signature.position, spelling),
    name: stripMarkers(signature.name).trim(),
  };
}

/** Who signs a document of this kind of issuer when its source does not say. */
export function defaultSignature(kind: IssuerKind): SignatureInput {
  return DOCUMENT_DEFAULTS.signature[kind];
}

/**
 * "Nơi nhận": one line per recipient, "- Ban Tuyên giáo … (báo cáo),", the last ending with a full
 * stop. Without recipients, the document is at least filed by its issuer ("- Lưu Văn phòng Đảng ủy.",
 * "- Lưu Chi bộ.").
 */
export function buildRecipients(recipients: readonly string[], kind: IssuerKind): string[] {
  const lines = recipientLines(recipients);
  return lines.length > 0 ? lines : recipientLines(DOCUMENT_DEFAULTS.recipients[kind]);
}

/** "- Ban Tuyên giáo … (báo cáo)," for each recipient, whatever dash or punctuation it came with. */
export function recipientLines(recipients: readonly string[]): string[] {
  const names = recipients
    .map((r) => stripMarkers(r).replace(/^[-–•+]\s*/u, '').replace(/[,.;]+$/u, '').trim())
    .filter((r) => r !== '');
  return names.map((name, i) => `- ${name}${i === names.length - 1 ? '.' : ','}`);
}

/**
 * The abstract continues the type of document ("KẾ HOẠCH / tổ chức tuyên truyền …"), so it starts in
 * lower case, unless its first word is an abbreviation ("UBND …") or a capitalised name of several
 * words ("Ban Thường vụ …").
 */
export function abstractCase(title: string): string {
  const words = title.trim().split(/\s+/u);
  const [first = '', second = ''] = words;
  const isAbbreviation = first.length > 1 && first === upper(first);
  const isName = /^\p{Lu}/u.test(second);
  if (isAbbreviation || isName) return title.trim();
  return title.trim().replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'));
}

/** A header or signature line in capitals, with the organisation's spelling of ỦY/UỶ. */
export function capitals(text: string, spelling: UySpelling): string {
  return applyUySpelling(upper(stripMarkers(text)), spelling);
}

export function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}
