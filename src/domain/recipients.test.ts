import { describe, expect, it } from 'vitest';
import { cleanRecipientLabel, matchRecipient } from './recipients';

const units = [
  { id: 'ubnd', name: 'Ủy ban nhân dân phường' },
  { id: 'vp', name: 'Văn phòng Đảng ủy' },
];

describe('recipients', () => {
  it('matches unit names whatever the punctuation and notes', () => {
    expect(matchRecipient('- Ủy ban nhân dân phường,', units)).toEqual({ unitId: 'ubnd' });
    expect(matchRecipient('Uỷ ban nhân dân phường (để thực hiện);', units)).toEqual({ unitId: 'ubnd' });
  });
  it('reaches every cell through the collective line', () => {
    expect(matchRecipient('Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc,', units)).toEqual({ group: 'cells' });
  });
  it('keeps archive lines and unknown bodies as text', () => {
    expect(matchRecipient('Lưu Văn phòng Đảng ủy.', units)).toBeNull();
    expect(matchRecipient('Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo),', units)).toBeNull();
    expect(cleanRecipientLabel('- Ủy ban nhân dân phường,')).toBe('Ủy ban nhân dân phường');
  });
});
