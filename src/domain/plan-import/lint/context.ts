// What every lint rule receives: the normalised text, the outline and the analysers' results with
// the positions they were found at.

import { type Block, positionIn } from '../blocks';
import type { ConferenceDraft } from '../conferences';
import type { NormalisedText } from '../normalise';
import type { Outline } from '../outline';
import type { RecipientsRead } from '../recipients';
import type { Mention } from '../resolutions';
import type { TaskDraft } from '../tasks';
import type { Diagnostic, DiagnosticCode, ImportedResolution, ImportedSignature, Severity } from '../types';
import type { Vocabulary } from '../vocabulary';

export interface LintContext {
  doc: NormalisedText;
  outline: Outline;
  mentions: Mention[];
  resolutions: ImportedResolution[];
  tasks: TaskDraft[];
  conferences: ConferenceDraft[];
  recipients: RecipientsRead;
  signature: ImportedSignature | null;
  vocabulary: Vocabulary;
  units?: string[];
}

export type Rule = (context: LintContext) => Diagnostic[];

export const SEVERITY: Record<DiagnosticCode, Severity> = {
  'resolution-date-mismatch': 'error',
  'resolution-number-mismatch': 'warning',
  'invalid-date': 'error',
  'deadline-before-issue': 'warning',
  'deadline-order': 'warning',
  'missing-section': 'warning',
  'repeated-word': 'warning',
  'known-misspelling': 'warning',
  'unknown-unit': 'info',
  'repeated-punctuation': 'warning',
};

export function diagnostic(code: DiagnosticCode, line: number, column: number, message: string): Diagnostic {
  return { line, column, severity: SEVERITY[code], code, message };
}

export function diagnosticInBlock(context: LintContext, code: DiagnosticCode, block: Block, index: number, message: string): Diagnostic {
  const { line, column } = positionIn(context.doc, block, index);
  return diagnostic(code, line, column, message);
}

/** "2026-06-05" → "5/6/2026", as dates are written in the plans. */
export function writtenDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}
