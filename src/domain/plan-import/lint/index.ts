// Runs every lint rule and returns the diagnostics sorted by position, without duplicates.

import type { Diagnostic } from '../types';
import type { LintContext, Rule } from './context';
import { deadlineBeforeIssue, deadlineOrder, invalidDate } from './dates';
import { resolutionDateMismatch, resolutionNumberMismatch } from './resolutions';
import { knownMisspelling, repeatedPunctuation, repeatedWord } from './spelling';
import { missingSection, unknownUnit } from './structure';

export type { LintContext } from './context';

export const RULES: Rule[] = [
  resolutionDateMismatch,
  resolutionNumberMismatch,
  invalidDate,
  deadlineBeforeIssue,
  deadlineOrder,
  missingSection,
  repeatedWord,
  knownMisspelling,
  repeatedPunctuation,
  unknownUnit,
];

export function lint(context: LintContext): Diagnostic[] {
  const seen = new Set<string>();
  const all: Diagnostic[] = [];
  for (const rule of RULES) {
    for (const d of rule(context)) {
      const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(d);
    }
  }
  return all.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
}
