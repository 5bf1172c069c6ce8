// Rules on the resolutions named in the plan: one number with two dates; one subject under two
// numbers (usually a typo in the number).

import { foldKey } from '../text';
import type { Diagnostic } from '../types';
import type { Mention } from '../resolutions';
import { diagnosticInBlock, type Rule, writtenDate } from './context';

export const resolutionDateMismatch: Rule = (context) => {
  const first = new Map<string, Mention>();
  const found: Diagnostic[] = [];
  for (const mention of context.mentions) {
    if (!mention.date?.iso) continue;
    const earlier = first.get(mention.number);
    if (!earlier) {
      first.set(mention.number, mention);
      continue;
    }
    if (earlier.date!.iso === mention.date.iso) continue;
    const message =
      `Nghị quyết số ${mention.number} ghi ngày ${writtenDate(mention.date.iso)}, ` +
      `nhưng ở dòng ${earlier.line} ghi ngày ${writtenDate(earlier.date!.iso!)}.`;
    found.push(diagnosticInBlock(context, 'resolution-date-mismatch', mention.block, mention.date.index, message));
  }
  return found;
};

function sameSubject(a: string, b: string): boolean {
  const ka = foldKey(a);
  const kb = foldKey(b);
  if (ka === kb) return true;
  const prefix = Math.min(40, ka.length, kb.length);
  if (prefix >= 20 && ka.slice(0, prefix) === kb.slice(0, prefix)) return true;
  const ta = new Set(ka.split(' '));
  const tb = new Set(kb.split(' '));
  const shared = [...ta].filter((t) => tb.has(t)).length;
  return shared / Math.max(ta.size, tb.size) >= 0.8;
}

export const resolutionNumberMismatch: Rule = (context) => {
  const reference = context.mentions.find((m) => m.inTitle && m.subject) ?? context.mentions.find((m) => m.subject);
  if (!reference) return [];
  const found: Diagnostic[] = [];
  for (const mention of context.mentions) {
    if (mention === reference || mention.number === reference.number) continue;
    const sameBySubject = mention.subject !== null && sameSubject(mention.subject, reference.subject!);
    const sameByOrigin =
      mention.date?.iso != null &&
      mention.date.iso === reference.date?.iso &&
      mention.issuer !== null &&
      reference.issuer !== null &&
      foldKey(mention.issuer) === foldKey(reference.issuer);
    if (!sameBySubject && !sameByOrigin) continue;
    const where = reference.inTitle ? 'tên kế hoạch' : `dòng ${reference.line}`;
    const message = `Nghị quyết này được ghi số ${mention.number}, nhưng ${where} ghi số ${reference.number} cho cùng nội dung.`;
    found.push(diagnosticInBlock(context, 'resolution-number-mismatch', mention.block, mention.index, message));
  }
  return found;
};
