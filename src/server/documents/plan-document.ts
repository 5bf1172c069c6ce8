// The plan (Kế hoạch) as a document model: the shared header (parts.ts), "KẾ HOẠCH" and its abstract,
// the preamble, sections I-IV with their sub-sections and text, the shared signature block and
// recipients. The model builder of one document type; the next types follow the same shape.
import type { ImportedPlan, ImportedSignature, PlanSection } from '../../domain/plan-import/types';
import { DOCUMENT_TYPES } from '../../domain/document-types';
import { LAYOUT, type UySpelling } from './layout';
import type { Block, DocumentModel } from './model';
import { abstractCase, buildHeader, buildRecipients, buildSignature, defaultSignature, upper, type HeaderInput } from './parts';
import { stripMarkers, textToBlocks } from './text-blocks';

/** The plan's header: the shared header's input, the type being the plan. */
export type PlanHeaderInput = Omit<HeaderInput, 'type'>;

export interface PlanDocumentOptions {
  /** The organisation's spelling of "ỦY"/"UỶ" in the capitals it prints. */
  spelling?: UySpelling;
  /** Used when the plan has no signature block of its own. */
  signature?: ImportedSignature;
}

const PLAN = DOCUMENT_TYPES.plan;

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
    header: buildHeader({ ...header, type: PLAN }, spelling),
    docType: PLAN.name,
    abstract: plan.title ? abstractCase(stripMarkers(plan.title)) : null,
    body,
    signature: buildSignature(plan.signature ?? options.signature ?? defaultSignature(PLAN.issuerKind), spelling),
    recipients: buildRecipients(plan.recipients, PLAN.issuerKind),
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
