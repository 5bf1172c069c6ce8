import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the Vietnamese name encoded per RFC 8187', () => {
    expect(contentDisposition('Nghị quyết 91.pdf', true)).toBe(`inline; filename="Nghi quyet 91.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%2091.pdf`);
    expect(contentDisposition('danh-sach-dang-vien-Chi bộ Tràng Đà 1.csv')).toBe(
      `attachment; filename="danh-sach-dang-vien-Chi bo Trang Da 1.csv"; filename*=UTF-8''danh-sach-dang-vien-Chi%20b%E1%BB%99%20Tr%C3%A0ng%20%C4%90%C3%A0%201.csv`,
    );
  });

  it('keeps quotes, backslashes and attr-char outsiders out of the header', () => {
    const header = contentDisposition(`a"b\\c'(d)*!.docx`);
    expect(header).toBe(`attachment; filename="abc'(d)*!.docx"; filename*=UTF-8''a%22b%5Cc%27%28d%29%2A%21.docx`);
  });

  it('falls back to "tep" when nothing ASCII is left', () => {
    expect(contentDisposition('文件')).toMatch(/^attachment; filename="tep"; /u);
  });
});
