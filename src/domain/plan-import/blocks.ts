// Paragraphs ("blocks") built from source lines. A block remembers which line each piece of its
// text came from, so an analyser that finds something at index i of a block can report the exact
// line and column of the normalised text.

import type { NormalisedText, SourceLine } from './normalise';

interface BlockPart {
  line: SourceLine;
  /** Index in the block's text where this line's piece starts. */
  start: number;
  /** Index in `line.text` where the piece starts. */
  from: number;
}

export interface Block {
  text: string;
  bullet: string | null;
  parts: BlockPart[];
}

export interface Position {
  line: number;
  column: number;
}

export function blockFromLine(line: SourceLine, from = 0): Block {
  return { text: line.text.slice(from), bullet: from === 0 ? line.bullet : null, parts: [{ line, start: 0, from }] };
}

/** Appends a wrapped line (or a paragraph that only continues this one) with one space. */
export function appendLine(block: Block, line: SourceLine): void {
  const start = block.text.length + 1;
  block.text += ` ${line.text}`;
  block.parts.push({ line, start, from: 0 });
}

/** The block from `offset` on, still mapped to its lines ("Ban X: làm Y" → "làm Y"). */
export function sliceBlock(block: Block, offset: number): Block {
  const parts: BlockPart[] = [];
  block.parts.forEach((part, i) => {
    const end = block.parts[i + 1]?.start ?? block.text.length + 1;
    if (end <= offset) return;
    if (part.start >= offset) parts.push({ ...part, start: part.start - offset });
    else parts.push({ line: part.line, start: 0, from: part.from + (offset - part.start) });
  });
  return { text: block.text.slice(offset), bullet: null, parts };
}

export function firstLine(block: Block): number {
  return block.parts[0].line.number;
}

export function positionIn(doc: NormalisedText, block: Block, index: number): Position {
  let part = block.parts[0];
  for (const candidate of block.parts) {
    if (candidate.start <= index) part = candidate;
    else break;
  }
  const lineIndex = part.from + Math.max(0, index - part.start);
  return { line: part.line.number, column: doc.columnAt(part.line, Math.min(lineIndex, part.line.text.length)) };
}

/** The block as it reads in a section text: list items keep their "- " (sub-items their "+ "). */
export function displayText(block: Block): string {
  if (!block.bullet) return block.text;
  return `${block.bullet === '+' ? '+' : '-'} ${block.text}`;
}

const ENUMERATOR = /^(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})?)[.)/]\s/u;

/**
 * True when a line only continues the paragraph before it: it starts with a lower-case letter, is
 * not a list item and not an enumerator ("a) …"). Word exports and hand-broken lines both do this.
 */
export function continuesParagraph(line: SourceLine): boolean {
  if (line.bullet || line.headingLevel > 0 || line.blank) return false;
  const first = line.text.codePointAt(0);
  if (first === undefined) return false;
  const ch = String.fromCodePoint(first);
  if (ch === ch.toUpperCase() || !/\p{L}/u.test(ch)) return false;
  return !ENUMERATOR.test(line.text);
}

/**
 * Groups lines into blocks: every non-blank line starts a block, except a continuation line,
 * which joins the previous block even across a blank line.
 */
export function groupBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const previous = blocks[blocks.length - 1];
    if (previous && continuesParagraph(line)) appendLine(previous, line);
    else blocks.push(blockFromLine(line));
  }
  return blocks;
}
