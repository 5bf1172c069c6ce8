// What every lint rule receives: the normalised text, the outline and the analysers' results with
// the positions they were found at.

import { type Block, positionIn } from '../blocks';
import type { ConferenceDraft } from '../conferences';
import type { NormalisedText, SourceLine } from '../normalise';
import type { Outline } from '../outline';
import type { RecipientsRead } from '../recipients';
import type { Mention } from '../resolutions';
import type { TaskDraft } from '../tasks';
import type { Diagnostic, DiagnosticCode, DiagnosticFix, ImportedResolution, ImportedSignature, Severity } from '../types';
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

/** The rule's name as users read it (the code stays in the API and in a tooltip). */
export const RULE_NAMES: Record<DiagnosticCode, string> = {
  'resolution-date-mismatch': 'Ngày của nghị quyết không khớp',
  'resolution-number-mismatch': 'Số của nghị quyết không khớp',
  'invalid-date': 'Ngày không có thật',
  'deadline-before-issue': 'Thời hạn trước ngày ban hành nghị quyết',
  'deadline-order': 'Hạn báo cáo sớm hơn hạn công việc',
  'missing-section': 'Thiếu phần của kế hoạch',
  'repeated-word': 'Từ bị lặp',
  'known-misspelling': 'Viết sai chính tả',
  'unknown-unit': 'Không phải đơn vị của tổ chức',
  'repeated-punctuation': 'Dấu câu bị lặp',
};

export function diagnostic(code: DiagnosticCode, line: number, column: number, message: string, fix?: DiagnosticFix): Diagnostic {
  const found: Diagnostic = { line, column, severity: SEVERITY[code], code, message };
  if (fix) found.fix = fix;
  return found;
}

const lineStarts = new WeakMap<NormalisedText, number[]>();

/** Offset in the normalised text of the first character of each line. */
function startOf(doc: NormalisedText, line: SourceLine): number {
  let starts = lineStarts.get(doc);
  if (!starts) {
    starts = [];
    let at = 0;
    for (const l of doc.lines) {
      starts.push(at);
      at += l.raw.length + 1;
    }
    lineStarts.set(doc, starts);
  }
  return starts[line.number - 1]!;
}

/**
 * A fix replacing `line.text[start, end)` by `replacement`, when the same characters stand in the
 * line as written (no Markdown marker or extra space inside): otherwise the fix is not certain and
 * none is offered.
 */
export function fixIn(doc: NormalisedText, line: SourceLine, start: number, end: number, replacement: string): DiagnosticFix | undefined {
  if (end <= start) return undefined;
  const rawFrom = doc.columnAt(line, start) - 1;
  const rawTo = doc.columnAt(line, end - 1);
  if (line.raw.slice(rawFrom, rawTo) !== line.text.slice(start, end)) return undefined;
  const base = startOf(doc, line);
  return { from: base + rawFrom, to: base + rawTo, replacement };
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
