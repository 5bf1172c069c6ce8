// Rules on the plan's structure: a missing section (I-IV, recipients, signature); an assignee that
// is not a unit of the organisation the plan is imported into.

import { foldKey } from '../text';
import type { Diagnostic } from '../types';
import { diagnostic, type LintContext, type Rule } from './context';

const EXPECTED_SECTIONS: Array<[number: string, arabic: string, name: string]> = [
  ['I', '1', 'mục đích, yêu cầu'],
  ['II', '2', 'nội dung'],
  ['III', '3', 'hình thức tổ chức'],
  ['IV', '4', 'tổ chức thực hiện'],
];

function lastTextLine(context: LintContext): number {
  for (let i = context.doc.lines.length - 1; i >= 0; i--) if (!context.doc.lines[i].blank) return context.doc.lines[i].number;
  return 1;
}

export const missingSection: Rule = (context) => {
  const found: Diagnostic[] = [];
  const sections = context.outline.sections;
  const end = lastTextLine(context);
  EXPECTED_SECTIONS.forEach(([roman, arabic, name], i) => {
    if (sections.some((s) => s.number === roman || s.number === arabic)) return;
    const later = sections.find((s) => EXPECTED_SECTIONS.slice(i + 1).some(([r, a]) => s.number === r || s.number === a));
    const line = later ? later.line.number : end;
    found.push(diagnostic('missing-section', line, 1, `Thiếu mục ${roman} (${name}).`));
  });
  if (!context.recipients.labelLine) found.push(diagnostic('missing-section', end, 1, 'Thiếu phần “Nơi nhận”.'));
  if (!context.signature) {
    found.push(diagnostic('missing-section', end, 1, 'Thiếu phần ký (thẩm quyền ký như “T/M BAN THƯỜNG VỤ”, chức vụ, họ tên).'));
  }
  return found;
};

const LOCALITY = /\s(?:phuong|xa|thi tran)$/u;

/** Keys under which a unit name is recognised: as written, without "phường/xã", through an alias. */
function unitKeys(name: string, aliases: Map<string, string>): string[] {
  const key = foldKey(name);
  const keys = [key, key.replace(LOCALITY, '')];
  const alias = aliases.get(key) ?? aliases.get(key.replace(LOCALITY, ''));
  if (alias) keys.push(alias, alias.replace(LOCALITY, ''));
  return keys;
}

function closest(name: string, units: string[]): string | null {
  const words = new Set(foldKey(name).split(' '));
  let best: { unit: string; score: number } | null = null;
  for (const unit of units) {
    const other = new Set(foldKey(unit).split(' '));
    const shared = [...words].filter((w) => other.has(w)).length;
    const score = shared / Math.max(words.size, other.size);
    if (!best || score > best.score) best = { unit, score };
  }
  return best && best.score >= 0.5 ? best.unit : null;
}

export const unknownUnit: Rule = (context) => {
  if (!context.units) return [];
  const aliases = new Map(Object.entries(context.vocabulary.unitAliases).map(([from, to]) => [foldKey(from), foldKey(to)]));
  const known = new Set<string>();
  for (const unit of [...context.units, ...context.vocabulary.unitGroups]) for (const key of unitKeys(unit, aliases)) known.add(key);
  const found: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const draft of context.tasks) {
    const assignee = draft.task.assignee;
    if (reported.has(assignee) || unitKeys(assignee, aliases).some((k) => known.has(k))) continue;
    reported.add(assignee);
    const line = context.doc.lines[draft.assigneeAt.line - 1];
    const suggestion = closest(assignee, context.units);
    const message =
      `“${assignee}” không phải là đơn vị của tổ chức.` + (suggestion ? ` Có phải là “${suggestion}”?` : '');
    found.push(diagnostic('unknown-unit', draft.assigneeAt.line, context.doc.columnAt(line, draft.assigneeAt.index), message));
  }
  return found;
};
