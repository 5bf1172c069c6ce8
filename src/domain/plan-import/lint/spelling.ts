// Rules on the words themselves: a word written twice in a row ("chi bộ bộ"), a known misspelling
// of the genre ("QUẢN TRIỆT"), a doubled punctuation mark (".."). They read every word of every
// line, so they work on word boundaries and make strings only for candidates.

import type { SourceLine } from '../normalise';
import { capitalise, isUpperCaseText, lowerWords, type WordSpans, wordSpans } from '../text';
import type { Diagnostic } from '../types';
import type { Vocabulary } from '../vocabulary';
import { diagnostic, fixIn, type LintContext, type Rule } from './context';

const spanCache = new WeakMap<SourceLine, WordSpans>();

function spansOf(line: SourceLine): WordSpans {
  let spans = spanCache.get(line);
  if (!spans) {
    spans = wordSpans(line.text);
    spanCache.set(line, spans);
  }
  return spans;
}

const hasLetter = (word: string): boolean => /\p{L}/u.test(word);

export const repeatedWord: Rule = (context) => {
  const allowed = new Set(context.vocabulary.allowedRepeats.map((w) => w.toLowerCase()));
  const found: Diagnostic[] = [];
  for (const line of context.doc.lines) {
    if (line.blank) continue;
    const { starts, ends } = spansOf(line);
    const text = line.text;
    for (let i = 1; i < starts.length; i++) {
      const length = ends[i] - starts[i];
      if (starts[i] !== ends[i - 1] + 1 || length !== ends[i - 1] - starts[i - 1] || text.charCodeAt(ends[i - 1]) !== 32) continue;
      const written = text.slice(starts[i], ends[i]);
      const word = written.toLowerCase();
      if (word !== text.slice(starts[i - 1], ends[i - 1]).toLowerCase() || allowed.has(word) || !hasLetter(word)) continue;
      const shown = text.slice(starts[i - 2] ?? starts[i - 1], ends[i]);
      const message = `Từ “${written}” bị lặp hai lần liền nhau: “${shown}”.`;
      // One copy: the space and the second word go.
      const fix = fixIn(context.doc, line, ends[i - 1], ends[i], '');
      found.push(diagnostic('repeated-word', line.number, context.doc.columnAt(line, starts[i]), message, fix));
    }
  }
  return found;
};

interface Misspelling {
  words: string[];
  right: string;
}

interface MisspellingIndex {
  byFirstWord: Map<string, Misspelling[]>;
  /**
   * First code unit → (length, second code unit) of every first word, in both cases: most words are
   * ruled out without making a string. Small integers only, so the checks allocate nothing.
   */
  shapes: Map<number, Set<number>>;
}

const indexCache = new WeakMap<Vocabulary, MisspellingIndex>();

/** A word's length and second code unit as one small integer (a missing unit counts as 0). */
const shape = (length: number, second: number): number => Math.min(length, 0x7fff) * 0x10000 + (second || 0);

function misspellingIndex(vocabulary: Vocabulary): MisspellingIndex {
  const cached = indexCache.get(vocabulary);
  if (cached) return cached;
  const index: MisspellingIndex = { byFirstWord: new Map(), shapes: new Map() };
  for (const [wrong, right] of Object.entries(vocabulary.misspellings)) {
    const words = lowerWords(wrong);
    if (words.length === 0) continue;
    const first = words[0];
    const list = index.byFirstWord.get(first) ?? [];
    list.push({ words, right });
    list.sort((a, b) => b.words.length - a.words.length);
    index.byFirstWord.set(first, list);
    const upper = first.toUpperCase();
    for (const a of [first, upper]) {
      const seconds = index.shapes.get(a.charCodeAt(0)) ?? new Set<number>();
      for (const b of [first, upper]) seconds.add(shape(first.length, b.charCodeAt(1)));
      index.shapes.set(a.charCodeAt(0), seconds);
    }
  }
  indexCache.set(vocabulary, index);
  return index;
}

/** The correction written in the same case as the mistake ("QUẢN TRIỆT" → "QUÁN TRIỆT"). */
function inSameCase(written: string, correction: string): string {
  if (isUpperCaseText(written)) return correction.toUpperCase();
  if (written[0] !== written[0].toLowerCase()) return capitalise(correction);
  return correction;
}

function matchesAt(text: string, spans: WordSpans, at: number, words: string[]): boolean {
  const { starts, ends } = spans;
  for (let k = 1; k < words.length; k++) {
    const i = at + k;
    if (i >= starts.length || text.slice(starts[i], ends[i]).toLowerCase() !== words[k]) return false;
    if (text.slice(ends[i - 1], starts[i]).trim() !== '') return false;
  }
  return true;
}

export const knownMisspelling: Rule = (context) => {
  const index = misspellingIndex(context.vocabulary);
  if (index.byFirstWord.size === 0) return [];
  const found: Diagnostic[] = [];
  for (const line of context.doc.lines) {
    if (line.blank) continue;
    const spans = spansOf(line);
    const { starts, ends } = spans;
    const text = line.text;
    for (let i = 0; i < starts.length; i++) {
      const length = ends[i] - starts[i];
      if (!index.shapes.get(text.charCodeAt(starts[i]))?.has(shape(length, length > 1 ? text.charCodeAt(starts[i] + 1) : 0))) continue;
      const candidates = index.byFirstWord.get(text.slice(starts[i], ends[i]).toLowerCase());
      const hit = candidates?.find((c) => matchesAt(text, spans, i, c.words));
      if (!hit) continue;
      const written = text.slice(starts[i], ends[i + hit.words.length - 1]);
      const right = inSameCase(written, hit.right);
      const message = `Viết sai: “${written}”, đúng là “${right}”.`;
      const fix = fixIn(context.doc, line, starts[i], ends[i + hit.words.length - 1], right);
      found.push(diagnostic('known-misspelling', line.number, context.doc.columnAt(line, starts[i]), message, fix));
      i += hit.words.length - 1;
    }
  }
  return found;
};

const DOUBLED_MARK = /(?<![.,;:])([.,;:]) ?\1(?![.,;:/])/gu;

export const repeatedPunctuation: Rule = (context) => {
  const found: Diagnostic[] = [];
  for (const line of context.doc.lines) {
    if (line.blank || !/[.,;:] ?[.,;:]/u.test(line.text)) continue;
    for (const m of line.text.matchAll(DOUBLED_MARK)) {
      const fix = fixIn(context.doc, line, m.index, m.index + m[0].length, m[1]!);
      found.push(diagnostic('repeated-punctuation', line.number, context.doc.columnAt(line, m.index), `Dấu câu bị lặp: “${m[0]}”.`, fix));
    }
  }
  return found;
};
