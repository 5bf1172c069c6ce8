// Small text helpers shared by the analysers.

/** A comparison key: lower case, no diacritics, "đ" → "d", punctuation dropped, spaces collapsed. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every letter is upper case ("MỤC ĐÍCH, YÊU CẦU") and there is at least one. */
export function isUpperCaseText(text: string): boolean {
  let letters = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (ch !== ch.toUpperCase()) return false;
  }
  return letters > 0;
}

/** First letter capitalised, the rest as written. */
export function capitalise(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const ch = String.fromCodePoint(first);
  return ch.toUpperCase() + text.slice(ch.length);
}

/** Trailing list punctuation removed: "Ủy ban nhân dân phường," → "Ủy ban nhân dân phường". */
export function stripTrailing(text: string): string {
  return text.replace(/(?:\s*(?:\.\/\.|[.,;:]))+\s*$/u, '').trim();
}


/** Word boundaries of a line: word i spans text.slice(starts[i], ends[i]). No strings are made. */
export interface WordSpans {
  starts: number[];
  ends: number[];
}

/** True for a letter or digit code unit: ASCII alphanumerics and everything from U+00C0 that is not punctuation or a symbol block. */
function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code < 0xc0) return code === 0xaa || code === 0xb5 || code === 0xba;
  if (code === 0xd7 || code === 0xf7) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, arrows, symbols, dashes, quotes
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xfe00 && code <= 0xfe6f) return false;
  return code !== 0xfeff;
}

/**
 * The word boundaries of a line, found with a hand loop and without making strings: the spelling
 * rules read every word of every line, and a regex iterator was the import's hottest spot.
 */
export function wordSpans(text: string): WordSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordUnit(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      starts.push(start);
      ends.push(i);
      start = -1;
    }
  }
  return { starts, ends };
}

/** The words of a text in lower case (for short texts such as vocabulary entries). */
export function lowerWords(text: string): string[] {
  const { starts, ends } = wordSpans(text);
  return starts.map((s, i) => text.slice(s, ends[i]).toLowerCase());
}
