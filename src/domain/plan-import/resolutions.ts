// Resolutions named in the plan: "Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy
// về …" (number, date, issuer, subject), every mention of each, and the self-assessment regulation
// ("… theo 03 nhóm tiêu chí quy định tại Quy định số 22-QĐ/TU"), which is not a resolution.

import { impossibleDate, isoDate } from '../due-date';
import { type Block, positionIn } from './blocks';
import type { NormalisedText } from './normalise';
import type { ImportedResolution, ImportedPlan } from './types';

export interface Mention {
  number: string;
  /** Line of the number in the normalised text. */
  line: number;
  block: Block;
  /** Index of the number in the block text, and its length. */
  index: number;
  length: number;
  inTitle: boolean;
  /** The written date right after the number, if any; `iso` null when the date does not exist. */
  date: { iso: string | null; index: number; length: number } | null;
  issuer: string | null;
  subject: string | null;
}

const PARTY_NUMBER = String.raw`\d{1,4}\s?-\s?NQ\s?\/\s?[\p{Lu}Đ]{1,8}(?:\s?-\s?[\p{Lu}Đ]{1,8})?`;
const STATE_NUMBER = String.raw`\d{1,4}\s?\/\s?\d{4}\s?\/\s?NQ\s?-\s?[\p{Lu}Đ]{1,10}`;
const MENTION = new RegExp(String.raw`(?<![\p{L}])Nghị\s+quyết\s+(?:số\s*:?\s*)?(${PARTY_NUMBER}|${STATE_NUMBER})(?![\p{L}\p{N}])`, 'giu');
const DATE_AFTER = /\s*[,(]?\s*(?:ban\s+hành\s+)?(?:ngày\s+)?(?:(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4}))\)?/uy;
const ISSUER_AFTER = /\s*,?\s*của\s+([^,;()]{2,90}?)(?=\s+về\s|\s*[,;()]|\.(?:\s|$)|\s*$)/uy;
/** Where a subject runs into the next clause: "…về kinh tế số, Đảng ủy phường đề ra…". */
const NEXT_CLAUSE = /,\s+(?:Ban Thường vụ|Ban Chấp hành|Thường trực|Đảng ủy|Đảng uỷ|Chi bộ|Chi ủy|Chi uỷ)(?=\s)/u;
/**
 * The subject runs to the end of the sentence or clause: a ";" ends it when the next item starts
 * (a capital: "…năm 2030*; Kế hoạch của…"), not when the subject goes on in lower case
 * ("…xây dựng Đảng; ở thôn, tổ dân phố").
 */
const SUBJECT_AFTER = /\s*,?\s+về\s+((?:[^;()\n.]|\.(?!\s|$)|;(?=[\s*_]*\p{Ll})){3,600})/uy;

/** "91 - NQ / TU" → "91-NQ/TU". */
export function normaliseNumber(number: string): string {
  return number.replace(/\s+/gu, '');
}

function readAfter(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** Every "Nghị quyết số …" in the blocks, with what follows it. `titleBlock` marks the title. */
export function findMentions(doc: NormalisedText, blocks: Block[], titleBlock: Block | null): Mention[] {
  const mentions: Mention[] = [];
  for (const block of blocks) {
    const text = block.text;
    for (const m of text.matchAll(MENTION)) {
      const numberIndex = m.index + m[0].length - m[1].length;
      let at = m.index + m[0].length;
      let date: Mention['date'] = null;
      const d = readAfter(DATE_AFTER, text, at);
      if (d) {
        const [day, month, year] = (d[1] ? [d[1], d[2], d[3]] : [d[4], d[5], d[6]]).map(Number);
        const start = d.index + d[0].search(/\d/u);
        date = { iso: impossibleDate(day, month, year) ? null : isoDate(year, month, day), index: start, length: d.index + d[0].length - start };
        at = d.index + d[0].length;
      }
      const issuerMatch = readAfter(ISSUER_AFTER, text, at);
      if (issuerMatch) at = issuerMatch.index + issuerMatch[0].length;
      const subjectMatch = readAfter(SUBJECT_AFTER, text, at);
      const subjectText = subjectMatch ? subjectMatch[1] : '';
      const clauseEnd = subjectText.search(NEXT_CLAUSE);
      const subject = (clauseEnd >= 0 ? subjectText.slice(0, clauseEnd) : subjectText).replace(/[\s,]+$/u, '').trim();
      mentions.push({
        number: normaliseNumber(m[1]),
        line: positionIn(doc, block, numberIndex).line,
        block,
        index: numberIndex,
        length: m[1].length,
        inTitle: block === titleBlock,
        date,
        issuer: issuerMatch ? issuerMatch[1].trim() : null,
        subject: subject || null,
      });
    }
  }
  return mentions;
}

/** One entry per resolution number, in order of first mention; dates, issuer and subject from the first mention that has them. */
export function collectResolutions(mentions: Mention[]): ImportedResolution[] {
  const byNumber = new Map<string, ImportedResolution>();
  const ordered = [...mentions.filter((m) => m.inTitle), ...mentions.filter((m) => !m.inTitle)];
  for (const m of mentions) {
    if (!byNumber.has(m.number)) byNumber.set(m.number, { number: m.number, issuedOn: null, issuer: null, subject: null, mentions: [] });
  }
  for (const m of ordered) {
    const resolution = byNumber.get(m.number)!;
    resolution.issuer ??= m.issuer;
    resolution.subject ??= m.subject;
  }
  for (const m of mentions) {
    const resolution = byNumber.get(m.number)!;
    if (m.date?.iso) {
      resolution.issuedOn ??= m.date.iso;
      resolution.mentions.push({ line: m.line, issuedOn: m.date.iso });
    }
  }
  return [...byNumber.values()];
}

const NUMBER_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };
const REGULATION = /(?<![\p{L}])(?:Quy\s+định|Hướng\s+dẫn)\s+(?:số\s*:?\s*)?(\d{1,4}\s?-\s?(?:QĐ|HD)\s?\/\s?[\p{Lu}Đ]{1,8}(?:\s?-\s?[\p{Lu}Đ]{1,8})?)/u;
const ASSESSMENT_WORDS = /tiêu\s+chí|chấm\s+điểm|đánh\s+giá\s+chất\s+lượng/iu;
const CRITERIA_GROUPS = /(?<![\p{L}\p{N}])(\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+nhóm\s+tiêu\s+chí/iu;

/** The regulation the cells score themselves against, with its number of criteria groups. */
export function findSelfAssessment(blocks: Block[]): ImportedPlan['selfAssessment'] {
  let regulation: string | null = null;
  let groups: number | null = null;
  for (const block of blocks) {
    if (!ASSESSMENT_WORDS.test(block.text)) continue;
    const r = REGULATION.exec(block.text);
    const g = CRITERIA_GROUPS.exec(block.text);
    if (g && groups === null) groups = NUMBER_WORDS[g[1].toLowerCase()] ?? Number(g[1]);
    if (r && regulation === null) regulation = normaliseNumber(r[1]);
    if (regulation !== null && groups !== null) break;
  }
  return regulation === null ? null : { regulation, criteriaGroups: groups };
}
