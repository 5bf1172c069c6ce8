// The propaganda channels of the plans' "kết hợp … trên các nền tảng số, mạng xã hội và hệ thống
// truyền thanh", and the totals by channel written the way the reports write them: one sentence with
// the figures in Vietnamese number formatting ("Đăng 12 tin, bài trên Cổng thông tin điện tử, trang
// web; phát 16 lần trên hệ thống truyền thanh …") and a small table. Pure: the cell report, the
// consolidated report (DOCX, XLSX) and the web pages share them.
import { formatCount } from './report-figures';

export const propagandaChannels = ['portal', 'facebook', 'zalo', 'tiktok', 'loudspeaker', 'banner', 'leaflet', 'in-person'] as const;
export type PropagandaChannel = (typeof propagandaChannels)[number];
export const channelNames: Record<PropagandaChannel, string> = {
  portal: 'Cổng thông tin điện tử, trang web',
  facebook: 'Facebook',
  zalo: 'Zalo',
  tiktok: 'TikTok',
  loudspeaker: 'Hệ thống truyền thanh',
  banner: 'Băng rôn, khẩu hiệu, áp phích',
  leaflet: 'Tài liệu, tờ rơi in',
  'in-person': 'Trực tiếp tại tổ dân phố',
};

export interface ChannelTotals {
  entries: number;
  posts: number;
  broadcasts: number;
  copies: number;
  durationMinutes: number;
  reach: number;
}

/** GET /api/plans/:id/propaganda/totals's `byChannel`: only the channels with an entry. */
export type TotalsByChannel = Partial<Record<PropagandaChannel, ChannelTotals>>;

/** The channels with an entry, in the channels' order (unknown keys left out). */
export function channelsWithEntries(byChannel: TotalsByChannel | Record<string, ChannelTotals>): [PropagandaChannel, ChannelTotals][] {
  const map = byChannel as Record<string, ChannelTotals | undefined>;
  return propagandaChannels.flatMap((c) => {
    const t = map[c];
    return t && t.entries > 0 ? [[c, t] as [PropagandaChannel, ChannelTotals]] : [];
  });
}

const n = formatCount;
/** One clause per channel, what the unit did there (a count of 0 falls back to the entries). */
function clause(channel: PropagandaChannel, t: ChannelTotals): string {
  switch (channel) {
    case 'portal':
      return `đăng ${n(t.posts || t.entries)} tin, bài trên Cổng thông tin điện tử, trang web`;
    case 'facebook':
    case 'zalo':
    case 'tiktok':
      return `đăng ${n(t.posts || t.entries)} tin, bài trên ${channelNames[channel]}`;
    case 'loudspeaker':
      return `phát ${n(t.broadcasts || t.entries)} lần trên hệ thống truyền thanh`;
    case 'banner':
      return `treo ${n(t.copies || t.entries)} băng rôn, khẩu hiệu, áp phích`;
    case 'leaflet':
      return `in, phát ${n(t.copies)} tài liệu, tờ rơi`;
    case 'in-person':
      return `tuyên truyền trực tiếp ${n(t.entries)} buổi tại tổ dân phố`;
  }
}

/**
 * "Đăng 12 tin, bài trên Cổng thông tin điện tử, trang web; phát 16 lần trên hệ thống truyền thanh;
 * ước tính 3.200 lượt người được tiếp cận." — or null when nothing was logged.
 */
export function propagandaSentence(byChannel: TotalsByChannel | Record<string, ChannelTotals>): string | null {
  const list = channelsWithEntries(byChannel);
  if (list.length === 0) return null;
  const reach = list.reduce((s, [, t]) => s + t.reach, 0);
  const text = [...list.map(([c, t]) => clause(c, t)), ...(reach > 0 ? [`ước tính ${n(reach)} lượt người được tiếp cận`] : [])].join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export const propagandaTableTitles = ['Hình thức', 'Số lần ghi nhận', 'Tin, bài', 'Lần phát', 'Bản in, treo', 'Lượt tiếp cận'] as const;

/** The table's lines as numbers (one per channel with an entry, then the total when more than one). */
export function propagandaTableValues(byChannel: TotalsByChannel | Record<string, ChannelTotals>): [string, number, number, number, number, number][] {
  const list = channelsWithEntries(byChannel);
  const sum = (k: keyof ChannelTotals) => list.reduce((s, [, t]) => s + t[k], 0);
  const rows = list.map(([c, t]) => [channelNames[c], t.entries, t.posts, t.broadcasts, t.copies, t.reach] as [string, number, number, number, number, number]);
  if (list.length > 1) rows.push(['Cộng', sum('entries'), sum('posts'), sum('broadcasts'), sum('copies'), sum('reach')]);
  return rows;
}

/** The table's rows as printed ("1.112"), the same in the DOCX and on the web. */
export function propagandaTableRows(byChannel: TotalsByChannel | Record<string, ChannelTotals>): string[][] {
  return propagandaTableValues(byChannel).map(([name, ...figures]) => [name, ...figures.map(n)]);
}
