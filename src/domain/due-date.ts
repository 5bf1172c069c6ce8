// The Vietnamese due-date grammar of plans ("Hoàn thành trước ngày 05/6/2026", "trong quý II/2026", …).
// Pure: turns a phrase into a normalised `Due` (ISO dates) or an error, never a guess.
// Shared by the plan importer and the tasks feature.

import type { Due } from './plan-import/types';
import { daysInMonth, toIso as isoDate } from './dates';

export type { Due };

/** A due phrase found inside a sentence: `index`/`length` locate it (0-based, UTF-16 units). */
export interface DueFound {
  index: number;
  length: number;
  phrase: string;
  /** True when the phrase starts with "Hoàn thành"/"Dự kiến": the sentence is a deadline sentence. */
  announced: boolean;
  due: Due | null;
  /** Set when the phrase names an impossible date or an inverted range. */
  error: { message: string; index: number; length: number } | null;
}

export type DueParse = { due: Due } | { error: { message: string; column: number } } | null;

/** A calendar date written in the text, checked for existence. */
export interface DateToken {
  index: number;
  length: number;
  day: number | null; // null for a month ("tháng 5/2026")
  month: number;
  year: number;
  /** Vietnamese explanation when the date does not exist. */
  error: string | null;
}

// ---------------------------------------------------------------------------------------------
// Building blocks. Every pattern is a chain of bounded pieces so scanning stays linear.

const NOT_BEFORE = '(?<![\\p{L}\\p{N}/.-])';
const NOT_AFTER_NUMBER = '(?![\\p{N}]|[/.-]\\p{N})';
const NUMERIC_DATE = `\\d{1,2}\\s?/\\s?\\d{1,2}\\s?/\\s?\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4}`;
const TEXT_DATE = `\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s*,?\\s+năm\\s+\\d{4}`;
const DATE = `(?:ngày\\s+)?(?:${NUMERIC_DATE}|${TEXT_DATE})${NOT_AFTER_NUMBER}`;
const MONTH = `tháng\\s+\\d{1,2}\\s*(?:/|-|năm)\\s*\\d{4}${NOT_AFTER_NUMBER}`;
const QUARTER = `quý\\s+(?:IV|III|II|I|[1-4])\\s*(?:/|-|năm)\\s*\\d{4}${NOT_AFTER_NUMBER}`;
const EVENT = `[^,.;:()\\n]{1,200}`;

const ALTERNATIVES: Array<[kind: string, pattern: string]> = [
  ['range', `từ\\s+(?:${DATE}|${MONTH})\\s*(?:đến|tới|-|–)\\s*(?:hết\\s+)?(?:${DATE}|${MONTH})`],
  [
    'before',
    `(?:trước|chậm\\s+nhất(?:\\s+(?:là|vào))?(?:\\s+trước)?|không\\s+quá|không\\s+muộn\\s+hơn|hạn\\s+chót(?:\\s+là)?)\\s+${DATE}`,
  ],
  ['half-year', `(?:trong\\s+)?(?:6|sáu)\\s+tháng\\s+(?:đầu|cuối)\\s+năm\\s+\\d{4}${NOT_AFTER_NUMBER}`],
  ['month', `(?:(?:trong|vào|đầu|giữa|cuối)\\s+)?${MONTH}`],
  ['quarter', `(?:(?:trong|vào|đầu|giữa|cuối)\\s+)?${QUARTER}`],
  ['year', `trong\\s+(?:cả\\s+)?năm\\s+\\d{4}${NOT_AFTER_NUMBER}`],
  ['on', `(?:vào\\s+)?${DATE}`],
  ['ongoing', `thường\\s+xuyên|(?:hằng|hàng)\\s+(?:năm|quý|tháng|tuần)|định\\s+kỳ`],
  ['after', `ngay\\s+sau\\s+(?:khi\\s+)?${EVENT}|sau\\s+khi\\s+${EVENT}`],
];

/** Cheap pre-check: every due phrase holds a digit or one of these words. */
const MAY_HOLD_DUE = /\d|thường\s+xuyên|h[ằà]ng\s|định\s+kỳ|sau\s/iu;
const ANNOUNCER = '(?:(?:hoàn\\s+thành(?:\\s+xong)?|dự\\s+kiến(?:\\s+tổ\\s+chức)?)\\s+)';
const KIND_GROUPS = ALTERNATIVES.map(([kind, pattern]) => `(?<${kind.replace('-', '_')}>${pattern})`).join('|');
const DUE_PATTERN = new RegExp(`${NOT_BEFORE}(?<announcer>${ANNOUNCER})?(?:${KIND_GROUPS})`, 'giu');

const DATE_TOKEN = new RegExp(
  `${NOT_BEFORE}(?:(?<d1>\\d{1,2})\\s?(?<s>[/.-])\\s?(?<m1>\\d{1,2})\\s?\\k<s>\\s?(?<y1>\\d{4})` +
    `|(?<d2>\\d{1,2})\\s+tháng\\s+(?<m2>\\d{1,2})\\s*,?\\s+năm\\s+(?<y2>\\d{4})` +
    `|tháng\\s+(?<m3>\\d{1,2})\\s*(?:/|-|năm)\\s*(?<y3>\\d{4}))${NOT_AFTER_NUMBER}`,
  'giu',
);

/** A document reference right before a date ("… 91-NQ/TU, ngày 12/5/2026"): that date is the document's, not a deadline. */
const DOCUMENT_REFERENCE_BEFORE = /(?:\d+\s?-\s?[\p{Lu}Đ]+(?:\s?\/\s?[\p{Lu}Đ]+)+|\d+\/\d{4}\/[\p{Lu}Đ-]+|ban hành|ký)\s*,?\s*$/u;

// ---------------------------------------------------------------------------------------------
// Calendar.

/** The calendar lives in dates.ts; these names stay for the importer's modules. */
export { isoDate, daysInMonth };

/** Why a day/month/year does not exist, in Vietnamese, or null when it does. `written` is the text as written. */
export function impossibleDate(day: number | null, month: number, year: number, written?: string): string | null {
  const shown = `“${written ?? (day === null ? `${month}/${year}` : `${day}/${month}/${year}`)}”`;
  if (year < 1900 || year > 2199) return `Năm ${year} không hợp lệ trong ${shown}.`;
  if (month < 1 || month > 12) return `${day === null ? 'Thời hạn' : 'Ngày'} ${shown} không tồn tại: không có tháng ${month}.`;
  if (day === null) return null;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return `Ngày ${shown} không tồn tại: tháng ${month}/${year} chỉ có ${last} ngày.`;
  }
  return null;
}

const shortDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
};

/** Every written date and month-year in a text, each checked for existence. */
export function scanDates(text: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (const m of text.matchAll(DATE_TOKEN)) {
    const g = m.groups ?? {};
    const dayText = g.d1 ?? g.d2;
    const day = dayText === undefined ? null : Number(dayText);
    const month = Number(g.m1 ?? g.m2 ?? g.m3);
    const year = Number(g.y1 ?? g.y2 ?? g.y3);
    tokens.push({ index: m.index, length: m[0].length, day, month, year, error: impossibleDate(day, month, year, m[0].replace(/^ngày\s+/iu, '')) });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Phrases.

const QUARTER_NUMBER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

type Interpretation = { due: Due } | { error: { message: string; index: number; length: number } };

function monthSpan(year: number, month: number): { from: string; to: string } {
  return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
}

/** The first impossible date inside `text`, positioned relative to `offset`. */
function firstImpossible(text: string, offset: number): Interpretation | null {
  for (const token of scanDates(text)) {
    if (token.error) return { error: { message: token.error, index: offset + token.index, length: token.length } };
  }
  return null;
}

function interpret(kind: string, phrase: string, body: string, bodyOffset: number): Interpretation | null {
  const impossible = firstImpossible(body, bodyOffset);
  if (impossible) return impossible;
  const dates = scanDates(body);
  switch (kind) {
    case 'before':
    case 'on': {
      const d = dates[0];
      if (!d || d.day === null) return null;
      return { due: { phrase, kind, date: isoDate(d.year, d.month, d.day) } };
    }
    case 'month': {
      const d = dates[0];
      if (!d) return null;
      return { due: { phrase, kind: 'within-month', ...monthSpan(d.year, d.month) } };
    }
    case 'range': {
      const [a, b] = dates;
      if (!a || !b) return null;
      const from = a.day === null ? monthSpan(a.year, a.month).from : isoDate(a.year, a.month, a.day);
      const to = b.day === null ? monthSpan(b.year, b.month).to : isoDate(b.year, b.month, b.day);
      if (from > to) {
        const message = `Khoảng thời gian không hợp lệ: ngày bắt đầu ${shortDate(from)} sau ngày kết thúc ${shortDate(to)}.`;
        return { error: { message, index: bodyOffset, length: body.length } };
      }
      return { due: { phrase, kind: 'range', from, to } };
    }
    case 'quarter': {
      const m = /quý\s+(iv|iii|ii|i|[1-4])\s*(?:\/|-|năm)\s*(\d{4})/iu.exec(body);
      if (!m) return null;
      const q = QUARTER_NUMBER[m[1].toLowerCase()];
      const year = Number(m[2]);
      const error = impossibleDate(null, 1, year);
      if (error) return { error: { message: error, index: bodyOffset + m.index, length: m[0].length } };
      return { due: { phrase, kind: 'within-quarter', from: isoDate(year, 3 * q - 2, 1), to: monthSpan(year, 3 * q).to } };
    }
    case 'year':
    case 'half-year': {
      const m = /(\d{4})$/u.exec(body);
      if (!m) return null;
      const year = Number(m[1]);
      const error = impossibleDate(null, 1, year);
      if (error) return { error: { message: error, index: bodyOffset + m.index, length: 4 } };
      if (kind === 'year') return { due: { phrase, kind: 'within-year', from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) } };
      const firstHalf = /đầu/iu.test(body);
      return {
        due: {
          phrase,
          kind: 'range',
          from: isoDate(year, firstHalf ? 1 : 7, 1),
          to: firstHalf ? isoDate(year, 6, 30) : isoDate(year, 12, 31),
        },
      };
    }
    case 'ongoing':
      return { due: { phrase, kind: 'ongoing' } };
    case 'after': {
      const event = body.replace(/^(?:ngay\s+)?sau\s+/iu, '').trim();
      return { due: { phrase, kind: 'after-event', event } };
    }
    default:
      return null;
  }
}

/** Every due phrase in a sentence, in order. Dates of document references are skipped. */
export function findDues(sentence: string): DueFound[] {
  const found: DueFound[] = [];
  if (!MAY_HOLD_DUE.test(sentence)) return found;
  for (const m of sentence.matchAll(DUE_PATTERN)) {
    const groups = m.groups ?? {};
    const kindEntry = ALTERNATIVES.find(([kind]) => groups[kind.replace('-', '_')] !== undefined);
    if (!kindEntry) continue;
    const kind = kindEntry[0];
    const announcer = groups.announcer ?? '';
    if (kind === 'on' && !announcer && DOCUMENT_REFERENCE_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index))) {
      continue;
    }
    let phrase = m[0];
    if (kind === 'after') phrase = phrase.replace(/\s+$/u, '');
    const body = phrase.slice(announcer.length);
    const result = interpret(kind, phrase, body, m.index + announcer.length);
    if (!result) continue;
    found.push({
      index: m.index,
      length: phrase.length,
      phrase,
      announced: announcer.length > 0,
      due: 'due' in result ? result.due : null,
      error: 'error' in result ? result.error : null,
    });
  }
  return found;
}

const DATED = new Set(['before', 'on', 'within-month', 'within-quarter', 'within-year', 'range']);

/**
 * Which of several due phrases is the deadline: the last "Hoàn thành …" phrase, else the last
 * dated phrase, else the first open-ended one ("thường xuyên", "sau khi …").
 */
export function chooseDue<T extends DueFound>(all: T[]): T | null {
  if (all.length === 0) return null;
  const announced = all.filter((f) => f.announced);
  if (announced.length > 0) return announced[announced.length - 1];
  const dated = all.filter((f) => f.error || (f.due && DATED.has(f.due.kind)));
  if (dated.length > 0) return dated[dated.length - 1];
  return all[0];
}

/** The deadline of a sentence or task text (see `chooseDue`), or null when it names none. */
export function findDue(sentence: string): DueFound | null {
  return chooseDue(findDues(sentence));
}

const LABEL = /^\s*(?:thời\s+(?:gian|hạn)(?:\s+(?:hoàn\s+thành|tổ\s+chức|thực\s+hiện))?\s*:\s*)/iu;
const TRAILER = /\s*(?:\([^()]*\))?\s*[.;,]*\s*$/u;

/**
 * Parses a whole due phrase ("Hoàn thành trước ngày 05/6/2026", "quý 2 năm 2026"). A leading label
 * ("Thời gian:"), a trailing parenthesis and punctuation are allowed. Returns null when the phrase
 * is not one due phrase; an error (1-based column) when it names a date that does not exist.
 */
export function parseDue(phrase: string): DueParse {
  const label = LABEL.exec(phrase)?.[0] ?? '';
  const rest = phrase.slice(label.length);
  const trailer = TRAILER.exec(rest);
  const core = trailer ? rest.slice(0, trailer.index) : rest;
  const leading = core.length - core.trimStart().length;
  const trimmed = core.trim();
  if (!trimmed) return null;
  const all = findDues(trimmed);
  if (all.length !== 1 || all[0].index !== 0 || all[0].length !== trimmed.length) return null;
  const [only] = all;
  if (only.error) return { error: { message: only.error.message, column: label.length + leading + only.error.index + 1 } };
  return only.due ? { due: only.due } : null;
}
