import { describe, expect, it } from 'vitest';
import type { ImportedPlan } from '../../domain/plan-import/types';
import { applyUySpelling } from './layout';
import { blockText } from './model';
import { abstractCase, recipientLines } from './parts';
import { buildPlanDocument } from './plan-document';
import { SAMPLE_HEADER as HEADER, SAMPLE_PLAN } from './sample-plan';
import { parseInlines, textToBlocks } from './text-blocks';

function plan(overrides: Partial<ImportedPlan>): ImportedPlan {
  return {
    kind: 'ke-hoach',
    title: null,
    preamble: [],
    resolutions: [],
    sections: [],
    conferences: [],
    tasks: [],
    selfAssessment: null,
    recipients: [],
    signature: null,
    diagnostics: [],
    ...overrides,
  };
}

describe('buildPlanDocument', () => {
  const model = buildPlanDocument(SAMPLE_PLAN, HEADER);

  it('prints the header in capitals with the number and date lines', () => {
    expect(model.header).toEqual({
      superior: 'ĐẢNG BỘ TỈNH TUYÊN QUANG',
      issuer: 'ĐẢNG ỦY PHƯỜNG NÔNG TIẾN',
      number: '45-KH/ĐU',
      numberLine: 'Số 45-KH/ĐU',
      place: 'Nông Tiến',
      date: '2026-05-15',
      dateLine: 'Nông Tiến, ngày 15 tháng 5 năm 2026',
    });
    expect(model.docType).toBe('KẾ HOẠCH');
  });

  it('prints blanks for an unissued, undated draft', () => {
    const draft = buildPlanDocument(SAMPLE_PLAN, { ...HEADER, number: null, date: null });
    expect(draft.header.numberLine).toBe('Số    -KH/ĐU');
    expect(draft.header.number).toBeNull();
    expect(draft.header.dateLine).toBe('Nông Tiến, ngày    tháng    năm 20…');
  });

  it('keeps a full number from the file header as it is', () => {
    expect(buildPlanDocument(SAMPLE_PLAN, { ...HEADER, number: '12-KH/ĐU' }).header.numberLine).toBe('Số 12-KH/ĐU');
  });

  it("takes the plan record's symbol, or derives it from the issuer", () => {
    expect(buildPlanDocument(SAMPLE_PLAN, { ...HEADER, symbol: 'KH/ĐUP' }).header.numberLine).toBe('Số 45-KH/ĐUP');
    const cell = buildPlanDocument(SAMPLE_PLAN, { ...HEADER, issuer: 'Chi bộ Tổ dân phố 6', number: null });
    expect(cell.header.numberLine).toBe('Số    -KH/CB');
  });

  it('applies the organisation spelling ỦY / UỶ to the capitals it prints', () => {
    const uy = buildPlanDocument(SAMPLE_PLAN, HEADER, { spelling: 'UỶ' });
    expect(uy.header.issuer).toBe('ĐẢNG UỶ PHƯỜNG NÔNG TIẾN');
    expect(applyUySpelling('ĐẢNG UỶ XÃ THỦY', 'ỦY')).toBe('ĐẢNG ỦY XÃ THỦY');
    expect(applyUySpelling('HUỲNH THỦY ỦY BAN', 'UỶ')).toBe('HUỲNH THỦY UỶ BAN');
  });

  it('starts the abstract in lower case, as it continues "KẾ HOẠCH"', () => {
    expect(model.abstract).toMatch(/^tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số 91-NQ\/TU/);
    expect(abstractCase('UBND phường tổ chức')).toBe('UBND phường tổ chức');
    expect(abstractCase('Ban Thường vụ triển khai')).toBe('Ban Thường vụ triển khai');
  });

  it('orders preamble, sections I-IV and their children, with numbered headings', () => {
    const headings = model.body.filter((b) => b.kind === 'heading').map(blockText);
    expect(headings).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. NỘI DUNG TUYÊN TRUYỀN, QUẢN TRIỆT, HỌC TẬP',
      'III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ',
      '1. Cấp phường',
      '2. Cấp cơ sở',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Ban xây dựng Đảng',
      '2. Ủy ban nhân dân phường',
      '3. Văn phòng Đảng ủy',
      '4. Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc',
    ]);
    expect(blockText(model.body[0])).toMatch(/^Thực hiện Nghị quyết số 91-NQ\/TU/);
    expect(blockText(model.body[1])).toMatch(/^Ban Thường vụ Đảng ủy ban hành/);
    expect(model.body[2]).toEqual({ kind: 'heading', level: 1, text: 'I. MỤC ĐÍCH, YÊU CẦU' });
    expect(model.body[3]).toMatchObject({ kind: 'heading', level: 2 });
  });

  it('turns "- " lines into dash paragraphs and strips the Markdown markers', () => {
    const texts = model.body.map(blockText);
    expect(texts).toContain('- Dự kiến trong tháng 5/2026 (có văn bản triệu tập riêng).');
    expect(texts).toContain('- Báo cáo viên: Thường trực Đảng ủy.');
    expect(texts.join('\n')).not.toMatch(/\*|#/);
    const bullet = model.body.find((b) => blockText(b).startsWith('- Dự kiến'));
    expect(bullet).toEqual({
      kind: 'bullet',
      inlines: [
        { text: 'Dự kiến trong tháng ' },
        { text: '5/2026', bold: true },
        { text: ' (' },
        { text: 'có văn bản triệu tập riêng', italic: true },
        { text: ').' },
      ],
    });
  });

  it('joins a paragraph that the source broke in the middle of a sentence', () => {
    const texts = model.body.map(blockText);
    expect(texts.some((t) => t.includes('các tổ chức chính trị - xã hội trong việc trực tiếp truyền đạt'))).toBe(true);
    expect(texts.some((t) => t.startsWith('chính trị - xã hội'))).toBe(false);
  });

  it('prints the signature in capitals and the recipients with their punctuation', () => {
    expect(model.signature).toEqual({ onBehalfOf: 'T/M BAN THƯỜNG VỤ', position: 'PHÓ BÍ THƯ', name: 'Nguyễn Mạnh Hùng' });
    expect(model.recipients[0]).toBe('- Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo),');
    expect(model.recipients.at(-1)).toBe('- Lưu Văn phòng Đảng ủy.');
    expect(recipientLines(['- A,', 'B;', 'C.'])).toEqual(['- A,', '- B,', '- C.']);
  });

  it('falls back to default signature and recipients, and handles a plan without title', () => {
    const bare = buildPlanDocument(plan({ sections: [{ number: 'I', title: 'Mục đích', line: 1, text: 'Nội dung.' }] }), HEADER);
    expect(bare.abstract).toBeNull();
    expect(bare.signature.onBehalfOf).toBe('T/M BAN THƯỜNG VỤ');
    expect(bare.recipients).toEqual(['- Lưu Văn phòng Đảng ủy.']);
    expect(bare.body.map(blockText)).toEqual(['I. MỤC ĐÍCH', 'Nội dung.']);
  });

  it('numbers third-level sections "a)"', () => {
    const nested = plan({
      sections: [{ number: 'III', title: 'Hình thức', line: 1, children: [{ number: '1', title: 'Cấp phường', line: 2, children: [{ number: 'a', title: 'Hội nghị', line: 3 }] }] }],
    });
    const body = buildPlanDocument(nested, HEADER).body;
    expect(body.at(-1)).toEqual({ kind: 'heading', level: 3, text: 'a) Hội nghị' });
  });
});

describe('text blocks', () => {
  it('splits on blank lines, joins soft-wrapped lines, keeps each dash line apart', () => {
    const blocks = textToBlocks('Dòng một\ntiếp tục.\n\n- Ý một;\n- Ý hai.\r\n\r\nĐoạn mới.');
    expect(blocks.map(blockText)).toEqual(['Dòng một tiếp tục.', '- Ý một;', '- Ý hai.', 'Đoạn mới.']);
  });

  it('leaves a lone asterisk and arithmetic alone', () => {
    expect(parseInlines('5 * 3 và *')).toEqual([{ text: '5 * 3 và *' }]);
    expect(parseInlines('***rất*** quan trọng')).toEqual([{ text: 'rất', bold: true, italic: true }, { text: ' quan trọng' }]);
  });

  it('normalises decomposed Vietnamese to NFC', () => {
    const [block] = textToBlocks('Nghị quyết'.normalize('NFD'));
    expect(blockText(block)).toBe('Nghị quyết');
  });
});
