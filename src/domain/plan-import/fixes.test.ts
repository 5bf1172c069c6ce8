// Rule names (every code the linter emits has a Vietnamese name) and one-click fixes (a certain fix,
// applied, gives a text without that diagnostic and changes nothing else).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acknowledgedErrors, isReason, unacknowledgedErrors } from './acknowledgements';
import { applyFix, importPlan, ruleNames, type Diagnostic } from './index';
import { SEVERITY } from './lint/context';
import { planFixture } from '../../../test/support/fixtures';

const plans = resolve(import.meta.dirname, '../../../test/fixtures/plans');
const sources = [
  planFixture,
  ...readdirSync(plans)
    .filter((f) => /\.(md|txt)$/u.test(f))
    .map((f) => readFileSync(resolve(plans, f), 'utf8')),
];

const same = (a: Diagnostic, b: Diagnostic) => a.code === b.code && a.message === b.message;

describe('rule names', () => {
  it('names every rule the linter knows, in Vietnamese', () => {
    for (const code of Object.keys(SEVERITY)) expect(ruleNames[code as keyof typeof ruleNames], code).toMatch(/\p{L}{2,}/u);
    expect(Object.keys(ruleNames).sort()).toEqual(Object.keys(SEVERITY).sort());
  });

  it('names every code emitted on the fixtures', () => {
    const emitted = new Set(sources.flatMap((s) => importPlan(s, { units: ['Ban xây dựng Đảng'] }).diagnostics.map((d) => d.code)));
    expect(emitted.size).toBeGreaterThan(5);
    for (const code of emitted) expect(ruleNames[code], code).toBeTruthy();
  });
});

const fixture = importPlan(planFixture);

describe('one-click fixes', () => {

  it('offers a fix for the fixture’s misspellings, repeated word and doubled dot', () => {
    const fixed = fixture.diagnostics.filter((d) => d.fix);
    expect(fixed.map((d) => [d.code, d.fix!.replacement])).toEqual([
      ['repeated-punctuation', '.'],
      ['known-misspelling', 'QUÁN TRIỆT'],
      ['repeated-word', ''],
      ['known-misspelling', 'cơ quan chuyên trách'],
    ]);
    // No fix where it is not certain.
    expect(fixture.diagnostics.filter((d) => d.code === 'missing-section' || d.code === 'resolution-date-mismatch').every((d) => !d.fix)).toBe(true);
  });

  it('replaces exactly the text the message quotes', () => {
    const text = planFixture.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n').normalize('NFC');
    const [dots, quan, repeated, co] = fixture.diagnostics.filter((d) => d.fix).map((d) => d.fix!);
    expect(text.slice(dots!.from, dots!.to)).toBe('..');
    expect(text.slice(quan!.from, quan!.to)).toBe('QUẢN TRIỆT');
    expect(text.slice(repeated!.from, repeated!.to)).toBe(' bộ');
    expect(text.slice(co!.from, co!.to)).toBe('cơ chuyên trách');
  });

  it('each fix applied gives a text without that diagnostic and keeps every other one', () => {
    for (const source of sources) {
      const before = importPlan(source).diagnostics;
      for (const d of before.filter((x) => x.fix)) {
        const after = importPlan(applyFix(source, d.fix!)).diagnostics;
        expect(after.some((x) => same(x, d)), d.message).toBe(false);
        expect(after.length).toBe(before.length - 1);
      }
    }
  });

  it('works on CRLF text with a BOM and decomposed letters (offsets are in the normalised text)', () => {
    const messy = '\uFEFF' + planFixture.replace(/\n/gu, '\r\n').normalize('NFD');
    const d = importPlan(messy).diagnostics.find((x) => x.code === 'known-misspelling')!;
    const fixed = applyFix(messy, d.fix!);
    expect(fixed).toContain('II. NỘI DUNG TUYÊN TRUYỀN, QUÁN TRIỆT, HỌC TẬP');
    expect(fixed).not.toContain('\r');
  });

  it('offers no fix when Markdown markers stand inside the words', () => {
    const text = planFixture.replace('chi bộ bộ,', 'chi bộ **bộ**,');
    const d = importPlan(text).diagnostics.find((x) => x.code === 'repeated-word');
    expect(d).toBeDefined();
    expect(d!.fix).toBeUndefined();
  });
});

describe('the submit gate', () => {
  const mismatch = importPlan(planFixture.replace(/(Các nội dung cốt lõi của Nghị quyết số 91-NQ\/TU, ngày )12\/5\/2026/u, '$122/5/2026'));
  const error = mismatch.diagnostics.find((d) => d.severity === 'error')!;

  it('holds an error until it is acknowledged with a reason of a few words; warnings never block', () => {
    expect(error.code).toBe('resolution-date-mismatch');
    expect(unacknowledgedErrors(mismatch.diagnostics, [])).toEqual([error]);
    expect(unacknowledgedErrors(mismatch.diagnostics, [{ code: error.code, line: error.line, reason: 'ok' }])).toEqual([error]);
    expect(unacknowledgedErrors(mismatch.diagnostics, [{ code: error.code, line: error.line + 1, reason: 'Ngày 12/5 là đúng theo bản gốc' }])).toEqual([error]);
    const ack = { code: error.code, line: error.line, reason: 'Ngày 12/5 là đúng theo bản gốc' };
    expect(unacknowledgedErrors(mismatch.diagnostics, [ack])).toEqual([]);
    expect(unacknowledgedErrors(mismatch.diagnostics, [{ code: error.code, reason: ack.reason }])).toEqual([]);
    expect(acknowledgedErrors(mismatch.diagnostics, [ack])).toEqual([{ error, reason: ack.reason }]);
    expect(unacknowledgedErrors(fixture.diagnostics, [])).toEqual([]);
    expect(isReason('  Đã kiểm tra với bản gốc  ')).toBe(true);
    expect(isReason('đúng rồi')).toBe(false);
  });
});
