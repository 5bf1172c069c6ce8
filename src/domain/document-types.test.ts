import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_TYPES,
  documentTypeIds,
  isDocumentTypeId,
  numberingPeriod,
  symbolOf,
  type NumberedDocumentType,
} from './document-types';

const numbered = (type: (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES]) => {
  if (!type.numbered) throw new Error(`${type.id} is not numbered`);
  return type as NumberedDocumentType;
};

describe('document types', () => {
  it('names, symbols and issuers of the commune’s and the cells’ documents', () => {
    expect(DOCUMENT_TYPES.plan).toEqual({ id: 'plan', name: 'KẾ HOẠCH', symbol: 'KH', issuerKind: 'commune', numbered: true, period: 'setting' });
    expect(symbolOf(DOCUMENT_TYPES.plan)).toBe('KH/ĐU');
    expect(symbolOf(DOCUMENT_TYPES.report)).toBe('BC/ĐU');
    expect(symbolOf(DOCUMENT_TYPES.cellReport)).toBe('BC/CB');
    expect(symbolOf(DOCUMENT_TYPES.convocation)).toBe('GTT/ĐU');
    expect(symbolOf(DOCUMENT_TYPES.minutes)).toBe('BB/ĐU');
    expect(symbolOf(DOCUMENT_TYPES.plan, 'ĐUP')).toBe('KH/ĐUP');
    expect(DOCUMENT_TYPES.cellReport).toMatchObject({ name: 'BÁO CÁO', issuerKind: 'cell', numbered: true });
    expect(DOCUMENT_TYPES.convocation.name).toBe('GIẤY TRIỆU TẬP');
  });

  it('leaves sign-in sheets, a cell’s minutes and account letters unnumbered', () => {
    for (const id of ['cellMinutes', 'signInSheet', 'cellSignInSheet', 'accountLetter'] as const) {
      expect(DOCUMENT_TYPES[id]).toMatchObject({ numbered: false, period: null });
    }
    expect(symbolOf(DOCUMENT_TYPES.signInSheet)).toBeNull();
  });

  it('is data: every entry carries its own id, every numbered one a symbol and a period', () => {
    for (const id of documentTypeIds) {
      const type = DOCUMENT_TYPES[id];
      expect(type.id).toBe(id);
      expect(type.name).toBe(type.name.toLocaleUpperCase('vi'));
      if (type.numbered) expect([type.symbol, type.period].every(Boolean)).toBe(true);
      expect(Object.isFrozen(type)).toBe(true);
    }
    expect(isDocumentTypeId('plan')).toBe(true);
    expect(isDocumentTypeId('toString')).toBe(false);
  });
});

describe('numberingPeriod', () => {
  const year = { numbering: 'year' as const, termStartedOn: null };
  const term = { numbering: 'term' as const, termStartedOn: '2025-10-01' };

  it('counts commune documents per year or over the term, as the commune sets it', () => {
    const plan = numbered(DOCUMENT_TYPES.plan);
    expect(numberingPeriod(plan, year, '2026-12-31')).toBe('2026');
    expect(numberingPeriod(plan, year, '2027-01-02')).toBe('2027');
    expect(numberingPeriod(plan, term, '2026-12-31')).toBe('term:2025-10-01');
    expect(numberingPeriod(plan, term, '2027-01-02')).toBe('term:2025-10-01');
    // Registered late, from before the term began: counts in its year.
    expect(numberingPeriod(plan, term, '2025-09-30')).toBe('2025');
    // 'term' without its start (the settings refuse it, an old row might have it): per year.
    expect(numberingPeriod(plan, { numbering: 'term', termStartedOn: null }, '2026-05-01')).toBe('2026');
  });

  it('counts cell documents per year whatever the commune sets', () => {
    expect(numberingPeriod(numbered(DOCUMENT_TYPES.cellReport), term, '2027-01-02')).toBe('2027');
  });

  it('refuses impossible dates', () => {
    expect(() => numberingPeriod(numbered(DOCUMENT_TYPES.plan), year, '2026-02-30')).toThrow(RangeError);
  });
});
