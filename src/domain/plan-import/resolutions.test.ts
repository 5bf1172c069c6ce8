// The subject of a cited resolution is read whole: a ";" followed by a lower-case word continues
// it (issue 9: "…; ở thôn, tổ dân phố" was dropped), a ";" before the next item ends it.
import { describe, expect, it } from 'vitest';
import { importPlan } from './index';

const plan = (title: string) => importPlan(`KẾ HOẠCH\n\n${title}\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nTổ chức học tập.\n`);

describe('resolution subject', () => {
  it('keeps the part after a “;” that goes on in lower case', () => {
    const [resolution] = plan(
      'Tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số 96-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy về nâng cao chất lượng sinh hoạt chi bộ; ở thôn, tổ dân phố',
    ).resolutions;
    expect(resolution).toMatchObject({ number: '96-NQ/TU', issuedOn: '2026-05-12', issuer: 'Ban Thường vụ Tỉnh ủy' });
    expect(resolution!.subject).toBe('nâng cao chất lượng sinh hoạt chi bộ; ở thôn, tổ dân phố');
  });

  it('stops at a “;” that starts the next item', () => {
    const [resolution] = plan(
      'Các nội dung cốt lõi của Nghị quyết số 91-NQ/TU, ngày 12/5/2026 của Ban Thường vụ Tỉnh ủy về *tiếp tục đột phá xây dựng kết cấu hạ tầng*; Kế hoạch của Ban Thường vụ Đảng ủy phường',
    ).resolutions;
    expect(resolution!.subject).toBe('tiếp tục đột phá xây dựng kết cấu hạ tầng');
  });
});
