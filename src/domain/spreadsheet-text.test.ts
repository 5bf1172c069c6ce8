import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { neutraliseFormula, restoreNeutralised } from './spreadsheet-text';

describe('formula neutralisation', () => {
  it('prefixes cells a spreadsheet would evaluate, and nothing else', () => {
    expect(neutraliseFormula("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseFormula('+84 912 345 678')).toBe("'+84 912 345 678");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('Nguyễn Văn A')).toBe('Nguyễn Văn A');
    expect(neutraliseFormula("'quoted")).toBe("'quoted");
  });
  it('makes the round trip for any text', () => {
    fc.assert(fc.property(fc.string(), (text) => restoreNeutralised(neutraliseFormula(text)) === text));
  });
});
