// The plan (Kế hoạch) as a document model: header block, "KẾ HOẠCH" and its abstract, the preamble,
// sections I-IV with their sub-sections and text, the signature block and the recipients.
import type { ImportedPlan, ImportedSignature, PlanSection } from '../../domain/plan-import/types';
import {
  documentSymbol,
  formatDateLine,
  formatNumberLine,
  issuerAbbreviation,
} from '../../domain/document-numbering';
import { DOCUMENT_DEFAULTS } from './defaults';
import { LAYOUT, applyUySpelling, type UySpelling } from './layout';
import type { Block, DocumentHeader, DocumentModel, DocumentSignature } from './model';
import { stripMarkers, textToBlocks } from './text-blocks';

export interface PlanHeaderInput {
  /** "Đảng bộ tỉnh Tuyên Quang"; printed in capitals. */
  superior: string;
  /** "Đảng ủy phường Nông Tiến"; printed in capitals. */
  issuer: string;
  /** 45, "45" or "45-KH/ĐU"; null for an unissued draft. */
  number: number | string | null;
  /** "Nông Tiến". */
  place: string;
  /** ISO date; null for an undated draft. */
  date: string | null;
  /** The whole symbol, "KH/ĐU", as the plan record keeps it; derived when absent. */
  symbol?: string;
  /** The issuer's abbreviation in a derived symbol; from the issuer's name when absent ("ĐU"). */
  issuerAbbreviation?: string;
}

export interface PlanDocumentOptions {
  /** The organisation's spelling of "ỦY"/"UỶ" in the capitals it prints. */
  spelling?: UySpelling;
  /** Used when the plan has no signature block of its own. */
  signature?: ImportedSignature;
}

const PLAN_DOC_TYPE = 'KH';

export function buildPlanDocument(
  plan: ImportedPlan,
  header: PlanHeaderInput,
  options: PlanDocumentOptions = {},
): DocumentModel {
  const spelling = options.spelling ?? LAYOUT.spelling;
  const body: Block[] = [];
  for (const paragraph of plan.preamble) body.push(...textToBlocks(paragraph));
  for (const section of plan.sections) pushSection(body, section, 1);

  return {
    header: buildHeader(header, spelling),
    docType: 'KẾ HOẠCH',
    abstract: plan.title ? abstractCase(stripMarkers(plan.title)) : null,
    body,
    signature: buildSignature(plan.signature ?? options.signature ?? DOCUMENT_DEFAULTS.signature, spelling),
    recipients: recipientLines(plan.recipients.length > 0 ? plan.recipients : DOCUMENT_DEFAULTS.recipients),
  };
}

function buildHeader(input: PlanHeaderInput, spelling: UySpelling): DocumentHeader {
  const symbol = input.symbol ?? documentSymbol(PLAN_DOC_TYPE, input.issuerAbbreviation ?? issuerAbbreviation(input.issuer));
  const number = input.number === null ? null : String(input.number).trim() || null;
  const numberLine = formatNumberLine(number, symbol, LAYOUT.header.blankNumber);
  return {
    superior: capitals(input.superior, spelling),
    issuer: capitals(input.issuer, spelling),
    // A bare number gets the symbol, so `number` always reads like the number line without "Số ".
    number: number === null ? null : numberLine.replace(/^Số /u, ''),
    numberLine,
    place: input.place.trim(),
    date: input.date,
    dateLine: formatDateLine(input.place, input.date, {
      day: LAYOUT.header.blankDay,
      month: LAYOUT.header.blankMonth,
      year: LAYOUT.header.blankYear,
    }),
  };
}

function pushSection(body: Block[], section: PlanSection, depth: number): void {
  const level = Math.min(depth, 3) as 1 | 2 | 3;
  const title = stripMarkers(section.title);
  const number = stripMarkers(section.number);
  body.push({ kind: 'heading', level, text: headingText(level, number, title) });
  if (section.text) body.push(...textToBlocks(section.text));
  for (const child of section.children ?? []) pushSection(body, child, depth + 1);
}

/** "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) Cấp phường": the numbering styles of Party plans. */
function headingText(level: 1 | 2 | 3, number: string, title: string): string {
  if (!number) return level === 1 ? upper(title) : title;
  if (level === 1) return `${number}. ${upper(title)}`;
  if (/^\p{Ll}$/u.test(number)) return `${number}) ${title}`;
  return `${number}. ${title}`;
}

function buildSignature(signature: ImportedSignature, spelling: UySpelling): DocumentSignature {
  return {
    onBehalfOf: capitals(signature.onBehalfOf, spelling),
    position: capitals(signature.position, spelling),
    name: stripMarkers(signature.name),
  };
}

/** "- Ban Tuyên giáo … (báo cáo)," for each recipient; the last one ends with a full stop. */
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

function capitals(text: string, spelling: UySpelling): string {
  return applyUySpelling(upper(stripMarkers(text)), spelling);
}

function upper(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}
