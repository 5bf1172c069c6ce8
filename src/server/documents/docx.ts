// Renders a document model as DOCX (the editable, primary format) with the `docx` library. Every
// size, margin and spacing comes from layout.ts; this file only maps the model onto Word's structure.
//
// Formatting lives in named paragraph styles ("QT Nội dung", "QT Đề mục 1", …) rather than on every
// paragraph: an office that edits the plan in Word adds a paragraph in the same style with one click
// or changes all of them at once; and the document part is a third smaller, which keeps a plan's
// render under 10 ms.
import {
  AlignmentType,
  Document,
  FileChild,
  Header,
  LineRuleType,
  PageNumber,
  PageBreak,
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
  type IContext,
  type IParagraphStyleOptions,
  type IXmlableObject,
} from 'docx';
import { packDocx, writtenDirectly } from './docx-zip';
import { xmlString } from './xml-string';
import { LAYOUT, PAGE_TWIPS, mmToTwips, ptToHalfPoints, ptToTwips } from './layout';
import type { Block, DocumentModel, Inline } from './model';

const { size: SIZE } = LAYOUT;

/** Spacing of a paragraph at an exact line height: exact, so both header columns share baselines. */
const exact = (linePt: number, afterPt = 0, beforePt = 0) => ({
  line: ptToTwips(linePt),
  lineRule: LineRuleType.EXACT,
  after: ptToTwips(afterPt),
  before: ptToTwips(beforePt),
});

/** The paragraph styles, each with its size in points (a run states its size only when it differs). */
const STYLES = {
  header: { name: 'QT Dòng đầu văn bản', size: SIZE.superior, align: AlignmentType.CENTER, spacing: exact(LAYOUT.header.lineExactPt) },
  docType: {
    name: 'QT Tên loại văn bản',
    size: SIZE.docType,
    bold: true,
    align: AlignmentType.CENTER,
    spacing: exact(LAYOUT.title.lineExactPt, 0, LAYOUT.header.spaceAfterPt),
  },
  abstract: { name: 'QT Trích yếu', size: SIZE.abstract, bold: true, align: AlignmentType.CENTER, spacing: exact(LAYOUT.title.lineExactPt) },
  body: {
    name: 'QT Nội dung',
    size: SIZE.body,
    align: AlignmentType.JUSTIFIED,
    spacing: exact(LAYOUT.body.lineExactPt, LAYOUT.body.spaceAfterPt),
    indent: { firstLine: mmToTwips(LAYOUT.body.firstLineIndentMm) },
  },
  heading1: { name: 'QT Đề mục 1', basedOn: 'body', size: SIZE.heading, ...LAYOUT.heading[1] },
  heading2: { name: 'QT Đề mục 2', basedOn: 'body', size: SIZE.heading, ...LAYOUT.heading[2] },
  heading3: { name: 'QT Đề mục 3', basedOn: 'body', size: SIZE.heading, ...LAYOUT.heading[3] },
  recipientsLabel: { name: 'QT Nơi nhận', size: SIZE.recipientsLabel, align: AlignmentType.LEFT, spacing: exact(LAYOUT.header.lineExactPt) },
  recipient: { name: 'QT Người nhận', size: SIZE.recipient, align: AlignmentType.LEFT, spacing: exact(LAYOUT.signature.recipientLineExactPt) },
  signer: { name: 'QT Chữ ký', size: SIZE.authority, align: AlignmentType.CENTER, spacing: exact(LAYOUT.header.lineExactPt) },
  // A grid table's cells: the body's size on single lines. Their look lives here, not on each of a
  // consolidated report's hundreds of cells, which keeps that table's XML (and its rendering) small.
  cell: { name: 'QT Ô bảng', size: SIZE.body, align: AlignmentType.LEFT, spacing: exact(LAYOUT.body.lineExactPt) },
  cellCentered: { name: 'QT Ô bảng giữa', basedOn: 'cell', size: SIZE.body, align: AlignmentType.CENTER },
  cellHeading: { name: 'QT Đầu bảng', basedOn: 'cellCentered', size: SIZE.body, bold: true },
} as const;

type StyleKey = keyof typeof STYLES;
type StyleDef = {
  name: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  basedOn?: StyleKey;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  spacing?: ReturnType<typeof exact>;
  indent?: { firstLine: number };
};

const styleId = (key: StyleKey) => `Qt${key[0].toUpperCase()}${key.slice(1)}`;

/** Built once: the styles are the same for every document. */
const PARAGRAPH_STYLES: IParagraphStyleOptions[] = paragraphStyles();

function paragraphStyles(): IParagraphStyleOptions[] {
  return (Object.entries(STYLES) as [StyleKey, StyleDef][]).map(([key, s]) => ({
    id: styleId(key),
    name: s.name,
    basedOn: s.basedOn ? styleId(s.basedOn) : 'Normal',
    next: key.startsWith('heading') ? styleId('body') : styleId(key),
    quickFormat: true,
    run: { size: ptToHalfPoints(s.size), bold: s.bold || undefined, italics: s.italic || undefined },
    // A heading never ends a page alone.
    paragraph: { alignment: s.align, spacing: s.spacing, indent: s.indent, keepNext: key.startsWith('heading') || undefined },
  }));
}

interface RunStyle {
  size?: number; // points, when it differs from the paragraph style's
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    size: style.size === undefined ? undefined : ptToHalfPoints(style.size),
    bold: style.bold || undefined,
    italics: style.italic || undefined,
    // A single underline on the run is as long as the text in Word and LibreOffice alike (spaces
    // included), which is exactly the rule the guidance draws under "ĐẢNG CỘNG SẢN VIỆT NAM"; a
    // paragraph border would span the whole column instead.
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

/** A run's size only where it differs from its paragraph style's, so the XML stays lean. */
const sizeIn = (key: StyleKey, pt: number) => (STYLES[key].size === pt ? undefined : pt);

function para(key: StyleKey, children: TextRun[], spacing?: ReturnType<typeof exact>): Paragraph {
  return new Paragraph({ style: styleId(key), children, spacing });
}

/** A borderless one-row table of two columns: the header block and the signature block. */
function twoColumns(leftShare: number, left: Paragraph[], right: Paragraph[]): Table {
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
    // The block is never split across pages.
    rows: [new TableRow({ cantSplit: true, children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });
}

function headerBlock(model: DocumentModel): Table {
  const h = model.header;
  const left = [
    para('header', [run(h.superior)]),
    para('header', [run(h.issuer, { bold: true, size: sizeIn('header', SIZE.issuer) })]),
    para('header', [run('*', { size: sizeIn('header', SIZE.asterisk) })]),
  ];
  if (h.numberLine !== null) left.push(para('header', [run(h.numberLine, { size: sizeIn('header', SIZE.number) })]));
  const right = [
    para('header', [run(LAYOUT.header.partyTitle, { size: sizeIn('header', SIZE.partyTitle), bold: true, underline: true })]),
    para('header', [run(h.dateLine, { size: sizeIn('header', SIZE.placeDate), italic: true })]),
  ];
  return twoColumns(LAYOUT.header.leftShare, left, right);
}

function titleBlock(model: DocumentModel): Paragraph[] {
  const out = [para('docType', [run(model.docType)])];
  if (model.abstract) out.push(para('abstract', [run(model.abstract)]));
  if (LAYOUT.title.abstractRule) out.push(para('abstract', [run(LAYOUT.title.abstractRule)]));
  // The space between the title block and the body: an empty line of that height.
  out.push(para('abstract', [], exact(LAYOUT.title.spaceAfterPt)));
  return out;
}

function inlineRuns(inlines: Inline[]): TextRun[] {
  return inlines.map((i) => run(i.text, { bold: i.bold, italic: i.italic }));
}

/** A bordered grid: the header row bold and repeated on every page, rows never split. */
function gridTable(block: Extract<Block, { kind: 'table' }>): FileChild {
  const widths = block.columns.map((c) => Math.round(PAGE_TWIPS.textWidth * c.share));
  const heading = styleId('cellHeading');
  // Every cell's look is its paragraph style's: the cell states only its width, alignment and text.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          children: [new Paragraph({ style: heading, children: [new TextRun({ text: c.title })] })],
        }),
    ),
  });
  const table = new Table({
    width: { size: PAGE_TWIPS.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    rows: [header],
  });
  const styles = block.columns.map((c) => styleId(c.align === 'center' ? 'cellCentered' : 'cell'));
  return new GridRows(table, block.rows.map((r) => gridRow(r, widths, styles)));
}

/**
 * A body row of a grid table as the serialiser's object, the very one the library's TableRow,
 * TableCell, Paragraph and TextRun would prepare (docx.test.ts compares them): a consolidated report
 * has hundreds of cells, and the library's classes cost a dozen objects and copies per cell.
 */
function gridRow(texts: readonly string[], widths: readonly number[], styles: readonly string[]): IXmlableObject {
  return {
    'w:tr': [
      { 'w:trPr': [{ 'w:cantSplit': {} }] },
      ...texts.map((text, i) => ({
        'w:tc': [
          { 'w:tcPr': [{ 'w:tcW': { _attr: { 'w:type': 'dxa', 'w:w': widths[i] } } }, { 'w:vAlign': { _attr: { 'w:val': 'center' } } }] },
          { 'w:p': [{ 'w:pPr': [{ 'w:pStyle': { _attr: { 'w:val': styles[i] } } }] }, { 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, text] }] }] },
        ],
      })),
    ],
  };
}

/** The library's table (its properties, grid and header row) followed by rows prepared by gridRow. */
class GridRows extends FileChild {
  constructor(
    private readonly table: Table,
    private readonly rows: readonly IXmlableObject[],
  ) {
    super('w:tbl');
  }

  // The library's documented hook for a component that prepares its own XML. When renderDocx packs
  // the document, the body rows go in as text written by xmlString (the same text the library's
  // serialiser would write from the objects, at a fraction of its allocations).
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const prepared = this.table.prepForXml(context) as { 'w:tbl': IXmlableObject[] };
    const direct = writtenDirectly(context.file, () => xmlString(...this.rows));
    return { 'w:tbl': [...prepared['w:tbl'], ...(direct ? [direct] : this.rows)] };
  }
}

function bodyParagraph(block: Block): FileChild {
  if (block.kind === 'table') return gridTable(block);
  if (block.kind === 'heading') return para(`heading${block.level}`, [run(block.text)]);
  const dash = block.kind === 'bullet' ? [run(LAYOUT.body.dashPrefix)] : [];
  return para('body', [...dash, ...inlineRuns(block.inlines)]);
}

function signatureBlock(model: DocumentModel): Table {
  const signer = (s: DocumentModel['signature']) => [
    para('signer', [run(s.onBehalfOf, { bold: true })]),
    para('signer', [run(s.position, { size: sizeIn('signer', SIZE.position) })]),
    // The gap for the signature and the seal, above the name.
    para('signer', [run(s.name, { bold: true, size: sizeIn('signer', SIZE.signer) })], exact(LAYOUT.header.lineExactPt, 0, LAYOUT.signature.gapPt)),
  ];
  const left = model.counterSignature
    ? signer(model.counterSignature)
    : [para('recipientsLabel', [run(LAYOUT.signature.recipientsLabel, { underline: true })]), ...model.recipients.map((r) => para('recipient', [run(r)]))];
  return twoColumns(LAYOUT.signature.leftShare, left, signer(model.signature));
}

/** The page number, centred at the top from page 2 on; the first page's header stays empty. */
function pageHeaders(): { default: Header; first: Header } {
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], size: ptToHalfPoints(SIZE.pageNumber) })],
  });
  return { default: new Header({ children: [number] }), first: new Header({ children: [new Paragraph({})] }) };
}

export function buildDocx(model: DocumentModel): Document {
  return buildDocxPages([model], { pageNumbers: true });
}

/** The children of one document: header, title, body, signature and recipients. */
function documentChildren(model: DocumentModel, breakAfter: boolean): FileChild[] {
  return [
    headerBlock(model),
    ...titleBlock(model),
    ...model.body.map(bodyParagraph),
    para('body', [], exact(LAYOUT.signature.spaceBeforePt)),
    signatureBlock(model),
    // Word keeps a paragraph after a final table anyway; a 1 pt one cannot spill onto a new page.
    // Between documents it carries the page break, so the next one starts at the top of a page.
    new Paragraph({ style: styleId('recipient'), spacing: exact(1), children: breakAfter ? [new PageBreak()] : [] }),
  ];
}

/**
 * Several documents in one file, one after another, each starting on a new page (the letters of a
 * bulk onboarding: one per person). One section, so 3,000 letters do not make 3,000 header parts;
 * `pageNumbers: false` leaves the pages unnumbered (each letter stands alone).
 */
export function buildDocxPages(models: readonly DocumentModel[], { pageNumbers = false }: { pageNumbers?: boolean } = {}): Document {
  const font = LAYOUT.font.family;
  const first = models[0];
  return new Document({
    creator: 'QuánTriệt',
    title: first ? [first.docType, first.abstract].filter(Boolean).join(' ') : '',
    styles: {
      default: {
        document: {
          // Times New Roman for every script slot, so no run falls back to a theme font.
          run: {
            font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
            size: ptToHalfPoints(SIZE.body),
            language: { value: LAYOUT.font.language },
          },
        },
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: [
      {
        properties: {
          titlePage: pageNumbers,
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...PAGE_TWIPS.margin },
          },
        },
        ...(pageNumbers ? { headers: pageHeaders() } : {}),
        children: models.flatMap((model, i) => documentChildren(model, i < models.length - 1)),
      },
    ],
  });
}

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  return packDocx(buildDocx(model));
}

export async function renderDocxPages(models: readonly DocumentModel[]): Promise<Buffer> {
  return packDocx(buildDocxPages(models));
}
