// The document's skeleton: header lines, "KẾ HOẠCH" and the title, the preamble, the numbered
// sections (I., 1., a)) with their paragraphs, and the end matter (recipients, signature).
// Headings are recognised by their numbering, whatever the markup: "I. MỤC ĐÍCH", "### I. …",
// "## **2. Ủy ban nhân dân phường**", "#### 1. Mục đích", "1. Ban xây dựng Đảng: Chủ trì, …".

import { appendLine, blockFromLine, type Block, continuesParagraph, groupBlocks } from './blocks';
import { looksLikeHeaderLine } from './header';
import type { SourceLine } from './normalise';
import { isUpperCaseText, stripTrailing } from './text';

export interface OutlineNode {
  number: string;
  title: string;
  level: 1 | 2 | 3;
  line: SourceLine;
  /** Paragraphs directly under the heading; a heading "1. Ban X: làm Y" gives the block "làm Y". */
  blocks: Block[];
  children: OutlineNode[];
}

export interface Outline {
  headerLines: SourceLine[];
  docTypeLine: SourceLine | null;
  title: Block | null;
  preamble: Block[];
  sections: OutlineNode[];
  /** From the first "Nơi nhận:" or signature line to the end. */
  endMatter: SourceLine[];
  /** Every block before the end matter in reading order (title, preamble, whole heading lines, bodies). */
  allBlocks: Block[];
}

const ROMAN = /^(?:PHẦN\s+)?(XX|XIX|XVIII|XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*[.):/–-]\s*(\S.*)$/u;
const ARABIC = /^(\d{1,2})\s*[.)/]\s+(\S.*)$/u;
const DOTTED = /^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$/u;
const LETTER = /^([a-zđ])[.)]\s+(\S.*)$/u;
const DOC_TYPE = /^KẾ\s+HOẠCH(?=$|[\s:.])\s*[:.]?\s*/u;
const RECIPIENTS_LABEL = /^Nơi\s+nhận\b/iu;
export const AUTHORITY_LINE = /^(?:T\s?\/\s?M|TM|K\s?\/\s?T|KT|T\s?\/\s?L|TL|TUQ)\s?\.?\s+\p{Lu}/u;
const PREAMBLE_OPENER =
  /^(?:Thực hiện|Căn cứ|Triển khai|Thi hành|Để|Nhằm|Theo|Ban Thường vụ|Ban Chấp hành|Thường trực|Chi ủy|Đảng ủy|Ban Chỉ đạo)\b/u;

interface Heading {
  number: string;
  title: string;
  level: 1 | 2 | 3;
  /** Text after "Title:" on the same line, as an index into line.text. */
  inlineFrom: number | null;
}

/**
 * Splits "Ban xây dựng Đảng: Chủ trì, …" into a short title and the rest; null when the line reads
 * as a sentence rather than a heading.
 */
function headingParts(line: SourceLine, body: string, bodyFrom: number): { title: string; inlineFrom: number | null } | null {
  const colon = body.indexOf(':');
  if (colon > 0) {
    const head = body.slice(0, colon).trim();
    if (head.length <= 90 && head.split(/\s+/u).length <= 12) {
      let inline = colon + 1;
      while (inline < body.length && body[inline] === ' ') inline++;
      return { title: stripTrailing(head), inlineFrom: inline < body.length ? bodyFrom + inline : null };
    }
  }
  const sentenceLike = body.length > 120 || /[.;,]$/u.test(body.replace(/\.\/\.$/u, '.'));
  if (sentenceLike && !line.strong && line.headingLevel === 0) return null;
  return { title: stripTrailing(body), inlineFrom: null };
}

function classify(line: SourceLine, romanSeen: boolean): Heading | null {
  const text = line.text;
  let m = ROMAN.exec(text);
  if (m && /\p{L}/u.test(m[2])) {
    const parts = headingParts(line, m[2], text.length - m[2].length);
    if (parts && (isUpperCaseText(parts.title) || line.headingLevel > 0 || line.strong || parts.title.length <= 80)) {
      return { number: m[1], level: 1, ...parts };
    }
  }
  m = DOTTED.exec(text) ?? null;
  if (m) {
    const parts = headingParts(line, m[2], text.length - m[2].length);
    if (parts) return { number: m[1], level: 3, ...parts };
  }
  m = ARABIC.exec(text);
  if (m) {
    const parts = headingParts(line, m[2], text.length - m[2].length);
    if (!parts) return null;
    const topLevel = !romanSeen && isUpperCaseText(parts.title);
    return { number: m[1], level: topLevel ? 1 : 2, ...parts };
  }
  m = LETTER.exec(text);
  if (m) {
    const parts = headingParts(line, m[2], text.length - m[2].length);
    if (parts) return { number: m[1], level: 3, ...parts };
  }
  if (line.headingLevel > 0 && /\p{L}/u.test(text)) {
    return { number: '', title: stripTrailing(text), level: 2, inlineFrom: null };
  }
  return null;
}

const isEndMatter = (line: SourceLine): boolean => RECIPIENTS_LABEL.test(line.text) || AUTHORITY_LINE.test(line.text);

/** Adds a body line to a node: a continuation joins the last paragraph, anything else starts one. */
function addLine(node: OutlineNode, line: SourceLine, afterHeading: boolean): void {
  const last = node.blocks[node.blocks.length - 1];
  if (last && !afterHeading && continuesParagraph(line)) appendLine(last, line);
  else node.blocks.push(blockFromLine(line));
}

function extractTitle(lines: SourceLine[], docType: number, end: number): { title: Block | null; next: number } {
  const first = lines[docType];
  const rest = DOC_TYPE.exec(first.text);
  let title: Block | null = rest && rest[0].length < first.text.length ? blockFromLine(first, rest[0].length) : null;
  let i = docType + 1;
  if (!title) {
    while (i < end && lines[i].blank) i++;
    if (i >= end || PREAMBLE_OPENER.test(lines[i].text)) return { title: null, next: i };
    title = blockFromLine(lines[i]);
    title.bullet = null;
    i++;
  }
  while (i < end && !lines[i].blank && !PREAMBLE_OPENER.test(lines[i].text)) appendLine(title, lines[i++]);
  for (let j = i; j < end; j++) {
    if (lines[j].blank) continue;
    if (!continuesParagraph(lines[j])) break;
    appendLine(title, lines[j]);
    i = j + 1;
  }
  return { title, next: i };
}

export function buildOutline(lines: SourceLine[]): Outline {
  const romanSeen = lines.some((l) => !l.blank && ROMAN.test(l.text) && classify(l, true)?.level === 1);
  const headings = new Map<number, Heading>();
  let firstSection = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.blank) continue;
    const heading = classify(line, romanSeen);
    if (!heading) continue;
    if (firstSection < 0 && heading.level !== 1) continue;
    if (firstSection < 0) firstSection = i;
    headings.set(i, heading);
  }
  const bodyStart = firstSection < 0 ? lines.length : firstSection;
  let endStart = lines.length;
  for (let i = firstSection < 0 ? 0 : firstSection; i < lines.length; i++) {
    if (!lines[i].blank && isEndMatter(lines[i])) {
      endStart = i;
      break;
    }
  }
  const frontEnd = Math.min(bodyStart, endStart);
  const docType = lines.slice(0, frontEnd).findIndex((l) => DOC_TYPE.test(l.text));
  let headerLines: SourceLine[] = [];
  let title: Block | null = null;
  let preambleFrom = 0;
  if (docType >= 0) {
    headerLines = lines.slice(0, docType).filter((l) => !l.blank);
    const extracted = extractTitle(lines, docType, frontEnd);
    title = extracted.title;
    preambleFrom = extracted.next;
  } else {
    while (preambleFrom < frontEnd && (lines[preambleFrom].blank || looksLikeHeaderLine(lines[preambleFrom]))) preambleFrom++;
    headerLines = lines.slice(0, preambleFrom).filter((l) => !l.blank);
  }
  const preamble = groupBlocks(lines.slice(preambleFrom, frontEnd));

  const sections: OutlineNode[] = [];
  const allBlocks: Block[] = [...(title ? [title] : []), ...preamble];
  let section: OutlineNode | null = null;
  let child: OutlineNode | null = null;
  let current: OutlineNode | null = null;
  let afterHeading = false;
  for (let i = bodyStart; i < endStart; i++) {
    const line = lines[i];
    if (line.blank) continue;
    const heading = headings.get(i);
    if (heading && (heading.level === 1 || section)) {
      const node: OutlineNode = { number: heading.number, title: heading.title, level: heading.level, line, blocks: [], children: [] };
      const headingBlock = blockFromLine(line);
      allBlocks.push(headingBlock);
      if (heading.level === 1) {
        sections.push(node);
        section = node;
        child = null;
      } else if (heading.level === 2 || !child) {
        node.level = 2;
        section!.children.push(node);
        child = node;
      } else {
        child.children.push(node);
      }
      current = node;
      afterHeading = true;
      if (heading.inlineFrom !== null) {
        const inline = blockFromLine(line, heading.inlineFrom);
        node.blocks.push(inline);
        afterHeading = false;
      }
      continue;
    }
    if (!current) continue;
    const before = current.blocks.length;
    addLine(current, line, afterHeading);
    if (current.blocks.length > before) allBlocks.push(current.blocks[current.blocks.length - 1]);
    afterHeading = false;
  }
  return { headerLines, docTypeLine: docType >= 0 ? lines[docType] : null, title, preamble, sections, endMatter: lines.slice(endStart), allBlocks };
}
