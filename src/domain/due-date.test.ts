import { describe, expect, it } from 'vitest';
import { findDue, findDues, impossibleDate, parseDue, scanDates } from './due-date';

describe('parseDue: every row of the due-date table', () => {
  const cases: Array<[string, object]> = [
    // before
    ['trước ngày 05/6/2026', { kind: 'before', date: '2026-06-05' }],
    ['trước 05/6/2026', { kind: 'before', date: '2026-06-05' }],
    ['chậm nhất ngày 5/6/2026', { kind: 'before', date: '2026-06-05' }],
    ['chậm nhất là ngày 5/6/2026', { kind: 'before', date: '2026-06-05' }],
    ['Hoàn thành trước ngày 05/6/2026', { kind: 'before', date: '2026-06-05' }],
    ['trước ngày 5 tháng 6 năm 2026', { kind: 'before', date: '2026-06-05' }],
    ['không quá ngày 30/06/2026', { kind: 'before', date: '2026-06-30' }],
    // on
    ['ngày 05/6/2026', { kind: 'on', date: '2026-06-05' }],
    ['vào ngày 5 tháng 6 năm 2026', { kind: 'on', date: '2026-06-05' }],
    ['ngày 5-6-2026', { kind: 'on', date: '2026-06-05' }],
    ['05.06.2026', { kind: 'on', date: '2026-06-05' }],
    ['1/1/2027', { kind: 'on', date: '2027-01-01' }],
    // within-month
    ['trong tháng 5/2026', { kind: 'within-month', from: '2026-05-01', to: '2026-05-31' }],
    ['trong tháng 5 năm 2026', { kind: 'within-month', from: '2026-05-01', to: '2026-05-31' }],
    ['tháng 5/2026', { kind: 'within-month', from: '2026-05-01', to: '2026-05-31' }],
    ['trong tháng 02/2028', { kind: 'within-month', from: '2028-02-01', to: '2028-02-29' }],
    ['tháng 2/2026', { kind: 'within-month', from: '2026-02-01', to: '2026-02-28' }],
    ['Dự kiến trong tháng 5/2026', { kind: 'within-month', from: '2026-05-01', to: '2026-05-31' }],
    ['cuối tháng 12/2026', { kind: 'within-month', from: '2026-12-01', to: '2026-12-31' }],
    // within-quarter
    ['trong quý II/2026', { kind: 'within-quarter', from: '2026-04-01', to: '2026-06-30' }],
    ['quý 2 năm 2026', { kind: 'within-quarter', from: '2026-04-01', to: '2026-06-30' }],
    ['quý I/2026', { kind: 'within-quarter', from: '2026-01-01', to: '2026-03-31' }],
    ['trong quý III năm 2026', { kind: 'within-quarter', from: '2026-07-01', to: '2026-09-30' }],
    ['quý IV/2026', { kind: 'within-quarter', from: '2026-10-01', to: '2026-12-31' }],
    ['quý 4/2026', { kind: 'within-quarter', from: '2026-10-01', to: '2026-12-31' }],
    // within-year
    ['trong năm 2026', { kind: 'within-year', from: '2026-01-01', to: '2026-12-31' }],
    // range
    ['từ ngày 10/5/2026 đến ngày 20/5/2026', { kind: 'range', from: '2026-05-10', to: '2026-05-20' }],
    ['từ 10/5/2026 đến 20/5/2026', { kind: 'range', from: '2026-05-10', to: '2026-05-20' }],
    ['từ tháng 5/2026 đến tháng 6/2026', { kind: 'range', from: '2026-05-01', to: '2026-06-30' }],
    ['6 tháng đầu năm 2026', { kind: 'range', from: '2026-01-01', to: '2026-06-30' }],
    // ongoing
    ['thường xuyên', { kind: 'ongoing' }],
    ['hằng năm', { kind: 'ongoing' }],
    ['hàng năm', { kind: 'ongoing' }],
    ['hằng tháng', { kind: 'ongoing' }],
    // after-event: event = the words after "sau"
    ['sau khi được cấp trên phê duyệt', { kind: 'after-event', event: 'khi được cấp trên phê duyệt' }],
    ['ngay sau hội nghị', { kind: 'after-event', event: 'hội nghị' }],
    ['ngay sau khi kết thúc hội nghị cấp phường', { kind: 'after-event', event: 'khi kết thúc hội nghị cấp phường' }],
  ];
  it.each(cases)('%s', (phrase, expected) => {
    const result = parseDue(phrase);
    expect(result).not.toBeNull();
    expect(result && 'due' in result ? result.due : result).toEqual({ phrase, ...expected });
  });

  it('accepts a label, a trailing parenthesis and punctuation around the phrase', () => {
    expect(parseDue('Thời gian: Hoàn thành trong tháng 5/2026.')).toEqual({
      due: { phrase: 'Hoàn thành trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' },
    });
    expect(parseDue('Dự kiến trong tháng 5/2026 (có văn bản triệu tập riêng).')).toEqual({
      due: { phrase: 'Dự kiến trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' },
    });
  });

  it('is case-insensitive and keeps the phrase as written', () => {
    expect(parseDue('TRƯỚC NGÀY 05/6/2026')).toEqual({ due: { phrase: 'TRƯỚC NGÀY 05/6/2026', kind: 'before', date: '2026-06-05' } });
    expect(parseDue('Quý ii/2026')).toEqual({ due: { phrase: 'Quý ii/2026', kind: 'within-quarter', from: '2026-04-01', to: '2026-06-30' } });
  });

  it('returns null for what is not one due phrase', () => {
    for (const phrase of ['', 'Báo cáo viên', 'đến năm 2030', 'năm 2026', 'sau đây viết tắt', 'trước ngày', '2021 - 2030', 'ngày 5/6', 'trong tháng 5/2026 và thường xuyên']) {
      expect(parseDue(phrase)).toBeNull();
    }
  });
});

describe('impossible dates are errors, never guesses', () => {
  const cases: Array<[string, number]> = [
    ['31/4/2026', 1],
    ['29/02/2026', 1],
    ['31/02/2026', 1],
    ['trước ngày 31/4/2026', 12],
    ['ngày 0/5/2026', 6],
    ['trong tháng 13/2026', 7],
    ['vào ngày 5 tháng 13 năm 2026', 10],
    ['ngày 32/1/2026', 6],
    ['chậm nhất ngày 31/6/2026', 16],
  ];
  it.each(cases)('%s', (phrase, column) => {
    const result = parseDue(phrase);
    expect(result && 'error' in result).toBe(true);
    if (result && 'error' in result) {
      expect(result.error.column).toBe(column);
      expect(result.error.message).toMatch(/không tồn tại/);
    }
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseDue('ngày 29/02/2028')).toEqual({ due: { phrase: 'ngày 29/02/2028', kind: 'on', date: '2028-02-29' } });
  });

  it('reports a range that ends before it starts', () => {
    const result = parseDue('từ ngày 20/5/2026 đến ngày 10/5/2026');
    expect(result).toEqual({ error: { column: 1, message: 'Khoảng thời gian không hợp lệ: ngày bắt đầu 20/5/2026 sau ngày kết thúc 10/5/2026.' } });
  });

  it('explains why in Vietnamese', () => {
    expect(impossibleDate(31, 4, 2026)).toBe('Ngày “31/4/2026” không tồn tại: tháng 4/2026 chỉ có 30 ngày.');
    expect(impossibleDate(null, 13, 2026, 'tháng 13/2026')).toBe('Thời hạn “tháng 13/2026” không tồn tại: không có tháng 13.');
    expect(impossibleDate(1, 1, 1026)).toMatch(/Năm 1026 không hợp lệ/);
    expect(impossibleDate(29, 2, 2024)).toBeNull();
  });
});

describe('findDue: a deadline inside a sentence', () => {
  it('takes the "Hoàn thành …" sentence that ends the task', () => {
    const text = 'Tham mưu Ban Thường vụ Đảng ủy: Báo cáo kết quả học tập, quán triệt và triển khai thực hiện. Hoàn thành trước ngày 05/6/2026.';
    const found = findDue(text);
    expect(found?.due).toEqual({ phrase: 'Hoàn thành trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' });
    expect(text.slice(found!.index, found!.index + found!.length)).toBe('Hoàn thành trước ngày 05/6/2026');
  });

  it('finds a phrase in the middle of a sentence', () => {
    const found = findDue('Tổng hợp, báo cáo kết quả (qua Ban xây dựng Đảng tổng hợp) trước ngày 05/6/2026 để báo cáo.');
    expect(found?.due).toEqual({ phrase: 'trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' });
  });

  it('skips the date of a document reference', () => {
    expect(findDue('Tuyên truyền Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy.')).toBeNull();
    expect(findDue('Theo Kế hoạch số 120-KH/TU ngày 10/02/2025 của Tỉnh ủy.')).toBeNull();
    const found = findDue('Quán triệt Nghị quyết số 91-NQ/TU, ngày 12/5/2026. Hoàn thành trong tháng 5/2026.');
    expect(found?.due?.kind).toBe('within-month');
  });

  it('prefers a dated deadline over an ongoing one, and the last dated one', () => {
    expect(findDue('Thường xuyên theo dõi, báo cáo trước ngày 30/6/2026.')?.due?.kind).toBe('before');
    expect(findDue('Tổ chức trong tháng 5/2026, báo cáo trước ngày 05/6/2026.')?.due).toMatchObject({ kind: 'before', date: '2026-06-05' });
    expect(findDue('Tuyên truyền thường xuyên, sau khi có hướng dẫn')?.due?.kind).toBe('ongoing');
  });

  it('does not take "sau đây", "sau đó" or "Sau hội nghị" for an event', () => {
    expect(findDues('(sau đây viết tắt là Nghị quyết); sau đó báo cáo. Sau hội nghị, các chi bộ tự chấm điểm.')).toEqual([]);
  });

  it('returns the error of an impossible deadline with its position', () => {
    const text = 'Báo cáo kết quả chậm nhất ngày 31/02/2026.';
    const found = findDue(text);
    expect(found?.due).toBeNull();
    expect(found?.error?.message).toMatch(/31\/02\/2026/);
    expect(text.slice(found!.error!.index, found!.error!.index + found!.error!.length)).toBe('31/02/2026');
  });
});

describe('scanDates', () => {
  it('finds numeric, written and month dates, and not numbers that only look alike', () => {
    const tokens = scanDates('ngày 12 tháng 5 năm 2026, 05/6/2026, tháng 7/2026; 2021 - 2030; 0912.345.678; 1/2 số; Số 45-KH/ĐU');
    expect(tokens.map((t) => [t.day, t.month, t.year, t.error])).toEqual([
      [12, 5, 2026, null],
      [5, 6, 2026, null],
      [null, 7, 2026, null],
    ]);
  });
});
