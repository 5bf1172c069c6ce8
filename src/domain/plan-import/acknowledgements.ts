// The submit gate: a plan with lint errors goes to the leadership only when each error is fixed or
// consciously acknowledged with a reason of a few words. Warnings and notes never block.
import type { Diagnostic, DiagnosticCode } from './types';

export interface Acknowledgement {
  code: DiagnosticCode | string;
  /** The error's line; without it, the acknowledgement covers every error of that code. */
  line?: number;
  reason: string;
}

/** "A few words": at least three words and ten letters, so "ok" or "x" is not a reason. */
export const MIN_REASON_WORDS = 3;
export const MIN_REASON_LENGTH = 10;

export function isReason(reason: string): boolean {
  const text = reason.trim();
  return text.length >= MIN_REASON_LENGTH && text.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length >= MIN_REASON_WORDS;
}

const covers = (ack: Acknowledgement, error: Diagnostic) => ack.code === error.code && (ack.line === undefined || ack.line === error.line) && isReason(ack.reason);

/** The errors among `diagnostics` that no acknowledgement with a reason covers. */
export function unacknowledgedErrors(diagnostics: Diagnostic[], acknowledgements: Acknowledgement[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error' && !acknowledgements.some((a) => covers(a, d)));
}

/** Each error with the acknowledgement that covers it (the ones kept with the submitted plan). */
export function acknowledgedErrors(diagnostics: Diagnostic[], acknowledgements: Acknowledgement[]): Array<{ error: Diagnostic; reason: string }> {
  return diagnostics.flatMap((d) => {
    if (d.severity !== 'error') return [];
    const ack = acknowledgements.find((a) => covers(a, d));
    return ack ? [{ error: d, reason: ack.reason.trim() }] : [];
  });
}
