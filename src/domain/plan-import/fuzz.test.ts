// Property-based tests: whatever text comes in, the importer returns a plan and never throws, and
// every diagnostic points inside the normalised text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDues, parseDue } from '../due-date';
import { importPlan } from './index';
import { analysedText, canonicalText, normalise } from './normalise';
import { planFixture } from '../../../test/support/fixtures';

const fixture = planFixture;
const fixtureLines = fixture.split('\n');

function expectValidPlan(text: string): void {
  const plan = importPlan(text);
  expect(plan.kind).toBe('ke-hoach');
  const lines = canonicalText(text).split('\n');
  for (const d of plan.diagnostics) {
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `line ${d.line}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1 && d.column <= lines[d.line - 1].length + 1, `column ${d.line}:${d.column}`).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
  }
  for (const t of plan.tasks) expect(t.line >= 1 && t.line <= lines.length).toBe(true);
  expect(() => JSON.stringify(plan)).not.toThrow();
}

/** Pieces of the genre, so random texts often look like plans. */
const genre = fc.constantFrom(
  'KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU', 'IV. TỔ CHỨC THỰC HIỆN', '### II. NỘI DUNG', '## **2. Ủy ban nhân dân phường**', '1. Cấp phường',
  '- Thời gian: ', 'Hoàn thành trước ngày 31/02/2026.', 'trong quý II/2026', 'Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy về ',
  'Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'chi bộ bộ', '..', '**', '*', '__', '\\', '\t', '\r\n', '\n', '\n\n', ' ', 'a) ', '+ ', 'từ ngày 20/5/2026 đến ngày 1/5/2026',
  'e\u0301', '\uFEFF', '\u00A0', '\u200B', 'İ', '🙂', '\uD800',
);
const planLike = fc.array(fc.oneof(genre, fc.string(), fc.string({ unit: 'grapheme' })), { maxLength: 60 }).map((parts) => parts.join(''));

type Mutation = { kind: 'delete' | 'duplicate' | 'swap' | 'insert' | 'cut'; at: number; other: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'cut'),
  at: fc.nat(),
  other: fc.nat(),
  text: fc.string({ unit: 'binary', maxLength: 12 }),
});

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const i = m.at % Math.max(1, out.length);
  const j = m.other % Math.max(1, out.length);
  switch (m.kind) {
    case 'delete':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, out[i] ?? '');
      break;
    case 'swap':
      [out[i], out[j]] = [out[j], out[i]];
      break;
    case 'insert': {
      const line = out[i] ?? '';
      const k = m.other % (line.length + 1);
      out[i] = line.slice(0, k) + m.text + line.slice(k);
      break;
    }
    case 'cut': {
      const joined = out.join('\n');
      return joined.slice(0, m.other % (joined.length + 1)).split('\n');
    }
  }
  return out;
}

describe('importPlan never throws and always points inside the text', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), expectValidPlan), { numRuns: 300 });
  });
  it('on random plan-like texts', () => {
    fc.assert(fc.property(planLike, expectValidPlan), { numRuns: 400 });
  });
  it('on random mutations of the fixture (delete, duplicate, swap lines, insert unicode, cut)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        expectValidPlan(mutations.reduce(mutate, fixtureLines).join('\n'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalise', () => {
  it('reads a line the same with and without column mapping', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        for (const line of canonicalText(text).split('\n')) expect(analysedText(line, true)).toBe(analysedText(line, false));
      }),
      { numRuns: 300 },
    );
  });
  it('maps every analysed character back to the same character of the line', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const doc = normalise(text);
        for (const line of doc.lines) {
          for (let i = 0; i < line.text.length; i++) {
            const raw = line.raw[doc.columnAt(line, i) - 1];
            expect(line.text[i] === ' ' ? /\s/u.test(raw) : raw === line.text[i]).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('due-date grammar', () => {
  it('never throws and keeps found phrases inside the sentence', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        parseDue(text);
        for (const f of findDues(text)) {
          expect(f.index >= 0 && f.index + f.length <= text.length).toBe(true);
          expect(text.slice(f.index, f.index + f.length)).toBe(f.phrase);
          expect(f.due === null).toBe(f.error !== null);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('turns every valid day/month/year into its ISO date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }), fc.boolean(), (date, padded) => {
        const d = date.getUTCDate();
        const m = date.getUTCMonth() + 1;
        const y = date.getUTCFullYear();
        const written = padded ? `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}` : `${d}/${m}/${y}`;
        const result = parseDue(`trước ngày ${written}`);
        expect(result).toEqual({ due: { phrase: `trước ngày ${written}`, kind: 'before', date: date.toISOString().slice(0, 10) } });
      }),
      { numRuns: 300 },
    );
  });
});
