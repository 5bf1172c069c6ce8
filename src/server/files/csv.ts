// Every CSV the product exports. A cell that starts with = + - @ (or a tab or carriage return) is
// read by Excel and LibreOffice as a formula, so a phone number "=cmd|' /C calc'!A0" typed into a
// form would run on the office PC that opens the export. Such cells get a leading apostrophe (the
// OWASP advice), which spreadsheets hide and our importers strip again (domain/member-import.ts).
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../domain/spreadsheet-text';

export function toCsv(rows: (string | number | null | undefined)[][]): Buffer {
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell ?? '')));
  // A BOM so that Excel on a Vietnamese office PC opens the UTF-8 file with its diacritics intact.
  return Buffer.from(`\uFEFF${stringify(safe)}`, 'utf8');
}
