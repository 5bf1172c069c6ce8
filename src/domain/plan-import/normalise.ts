// First step of the import: one canonical text (no BOM, LF line ends, NFC) and, for each line, the
// text the analysers read (Markdown markers removed, spaces collapsed) with a way back to the
// column of the canonical text, so every diagnostic points at what the user sees.

export interface SourceLine {
  /** 1-based line number in the normalised text. */
  number: number;
  /** The line of the normalised text, exactly. */
  raw: string;
  /** What the analysers read: markers, heading hashes and the bullet removed, spaces collapsed, trimmed. */
  text: string;
  /** Bullet marker of a list item ("-", "+", "•", "*", "–"), or null. */
  bullet: string | null;
  /** Number of leading "#" of a Markdown heading, 0 otherwise. */
  headingLevel: number;
  /** True when the whole line is written bold ("**2. Ủy ban nhân dân phường**"). */
  strong: boolean;
  /** True for an empty line or a line of only separators ("-----", "***", "|---|"). */
  blank: boolean;
}

export interface NormalisedText {
  text: string;
  lines: SourceLine[];
  /** 1-based column in the normalised line of `line.text[index]` (index may equal text.length). */
  columnAt(line: SourceLine, index: number): number;
}

/** BOM removed, CRLF and lone CR turned into LF, decomposed Vietnamese composed (NFC). */
export function canonicalText(input: string): string {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  text = text.replace(/\r\n?/g, '\n');
  return text.normalize('NFC');
}

const SEPARATOR_LINE = /^[\s\-_*=~|:.#]*$/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const BULLET = /^([-+•*–—·])\s+/u;
/** Anything transformLine would change beyond trimming: markup, a bullet, escapes, odd or doubled spaces. */
const NEEDS_WORK = /^\s*[-+•*–—·#]|[*_\\]|[^\S ]| {2}\S/u;

interface Transformed {
  text: string;
  offsets: number[] | null;
  bullet: string | null;
  headingLevel: number;
  strong: boolean;
}

/**
 * Removes Markdown markup from one line, keeping (when asked) for each kept character its index in
 * the line. Single pass, so a 5 MB line costs a few milliseconds.
 */
function transformLine(raw: string, withOffsets: boolean): Transformed {
  if (!withOffsets && !NEEDS_WORK.test(raw)) {
    // Most lines of a plan carry no markup: the trimmed line is the text.
    return { text: raw.trim(), offsets: null, bullet: null, headingLevel: 0, strong: false };
  }
  const offsets: number[] | null = withOffsets ? [] : null;
  let i = 0;
  const n = raw.length;
  while (i < n && (raw[i] === ' ' || raw[i] === '\t')) i++;
  let headingLevel = 0;
  const hashes = /^#{1,6}(?=\s|$)/.exec(raw.slice(i, i + 7));
  if (hashes) {
    headingLevel = hashes[0].length;
    i += headingLevel;
    while (i < n && /\s/.test(raw[i])) i++;
  }
  let bullet: string | null = null;
  const bulletMatch = BULLET.exec(raw.slice(i, i + 8));
  if (bulletMatch) {
    bullet = bulletMatch[1];
    i += bulletMatch[0].length;
  }
  const rest = raw.slice(i).trimEnd();
  const strong = /^(\*\*|__)\S/.test(rest) && /\S(\*\*|__)[.:;,]?$/.test(rest);
  let out = '';
  let pendingSpace = false;
  let lastSpace = 0;
  for (; i < n; i++) {
    const ch = raw[i];
    if (ch === '*' || (ch === '_' && raw[i + 1] === '_')) {
      if (ch === '_') i++;
      else if (raw[i + 1] === '*') i++;
      continue;
    }
    if (ch === '\\' && i + 1 < n && ASCII_PUNCTUATION.test(raw[i + 1])) continue;
    if (ch === ' ' || ch === '\t' || ch === '\u00A0' || ch === '\u2002' || ch === '\u2003' || ch === '\u202F') {
      pendingSpace = out.length > 0;
      lastSpace = i;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      offsets?.push(lastSpace);
      pendingSpace = false;
    }
    out += ch;
    offsets?.push(i);
  }
  offsets?.push(raw.trimEnd().length);
  return { text: out, offsets, bullet, headingLevel, strong };
}

/** The analysed text of a raw line (exported for tests: the fast path must equal the mapped one). */
export function analysedText(raw: string, withOffsets = false): string {
  return transformLine(raw, withOffsets).text;
}

export function normalise(input: string): NormalisedText {
  const text = canonicalText(input);
  const rawLines = text.split('\n');
  const lines: SourceLine[] = rawLines.map((raw, index) => {
    const t = transformLine(raw, false);
    const blank = t.text.length === 0 || (SEPARATOR_LINE.test(t.text) && t.bullet === null && t.text.length > 2);
    return {
      number: index + 1,
      raw,
      text: t.text,
      bullet: t.bullet,
      headingLevel: t.headingLevel,
      strong: t.strong,
      blank: blank || (t.text.length === 0 && t.bullet === null),
    };
  });
  const offsetCache = new Map<number, number[]>();
  return {
    text,
    lines,
    columnAt(line, index) {
      let offsets = offsetCache.get(line.number);
      if (!offsets) {
        offsets = transformLine(line.raw, true).offsets ?? [];
        offsetCache.set(line.number, offsets);
      }
      const clamped = Math.max(0, Math.min(index, offsets.length - 1));
      return (offsets[clamped] ?? 0) + 1;
    },
  };
}
