import { describe, expect, test } from 'vitest';
import JSZip from 'jszip';
import { countAttendance } from '../../domain/attendance';
import { blockText } from './model';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { buildSessionMinutes } from './session-minutes';

const input = {
  communeIssuer: 'Đảng ủy phường Nông Tiến',
  place: 'Nông Tiến',
  unitName: 'Chi bộ Tràng Đà 1',
  planTitle: 'Tổ chức tuyên truyền, quán triệt và học tập Nghị quyết số 91-NQ/TU',
  planNumber: '1-KH/ĐU',
  kind: 'regular' as const,
  heldOn: '2026-05-22',
  scheduledAt: new Date('2026-05-22T12:30:00Z'),
  venue: 'Nhà văn hóa tổ dân phố Tràng Đà 1',
  form: 'in-person' as const,
  reporter: 'Đồng chí Bí thư chi bộ',
  chairName: 'Hoàng Văn Bình',
  secretaryName: 'Lê Thị Hoa',
  counts: countAttendance(['a', 'b', 'c', 'd'], 1, [
    { memberId: 'a', status: 'present' },
    { memberId: 'b', status: 'late' },
    { memberId: 'c', status: 'excused', reason: 'ốm' },
    { memberId: 'd', status: 'absent', reason: 'đi công tác' },
  ]),
  away: [{ fullName: 'Trần Văn C', status: 'excused' as const, reason: 'ốm' }],
  reached: { youth: 5, association: 7, public: 12 },
  notes: 'Đồng chí bí thư truyền đạt nội dung Nghị quyết.',
  opinions: '',
};

describe('minutes of a cell session', () => {
  test('the cell header without a number line, the attendance, both signers', () => {
    const model = buildSessionMinutes(input);
    expect(model.header.superior).toBe('ĐẢNG BỘ PHƯỜNG NÔNG TIẾN');
    expect(model.header.issuer).toBe('CHI BỘ TRÀNG ĐÀ 1');
    expect(model.header.numberLine).toBeNull();
    expect(model.docType).toBe('BIÊN BẢN');
    const text = model.body.map(blockText).join('\n');
    expect(text).toContain('Vào hồi 19 giờ 30 ngày 22/05/2026');
    expect(text).toContain('Tổng số đảng viên: 5; miễn sinh hoạt: 1; phải dự: 4. Có mặt: 2 (đến muộn: 1); vắng có lý do: 1; vắng không lý do: 1; tỷ lệ dự: 50%');
    expect(text).toContain('Đồng chí Trần Văn C: vắng có lý do (ốm).');
    expect(text).toContain('5 đoàn viên, 7 hội viên và 12 người dân');
    expect(model.signature).toMatchObject({ onBehalfOf: 'CHỦ TRÌ', name: 'Hoàng Văn Bình' });
    expect(model.counterSignature).toMatchObject({ onBehalfOf: 'THƯ KÝ', name: 'Lê Thị Hoa' });
  });

  test('renders as DOCX and HTML with both signatures', async () => {
    const model = buildSessionMinutes(input);
    const zip = await JSZip.loadAsync(await renderDocx(model));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('CHI BỘ TRÀNG ĐÀ 1');
    expect(xml).toContain('THƯ KÝ');
    expect(xml).toContain('CHỦ TRÌ');
    expect(xml).not.toContain('Nơi nhận');
    const html = renderHtml(model);
    expect(html).toContain('Lê Thị Hoa');
    expect(html).not.toContain('Nơi nhận');
  });
});
