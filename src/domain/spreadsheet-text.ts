// Text cells that a spreadsheet would take for a formula, and the way back on import.

/** A formula start, after any apostrophes: "'=x" is escaped too, so the way back is exact. */
const FORMULA_START = /^'*[=+\-@\t\r]/u;

/** "=1+1" → "'=1+1"; anything else unchanged. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse, for a file our own export wrote: "'+84 912" → "+84 912". */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
