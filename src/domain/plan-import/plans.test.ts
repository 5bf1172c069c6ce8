// The importer against real and hand-written plans of the genre: every field of the result is
// compared with an expected JSON written and checked by hand (test/fixtures/plans/*.expected.json).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ImportedPlan, importPlan } from './index';
import { canonicalText } from './normalise';
import { planFixturePath, planFixture } from '../../../test/support/fixtures';

const root = resolve(import.meta.dirname, '../../..');
const plans = resolve(root, 'test/fixtures/plans');
const WARD_UNITS = [
  'Ban xây dựng Đảng',
  'Văn phòng Đảng ủy',
  'Ủy ban nhân dân phường',
  'Ủy ban Mặt trận Tổ quốc phường',
  'Hội Liên hiệp Phụ nữ',
  'Hội Cựu chiến binh',
  'Đoàn Thanh niên',
  'Hội Nông dân',
  'Công an phường',
];

const CASES: Array<{ name: string; source: string; units?: string[] }> = [
  { name: 'ke-hoach-91-NQ-TU', source: planFixturePath },
  { name: 'ke-hoach-57-NQ-TW-chuyen-doi-so', source: resolve(plans, 'ke-hoach-57-NQ-TW-chuyen-doi-so.md') },
  { name: 'ke-hoach-12-NQ-TU-van-hoa-du-lich', source: resolve(plans, 'ke-hoach-12-NQ-TU-van-hoa-du-lich.md'), units: WARD_UNITS },
  { name: 'ke-hoach-08-NQ-TU-plain', source: resolve(plans, 'ke-hoach-08-NQ-TU-plain.txt') },
  { name: 'ke-hoach-45-NQ-TU-lech-ngay', source: resolve(plans, 'ke-hoach-45-NQ-TU-lech-ngay.md') },
  { name: 'ke-hoach-30-NQ-TU-ngay-sai', source: resolve(plans, 'ke-hoach-30-NQ-TU-ngay-sai.md') },
  { name: 'viec-can-lam-06-NQ-TU-thieu-muc', source: resolve(plans, 'viec-can-lam-06-NQ-TU-thieu-muc.md') },
];

const expected = (name: string): ImportedPlan => JSON.parse(readFileSync(resolve(plans, `${name}.expected.json`), 'utf8'));

/** Checks a diagnostic's column really points at what its message quotes. */
function expectColumnsPointAtText(text: string, plan: ImportedPlan): void {
  const lines = canonicalText(text).split('\n');
  for (const d of plan.diagnostics) {
    const quoted = /“([^”]+)”/u.exec(d.message)?.[1];
    const at = lines[d.line - 1].slice(d.column - 1);
    if (d.code === 'known-misspelling' || d.code === 'deadline-before-issue' || d.code === 'deadline-order') {
      expect(at.replace(/\*\*/g, '').startsWith(quoted!), `${d.code} at ${d.line}:${d.column}`).toBe(true);
    }
    if (d.code === 'repeated-word') expect(at.startsWith(quoted!)).toBe(true);
    if (d.code === 'repeated-punctuation') expect(at.startsWith('..')).toBe(true);
  }
}

describe('importPlan on plans of the genre', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      const text = readFileSync(c.source, 'utf8');
      const plan = importPlan(text, { units: c.units });
      const want = expected(c.name);
      it('title, header, preamble and resolutions', () => {
        expect(plan.kind).toBe('ke-hoach');
        expect(plan.title).toEqual(want.title);
        expect(plan.header).toEqual(want.header);
        expect(plan.preamble).toEqual(want.preamble);
        expect(plan.resolutions).toEqual(want.resolutions);
      });
      it('sections', () => expect(plan.sections).toEqual(want.sections));
      it('conferences', () => expect(plan.conferences).toEqual(want.conferences));
      it('tasks', () => expect(plan.tasks).toEqual(want.tasks));
      it('self-assessment, recipients, signature', () => {
        expect(plan.selfAssessment).toEqual(want.selfAssessment);
        expect(plan.recipients).toEqual(want.recipients);
        expect(plan.signature).toEqual(want.signature);
      });
      it('diagnostics, each pointing at its text', () => {
        expect(plan.diagnostics).toEqual(want.diagnostics);
        expectColumnsPointAtText(text, plan);
      });
      it('the whole result equals the expected JSON', () => expect(JSON.parse(JSON.stringify(plan))).toEqual(want));
    });
  }
});

describe('the fixture ke-hoach-91-NQ-TU', () => {
  const plan = importPlan(planFixture);
  it('reports exactly its four slips', () => {
    expect(plan.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [15, 'repeated-punctuation'],
      [27, 'known-misspelling'],
      [39, 'repeated-word'],
      [82, 'known-misspelling'],
    ]);
  });
  it('joins the broken line "chính trị - xã hội trong việc…" to its paragraph', () => {
    expect(plan.sections[0].children![1].text).toContain('các tổ chức chính trị - xã hội trong việc trực tiếp');
  });
  it('gives each task of section IV its unit and deadline', () => {
    expect(plan.tasks.map((t) => [t.assignee, t.line, t.due?.kind ?? null])).toEqual([
      ['Ban xây dựng Đảng', 55, null],
      ['Ban xây dựng Đảng', 57, 'before'],
      ['Ban xây dựng Đảng', 59, null],
      ['Ủy ban nhân dân phường', 63, null],
      ['Ủy ban nhân dân phường', 65, 'within-month'],
      ['Văn phòng Đảng ủy', 69, null],
      ['Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc', 73, 'within-month'],
      ['Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc', 75, 'before'],
    ]);
  });
});

describe('the same plan written differently gives the same result', () => {
  const source = readFileSync(resolve(plans, 'ke-hoach-08-NQ-TU-plain.txt'), 'utf8');
  const want = expected('ke-hoach-08-NQ-TU-plain');
  it('decomposed Unicode, CRLF line ends and a BOM', () => {
    const variant = `\uFEFF${source.normalize('NFD').replace(/\n/g, '\r\n')}`;
    expect(variant).not.toBe(source);
    expect(JSON.parse(JSON.stringify(importPlan(variant)))).toEqual(want);
  });
  it('lone CR line ends', () => {
    expect(JSON.parse(JSON.stringify(importPlan(source.replace(/\n/g, '\r'))))).toEqual(want);
  });
});

describe('unknown units', () => {
  const text = readFileSync(resolve(plans, 'ke-hoach-12-NQ-TU-van-hoa-du-lich.md'), 'utf8');
  it('are reported only when the organisation’s units are given', () => {
    expect(importPlan(text).diagnostics.filter((d) => d.code === 'unknown-unit')).toEqual([]);
  });
  it('recognise abbreviations and names without "phường", and suggest a close unit', () => {
    const plan = importPlan(
      'IV. TỔ CHỨC THỰC HIỆN\n1. UBND phường\nTriển khai.\n2. Hội Liên hiệp Phụ nữ phường\nVận động.\n3. Ban Chỉ huy Quân sự\nBảo đảm.',
      { units: ['Ủy ban nhân dân phường', 'Hội Liên hiệp Phụ nữ', 'Ban Chỉ huy Quân sự phường', 'Ban Chỉ huy Công an'] },
    );
    expect(plan.diagnostics.filter((d) => d.code === 'unknown-unit')).toEqual([]);
    const other = importPlan('IV. TỔ CHỨC THỰC HIỆN\n1. Ban Chỉ huy Quân sự xã Tân Trào\nBảo đảm an ninh.', { units: ['Ban Chỉ huy Quân sự phường'] });
    expect(other.diagnostics.find((d) => d.code === 'unknown-unit')).toEqual({
      line: 2,
      column: 4,
      severity: 'info',
      code: 'unknown-unit',
      message: '“Ban Chỉ huy Quân sự xã Tân Trào” không phải là đơn vị của tổ chức. Có phải là “Ban Chỉ huy Quân sự phường”?',
    });
  });
});
