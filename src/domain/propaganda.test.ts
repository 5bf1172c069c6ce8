import { describe, expect, it } from 'vitest';
import { propagandaSentence, propagandaTableRows, propagandaTableValues, type ChannelTotals } from './propaganda';

const t = (values: Partial<ChannelTotals>): ChannelTotals => ({ entries: 1, posts: 0, broadcasts: 0, copies: 0, durationMinutes: 0, reach: 0, ...values });

describe('propaganda totals written as the reports write them', () => {
  it('one clause per channel in the channels’ order, Vietnamese thousands, the reach summed at the end', () => {
    const sentence = propagandaSentence({ loudspeaker: t({ entries: 4, broadcasts: 16, reach: 2000 }), portal: t({ entries: 3, posts: 12, reach: 1250 }), leaflet: t({ copies: 1500 }) });
    expect(sentence).toBe('Đăng 12 tin, bài trên Cổng thông tin điện tử, trang web; phát 16 lần trên hệ thống truyền thanh; in, phát 1.500 tài liệu, tờ rơi; ước tính 3.250 lượt người được tiếp cận.');
  });

  it('a count left at 0 falls back to the entries; nothing logged (or unknown channels) is null, never "0"', () => {
    expect(propagandaSentence({ zalo: t({ entries: 2 }), 'in-person': t({ entries: 3 }) })).toBe('Đăng 2 tin, bài trên Zalo; tuyên truyền trực tiếp 3 buổi tại tổ dân phố.');
    expect(propagandaSentence({})).toBeNull();
    expect(propagandaSentence({ fax: t({ posts: 3 }) })).toBeNull();
  });

  it('the table: a row per channel, then the sum when more than one; numbers formatted for print', () => {
    const byChannel = { zalo: t({ entries: 2, posts: 3, reach: 1200 }), banner: t({ entries: 1, copies: 12, reach: 0 }) };
    expect(propagandaTableValues(byChannel)).toEqual([
      ['Zalo', 2, 3, 0, 0, 1200],
      ['Băng rôn, khẩu hiệu, áp phích', 1, 0, 0, 12, 0],
      ['Cộng', 3, 3, 0, 12, 1200],
    ]);
    expect(propagandaTableRows(byChannel)[0]).toEqual(['Zalo', '2', '3', '0', '0', '1.200']);
    expect(propagandaTableRows({ zalo: t({}) })).toHaveLength(1);
  });
});
