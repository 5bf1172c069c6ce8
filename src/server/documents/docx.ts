// Renders a document model as DOCX (the editable, primary format) with the `docx` library. Every
// size, margin and spacing comes from layout.ts; this file only maps the model onto Word's structure.
import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import { LAYOUT, PAGE_TWIPS, mmToTwips, ptToHalfPoints, ptToTwips } from './layout';
import type { Block, DocumentModel, Inline } from './model';

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

interface RunStyle {
  size: number; // points
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    size: ptToHalfPoints(style.size),
    bold: style.bold || undefined,
    italics: style.italic || undefined,
    // A single underline on the run is as long as the text in Word and LibreOffice alike (spaces
    // included), which is exactly the rule the guidance draws under "ĐẢNG CỘNG SẢN VIỆT NAM"; a
    // paragraph border would span the whole column instead.
    underline: undefined,
  });
}

/** A paragraph of one run at an exact line height (exact, so the two header columns stay aligned). */
function line(
  text: string,
  style: RunStyle,
  align: Alignment,
  lineExactPt: number,
  space: { beforePt?: number; afterPt?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: align,
    spacing: {
      before: ptToTwips(space.beforePt ?? 0),
      after: ptToTwips(space.afterPt ?? 0),
      line: ptToTwips(lineExactPt),
      lineRule: LineRuleType.EXACT,
    },
    children: text === '' ? [] : [run(text, style)],
  });
}

/** A borderless one-row table of two columns: the header block and the signature block. */
function twoColumns(leftShare: number, left: Paragraph[], right: Paragraph[], cantSplit: boolean): Table {
  const leftWidth = Math.round(PAGE_TWIPS.textWidth * leftShare);
  const widths = [leftWidth, PAGE_TWIPS.textWidth - leftWidth];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP });
  return new Table({
    width: { size: PAGE_TWIPS.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    // No cell padding: the columns' text is centred in them and the table is as wide as the text.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [new TableRow({ cantSplit, children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });
}

function headerBlock(model: DocumentModel): Table {
  const { size, header } = LAYOUT;
  const h = header.lineExactPt;
  const C = AlignmentType.CENTER;
  const left = [
    line(model.header.superior, { size: size.superior }, C, h),
    line(model.header.issuer, { size: size.issuer, bold: true }, C, h),
    line('*', { size: size.asterisk }, C, h),
    line(model.header.numberLine, { size: size.number }, C, h),
  ];
  const right = [
    line(header.partyTitle, { size: size.partyTitle, bold: true, underline: true }, C, h),
    line(model.header.dateLine, { size: size.placeDate, italic: true }, C, h),
  ];
  return twoColumns(header.leftShare, left, right, true);
}

function titleBlock(model: DocumentModel): Paragraph[] {
  const { size, title, header } = LAYOUT;
  const C = AlignmentType.CENTER;
  const out = [
    line(model.docType, { size: size.docType, bold: true }, C, title.lineExactPt, { beforePt: header.spaceAfterPt }),
  ];
  if (model.abstract) out.push(line(model.abstract, { size: size.abstract, bold: true }, C, title.lineExactPt));
  if (title.abstractRule) out.push(line(title.abstractRule, { size: size.abstract }, C, title.lineExactPt));
  // The space between the title block and the body goes after its last line.
  out.push(line('', { size: size.body }, C, title.spaceAfterPt));
  return out;
}

function inlineRuns(inlines: Inline[], size: number, base: { bold?: boolean; italic?: boolean } = {}): TextRun[] {
  return inlines.map((i) => run(i.text, { size, bold: base.bold || i.bold, italic: base.italic || i.italic }));
}

function bodyParagraph(block: Block): Paragraph {
  const { body, size } = LAYOUT;
  const common = {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwips(body.firstLineIndentMm) },
    spacing: { after: ptToTwips(body.spaceAfterPt), line: ptToTwips(body.lineExactPt), lineRule: LineRuleType.EXACT },
  };
  if (block.kind === 'heading') {
    const style = LAYOUT.heading[block.level];
    // A heading never ends a page alone.
    return new Paragraph({ ...common, keepNext: true, children: [run(block.text, { size: size.heading, ...style })] });
  }
  const dash = block.kind === 'bullet' ? [run(body.dashPrefix, { size: size.body })] : [];
  return new Paragraph({ ...common, children: [...dash, ...inlineRuns(block.inlines, size.body)] });
}

function signatureBlock(model: DocumentModel): Table {
  const { size, signature } = LAYOUT;
  const h = LAYOUT.header.lineExactPt;
  const C = AlignmentType.CENTER;
  const L = AlignmentType.LEFT;
  const left = [
    line(signature.recipientsLabel, { size: size.recipientsLabel, underline: true }, L, h),
    ...model.recipients.map((r) => line(r, { size: size.recipient }, L, signature.recipientLineExactPt)),
  ];
  const right = [
    line(model.signature.onBehalfOf, { size: size.authority, bold: true }, C, h),
    line(model.signature.position, { size: size.position }, C, h),
    line(model.signature.name, { size: size.signer, bold: true }, C, h, { beforePt: signature.gapPt }),
  ];
  return twoColumns(signature.leftShare, left, right, true);
}

/** The page number, centred at the top from page 2 on; the first page's header stays empty. */
function pageHeaders(): { default: Header; first: Header } {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: ptToHalfPoints(LAYOUT.size.pageNumber) })],
  });
  return { default: new Header({ children: [number] }), first: new Header({ children: [new Paragraph({})] }) };
}

export function buildDocx(model: DocumentModel): Document {
  const font = LAYOUT.font.family;
  return new Document({
    creator: 'QuánTriệt',
    title: [model.docType, model.abstract].filter(Boolean).join(' '),
    styles: {
      default: {
        document: {
          // Times New Roman for every script slot, so no run falls back to a theme font.
          run: {
            font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
            size: ptToHalfPoints(LAYOUT.size.body),
            language: { value: LAYOUT.font.language },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...PAGE_TWIPS.margin },
          },
        },
        headers: pageHeaders(),
        children: [
          headerBlock(model),
          ...titleBlock(model),
          ...model.body.map(bodyParagraph),
          line('', { size: LAYOUT.size.body }, AlignmentType.LEFT, LAYOUT.signature.spaceBeforePt),
          signatureBlock(model),
          // Word keeps a paragraph after a final table anyway; a 1 pt one cannot spill onto a new page.
          line('', { size: 1 }, AlignmentType.LEFT, 1),
        ],
      },
    ],
  });
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  return Packer.toBuffer(buildDocx(model));
}
