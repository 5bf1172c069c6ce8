import { describe, expect, it } from 'vitest';
import { bandFor, defaultRubric, describeScoreProblem, maxTotal, rubricFromRows, rubricItems, rubricProblems, scoreProblems, scoreReport } from './rubrics';

const full = (points: (max: number) => number) => rubricItems(defaultRubric).map((i) => ({ itemId: i.id, points: points(i.maxPoints) }));

describe('the default rubric', () => {
  it('is three example groups worth 100 points, labelled as an example, with four bands', () => {
    expect(defaultRubric.groups).toHaveLength(3);
    expect(defaultRubric.title).toMatch(/^Ví dụ — thay bằng tiêu chí của Quy định số 22-QĐ\/TU/u);
    expect(defaultRubric.groups.every((g) => g.name.includes('(ví dụ)'))).toBe(true);
    expect(maxTotal(defaultRubric)).toBe(100);
    expect(defaultRubric.bands.map((b) => b.name)).toEqual(['Tốt', 'Khá', 'Trung bình', 'Chưa đạt']);
    expect(rubricProblems(defaultRubric)).toEqual([]);
  });
});

describe('bands at their boundaries', () => {
  const bands = defaultRubric.bands;
  it.each([
    [100, 'Tốt'],
    [90, 'Tốt'],
    [89.99, 'Khá'],
    [70, 'Khá'],
    [69.5, 'Trung bình'],
    [50, 'Trung bình'],
    [49.99, 'Chưa đạt'],
    [0, 'Chưa đạt'],
  ])('%s points → %s', (total, band) => expect(bandFor(bands, total)).toBe(band));
  it('no band below the lowest minimum', () => expect(bandFor([{ name: 'Đạt', minTotal: 10 }], 9)).toBeNull());
});

describe('scoring', () => {
  it('totals to the maximum with every item at its maximum, and to 0 with none scored', () => {
    expect(scoreReport(defaultRubric, full((m) => m))).toEqual({ total: 100, band: 'Tốt', unscored: [] });
    expect(scoreReport(defaultRubric, [])).toMatchObject({ total: 0, band: 'Chưa đạt', unscored: rubricItems(defaultRubric).map((i) => i.id) });
  });
  it('keeps half points exact', () => {
    expect(scoreReport(defaultRubric, [{ itemId: '1.1', points: 0.1 }, { itemId: '1.2', points: 0.2 }]).total).toBe(0.3);
  });
  it('a score at the maximum or at 0 is fine; above it, negative, unknown or twice is named', () => {
    expect(scoreProblems(defaultRubric, [{ itemId: '1.1', points: 10 }, { itemId: '1.2', points: 0 }])).toEqual([]);
    const problems = scoreProblems(defaultRubric, [
      { itemId: '1.1', points: 10.5 },
      { itemId: '1.2', points: -1 },
      { itemId: '9.9', points: 1 },
      { itemId: '2.1', points: 1 },
      { itemId: '2.1', points: 2 },
    ]);
    expect(problems.map((p) => [p.itemId, p.problem])).toEqual([
      ['1.1', 'above-max'],
      ['1.2', 'negative'],
      ['9.9', 'unknown-item'],
      ['2.1', 'duplicate'],
    ]);
    expect(describeScoreProblem(problems[0]!)).toBe('Điểm của tiêu chí "Xây dựng kế hoạch, thông báo lịch học tập đúng thời gian" vượt quá mức tối đa 10 điểm.');
    expect(describeScoreProblem(problems[1]!)).toMatch(/Chuẩn bị tài liệu.*không được âm/u);
  });
});

describe('a rubric from a spreadsheet', () => {
  const items = [
    ['Nhóm', 'Mã', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn'],
    ['Chuẩn bị', 'A1', 'Kế hoạch', 40, ''],
    ['Chuẩn bị', '', 'Tài liệu', '10,5', 'Đủ tài liệu'],
    ['Kết quả', 'B1', 'Thu hoạch', 49.5, ''],
  ];
  const bands = [
    ['Xếp loại', 'Điểm tối thiểu'],
    ['Đạt', 50],
    ['Chưa đạt', 0],
  ];
  it('reads groups in order, numbers items without a code, and bands', () => {
    const { rubric, problems } = rubricFromRows(items, bands, 'Quy định 22');
    expect(problems).toEqual([]);
    expect(rubric.groups.map((g) => [g.name, g.items.map((i) => [i.id, i.maxPoints])])).toEqual([
      ['Chuẩn bị', [['A1', 40], ['1.2', 10.5]]],
      ['Kết quả', [['B1', 49.5]]],
    ]);
    expect(maxTotal(rubric)).toBe(100);
    expect(rubric.bands).toEqual([{ name: 'Đạt', minTotal: 50 }, { name: 'Chưa đạt', minTotal: 0 }]);
  });
  it('names the row of a bad maximum, and refuses bands without 0 or above the total', () => {
    expect(rubricFromRows([items[0]!, ['Chuẩn bị', 'A1', 'Kế hoạch', 'mười']], bands).problems).toEqual(['Dòng 2 (Tiêu chí): điểm tối đa "mười" không phải là số.']);
    const noZero = rubricFromRows(items, [bands[0]!, ['Tốt', 150]]).problems;
    expect(noZero).toContain('Phải có một mức xếp loại bắt đầu từ 0 điểm.');
    expect(noZero.some((p) => p.includes('vượt tổng điểm tối đa'))).toBe(true);
  });
});
