// Turns the imported plan's free text (Markdown-ish, as pasted from Word or a PDF) into body blocks:
// paragraphs split on blank lines, "- " lines as dash paragraphs, bold/italic markers turned into
// emphasis and removed from the printed text.
import type { Block, Inline } from './model';

const DASH_LINE = /^[-–•+]\s+|^\*\s+/u;
const HEADING_MARKS = /^#{1,6}\s+/u;
// A paragraph is finished when it ends with one of these; otherwise a following chunk that starts
// in lower case continues it (a page break of the PDF the text was copied from, as in the fixture's
// "… các tổ chức" / "chính trị - xã hội …").
const SENTENCE_END = /[.:;!?…)»"”]$/u;

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const chunks = text.normalize('NFC').replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  for (const chunk of chunks) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim().replace(HEADING_MARKS, ''))
      .filter((l) => l !== '');
    lines.forEach((line, index) => {
      const last = blocks[blocks.length - 1];
      if (DASH_LINE.test(line)) {
        blocks.push({ kind: 'bullet', inlines: parseInlines(line.replace(DASH_LINE, '')) });
      } else if (last && (last.kind === 'paragraph' || last.kind === 'bullet') && continues(last, line, index === 0)) {
        last.inlines = mergeInlines([...last.inlines, { text: ' ' }, ...parseInlines(line)]);
      } else {
        blocks.push({ kind: 'paragraph', inlines: parseInlines(line) });
      }
    });
  }
  return blocks;
}

/** Whether `line` continues the previous paragraph instead of starting a new one. */
function continues(previous: { inlines: Inline[] }, line: string, firstOfChunk: boolean): boolean {
  const startsLower = /^\p{Ll}/u.test(stripMarkers(line));
  if (!firstOfChunk) return startsLower || !endsSentence(previous);
  return startsLower && !endsSentence(previous);
}

function endsSentence(block: { inlines: Inline[] }): boolean {
  return SENTENCE_END.test(block.inlines.map((i) => i.text).join('').trimEnd());
}

// ***bold italic***, **bold**, __bold__, *italic*; an asterisk must touch the text it marks, so
// "5 * 3" and a lone "*" stay as they are.
const EMPHASIS = /\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*|(\*\*|__)(?=\S)(.+?)(?<=\S)\2|\*(?=[^\s*])(.+?)(?<=[^\s*])\*/gu;

/** Splits a line into runs, turning Markdown emphasis into bold/italic and dropping the markers. */
export function parseInlines(line: string): Inline[] {
  if (!line.includes('*') && !line.includes('__')) return line === '' ? [] : [{ text: line }];
  const out: Inline[] = [];
  let at = 0;
  for (const m of line.matchAll(EMPHASIS)) {
    if (m.index > at) out.push({ text: line.slice(at, m.index) });
    if (m[1] !== undefined) out.push({ text: m[1], bold: true, italic: true });
    else if (m[3] !== undefined) out.push({ text: m[3], bold: true });
    else out.push({ text: m[4], italic: true });
    at = m.index + m[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at) });
  return mergeInlines(out.map((i) => ({ ...i, text: i.text.replace(/\*\*|__/g, '') })));
}

/** Plain text of a line with its emphasis markers removed. */
export function stripMarkers(line: string): string {
  return parseInlines(line.replace(HEADING_MARKS, ''))
    .map((i) => i.text)
    .join('')
    .trim();
}

/** Joins neighbouring runs of the same style and drops empty ones. */
function mergeInlines(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.text === '') continue;
    const prev = out[out.length - 1];
    if (prev && Boolean(prev.bold) === Boolean(inline.bold) && Boolean(prev.italic) === Boolean(inline.italic)) {
      prev.text += inline.text;
    } else {
      out.push({ text: inline.text, ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italic: true } : {}) });
    }
  }
  return out;
}
